package io.fugue.api.node;

import io.fugue.chain.node.ConsensusNetwork;

/**
 * Where the devnet's validators get their network endpoints: one per validator, named by shard and
 * committee index. Closing it closes whatever the endpoints share (a bootnode, a hub).
 */
public interface ValidatorNetworks extends AutoCloseable {
  ConsensusNetwork endpoint(int shard, int index);

  /** What the devnet prints about its network. */
  String describe();

  @Override
  void close();
}
