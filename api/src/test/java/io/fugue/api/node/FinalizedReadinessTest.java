package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FinalizedReadinessTest {
  private final LedgerFixture f = new LedgerFixture();
  private final FinalizedReadiness readiness = new FinalizedReadiness(f.chains);

  @Test
  void shouldWaitUntilEveryShardHasABlockPastGenesis() {
    assertThat(readiness.check().result().ready()).isFalse();
    f.block(1);
    var partial = readiness.check().result();
    assertThat(partial.ready()).isFalse();
    assertThat(partial.detail()).contains("shard(s) 0");
    f.block(0);
    assertThat(readiness.check().result().ready()).isTrue();
  }

  @Test
  void shouldNotWaitForAShardTheNodeOnlyFollows() {
    FinalizedReadiness shardOneNode = new FinalizedReadiness(f.chains, java.util.Set.of(1));
    assertThat(shardOneNode.check().result().ready()).isFalse();
    f.block(1);
    assertThat(shardOneNode.check().result().ready())
        .as("shard 0 has no block yet, and need not")
        .isTrue();
  }
}
