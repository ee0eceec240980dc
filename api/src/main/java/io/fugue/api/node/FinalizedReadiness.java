package io.fugue.api.node;

import io.fugue.api.model.Readiness;
import io.fugue.api.port.ReadinessCheck;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/** Ready once every shard held (the beacon chain included) has a finalized block past genesis. */
public final class FinalizedReadiness implements ReadinessCheck {
  private final ShardChains chains;

  public FinalizedReadiness(ShardChains chains) {
    this.chains = chains;
  }

  @Override
  public Future<Readiness> check() {
    return LedgerChainBackend.call(() -> {
      List<String> waiting = new ArrayList<>();
      for (int s : chains.shards()) {
        if (chains.chain(s).head().number() < 1) {
          waiting.add(Integer.toString(s));
        }
      }
      return waiting.isEmpty()
          ? new Readiness(true, "every shard has finalized a block")
          : new Readiness(false, "no finalized block yet on shard(s) " + String.join(", ", waiting));
    });
  }
}
