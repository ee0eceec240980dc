package io.fugue.chain.p2p;

import java.util.Objects;

/**
 * A gossip handler's verdict on one message. Only {@link Accept}ed messages are forwarded to other
 * peers. {@link Reject} drops the message and reports it to gossipsub as invalid (which penalises
 * the sender once peer scoring is enabled; it is not yet) and is counted in {@link
 * P2pMetrics#rejected()}; {@link Ignore} drops it without blame (e.g. a block for a past epoch).
 */
public sealed interface GossipValidation {

  /** Valid: deliver and forward. */
  record Accept() implements GossipValidation {}

  /** Not useful but not malicious: drop without forwarding. */
  record Ignore() implements GossipValidation {}

  /** Invalid: drop without forwarding, reported to gossipsub as invalid. */
  record Reject(String reason) implements GossipValidation {
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }
  }

  static GossipValidation accept() {
    return new Accept();
  }

  static GossipValidation ignore() {
    return new Ignore();
  }

  static GossipValidation reject(String reason) {
    return new Reject(reason);
  }
}
