package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;

/**
 * Publishes an encoded consensus message to the shard's consensus topic (the p2p host implements
 * it).
 */
@FunctionalInterface
public interface ConsensusGossip {
  void broadcast(Bytes message);
}
