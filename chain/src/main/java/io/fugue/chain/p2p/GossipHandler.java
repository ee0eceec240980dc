package io.fugue.chain.p2p;

/**
 * Validates (and consumes) the messages of one topic. Runs on the host's event pump thread, so it
 * must be quick: decode and check, then hand heavy work to another executor. A handler that throws
 * counts as a {@link GossipValidation.Reject}.
 */
@FunctionalInterface
public interface GossipHandler {
  GossipValidation onMessage(GossipMessage message);
}
