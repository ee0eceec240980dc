package io.fugue.chain.p2p;

import io.fugue.chain.primitives.Bytes;
import java.util.Objects;

/**
 * One gossip message as received: its topic, its signed origin ({@code source}), the peer that
 * forwarded it to us, its gossipsub message id and its payload.
 */
public record GossipMessage(
    String topic, PeerId source, PeerId propagatedBy, Bytes messageId, Bytes data) {
  public GossipMessage {
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(propagatedBy, "propagatedBy");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(data, "data");
  }
}
