package io.fugue.chain.p2p;

import java.util.Objects;

/**
 * A gossip handler's verdict on one message. Only {@link Accept}ed messages are forwarded to other
 * peers; {@link Reject} also marks the sender as having sent an invalid message, {@link Ignore}
 * drops the message without blame (e.g. a duplicate or a block for a past epoch).
 */
public sealed interface GossipValidation {

  /** Valid: deliver and forward. */
  record Accept() implements GossipValidation {}

  /** Not useful but not malicious: drop without forwarding. */
  record Ignore() implements GossipValidation {}

  /** Invalid: drop without forwarding, and count it against the sender. */
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
