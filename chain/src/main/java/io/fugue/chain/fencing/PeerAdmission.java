package io.fugue.chain.fencing;

import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Validation;

/**
 * Whether a remote peer may receive or send a shard's gossip topics and sync responses. Gossip
 * validation and the sync server ask it for every peer and message of a shard; a non-accept means
 * the message is dropped (and counted), never forwarded.
 */
@FunctionalInterface
public interface PeerAdmission {
  /** Every peer is admitted to every shard: the behaviour of a network without fences. */
  PeerAdmission OPEN = (peer, shard) -> Validation.ACCEPT;

  /** {@link Validation#ACCEPT} if {@code peer} may exchange {@code shard}'s data with this node. */
  Validation admit(PeerId peer, ShardId shard);
}
