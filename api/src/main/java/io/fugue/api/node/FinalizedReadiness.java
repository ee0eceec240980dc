package io.fugue.api.node;

import io.fugue.api.model.Readiness;
import io.fugue.api.port.ReadinessCheck;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ready once every shard this node runs has a finalized block past genesis. A shard it only follows
 * (the beacon replica of a shard-s validator) does not count: a shard-1 node must not stay unready
 * because the beacon chain is slow to reach it.
 */
public final class FinalizedReadiness implements ReadinessCheck {
  private final ShardChains chains;
  private final Set<Integer> run;

  /** Every shard held counts (the devnet runs them all). */
  public FinalizedReadiness(ShardChains chains) {
    this(chains, Set.copyOf(chains.shards()));
  }

  public FinalizedReadiness(ShardChains chains, Set<Integer> run) {
    this.chains = chains;
    this.run = new TreeSet<>(run);
    if (run.isEmpty() || !chains.shards().containsAll(run)) {
      throw new IllegalArgumentException("shards run " + run + " must be held: " + chains.shards());
    }
  }

  @Override
  public Future<Readiness> check() {
    return LedgerChainBackend.call(
        () -> {
          List<String> waiting = new ArrayList<>();
          for (int s : run) {
            if (chains.chain(s).head().number() < 1) {
              waiting.add(Integer.toString(s));
            }
          }
          return waiting.isEmpty()
              ? new Readiness(true, "shard(s) " + run + " finalized blocks")
              : new Readiness(
                  false, "no finalized block yet on shard(s) " + String.join(", ", waiting));
        });
  }
}
