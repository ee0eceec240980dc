package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockBody;
import io.fugue.chain.ledger.LedgerLimits;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.BlockState;
import io.fugue.chain.state.WorldState;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockExecutorTest {
  private static final Address P1 = Address.fromHex("0x00000000000000000000000000000000000000b1");
  private static final Address P2 = Address.fromHex("0x00000000000000000000000000000000000000b2");

  @Test
  void shouldStopBuildingAtTheRateLimitedBlockSizeAndRejectLargerBlocks() {
    RateLimits limits = new RateLimits(Uint256.MAX, 1000, 3, 8000, RateLimits.NEVER_LIFTED);
    TestChain t = new TestChain(new InMemoryKeyValueStore(), limits, 2);
    List<Transaction> five = new ArrayList<>();
    for (int n = 0; n < 5; n++) {
      five.add(t.transfer(0, 1, 1, 1, n));
    }
    BuiltBlock built = t.build(five);
    assertThat(built.block().body().transactions()).hasSize(3);
    BlockBody body = new BlockBody(five.subList(0, 4), List.of(), List.of());
    Block tooBig =
        new Block(built.block().header().toBuilder().txRoot(body.txRoot()).build(), body);
    Validation v = t.chain.validate(tooBig);
    assertThat(v).isInstanceOf(Validation.Reject.class);
    assertThat(v.reason()).contains("4 transactions exceed the limit of 3 per block");
  }

  @Test
  void shouldLiftTheBlockLimitFromTheConfiguredEpoch() {
    RateLimits limits = new RateLimits(Uint256.MAX, 1000, 3, 8000, 2);
    ChainConfig config =
        new ChainConfig(
            1,
            1,
            10,
            2000,
            2000,
            limits,
            RewardSchedule.constant(Uint256.ZERO),
            LedgerLimits.defaults());
    BlockExecutor ex =
        new BlockExecutor(config, ModuleRegistry.builtInsOnly(), RewardRecipients.PROPOSER);
    assertThat(ex.maxTransactions(1)).isEqualTo(3);
    assertThat(ex.maxTransactions(2)).isEqualTo(LedgerLimits.defaults().maxTransactionsPerBlock());
    assertThat(config.epochOf(19)).isEqualTo(1);
    assertThat(config.epochOf(20)).isEqualTo(2);
  }

  @Test
  void shouldPayRewardAndFeesThroughThePluggableRecipients() {
    RewardSchedule schedule =
        new RewardSchedule(
            List.of(
                new RewardSchedule.Step(0, Uint256.of(100)),
                new RewardSchedule.Step(5, Uint256.of(40))));
    ChainConfig config =
        new ChainConfig(1, 1, 1, 2000, 2000, RateLimits.none(), schedule, LedgerLimits.defaults());
    RewardRecipients halves =
        (ctx, bitmap, amount) -> {
          BigInteger half = amount.toBigInteger().shiftRight(1);
          return List.of(
              new RewardRecipients.Payout(P1, Uint256.of(half)),
              new RewardRecipients.Payout(P2, Uint256.of(amount.toBigInteger().subtract(half))));
        };
    BlockExecutor ex = new BlockExecutor(config, ModuleRegistry.builtInsOnly(), halves);
    BlockState state =
        new WorldState(new InMemoryKeyValueStore()).newBlockState(WorldState.EMPTY_ROOT);
    BlockContext ctx =
        new BlockContext(1, io.fugue.chain.primitives.ShardId.BEACON, 1, 6, 6, 1, P1);
    ExecutionResult r = ex.execute(state, ctx, Bytes.EMPTY, List.of(), BlockExecutor.Mode.VALIDATE);
    assertThat(r.minted()).isEqualTo(Uint256.of(40));
    assertThat(state.account(P1.toBytes()).balance()).isEqualTo(BigInteger.valueOf(20));
    assertThat(state.account(P2.toBytes()).balance()).isEqualTo(BigInteger.valueOf(20));
  }

  @Test
  void shouldRefuseRecipientsThatPayOutAnotherAmount() {
    ChainConfig config =
        new ChainConfig(
            1,
            1,
            1,
            2000,
            2000,
            RateLimits.none(),
            RewardSchedule.constant(Uint256.of(10)),
            LedgerLimits.defaults());
    RewardRecipients greedy =
        (ctx, bitmap, amount) -> List.of(new RewardRecipients.Payout(P1, amount.add(Uint256.ONE)));
    BlockExecutor ex = new BlockExecutor(config, ModuleRegistry.builtInsOnly(), greedy);
    BlockState state =
        new WorldState(new InMemoryKeyValueStore()).newBlockState(WorldState.EMPTY_ROOT);
    BlockContext ctx =
        new BlockContext(1, io.fugue.chain.primitives.ShardId.BEACON, 1, 1, 1, 1, P1);
    assertThatThrownBy(
            () -> ex.execute(state, ctx, Bytes.EMPTY, List.of(), BlockExecutor.Mode.BUILD))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("pay out");
  }
}
