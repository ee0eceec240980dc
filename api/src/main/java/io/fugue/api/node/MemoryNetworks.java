package io.fugue.api.node;

import io.fugue.chain.node.ConsensusNetwork;
import io.fugue.chain.node.InMemoryNetwork;

/** In-process endpoints on one {@link InMemoryNetwork} hub: for unit-speed tests only. */
public final class MemoryNetworks implements ValidatorNetworks {
  private final InMemoryNetwork hub = new InMemoryNetwork();

  @Override
  public ConsensusNetwork endpoint(int shard, int index) {
    return hub.endpoint("shard-" + shard + "-validator-" + index);
  }

  @Override
  public String describe() {
    return "in-memory network (no sockets)";
  }

  @Override
  public void close() {
    hub.close();
  }
}
