package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockBody;
import io.fugue.chain.ledger.CrossShardReceipt;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Block-level rules end to end: builder on one node, validator on another. */
class BlockRulesTest {
  @Test
  void shouldCommitCrossShardReceiptsInTheOutgoingRoot() {
    TestChain t = new TestChain(new InMemoryKeyValueStore(), RateLimits.none(), 2);
    Transaction tx =
        Transfer.unsigned(
                t.config.chainId(),
                0,
                TestChain.SHARD,
                Uint256.ONE,
                new Transfer(ShardId.of(0), t.address(1), Uint256.of(77), Bytes.EMPTY))
            .sign(t.key(0));
    BuiltBlock built = t.build(List.of(tx));
    CrossShardReceipt expected =
        new CrossShardReceipt(
            tx.hash(), t.address(0), t.address(1), TestChain.SHARD, ShardId.of(0), Uint256.of(77));
    assertThat(built.result().outgoing()).containsExactly(expected);
    assertThat(built.block().header().outgoingReceiptRoot())
        .isEqualTo(CrossShardReceipt.outgoingRoot(List.of(expected)))
        .isNotEqualTo(Hash32.ZERO);

    TestChain other = new TestChain(new InMemoryKeyValueStore(), RateLimits.none(), 2);
    other.clock.set(t.clock.millis());
    assertThat(other.chain.importBlock(built.block())).isEqualTo(Validation.ACCEPT);
    Block forged =
        new Block(
            built.block().header().toBuilder().outgoingReceiptRoot(Hash32.ZERO).build(),
            built.block().body());
    assertThat(t.chain.validate(forged).reason()).contains("outgoingReceiptRoot");
  }

  @Test
  void shouldAgreeOnAFailedReceiptAcrossNodes() {
    ModuleRegistry modules = ModuleRegistry.builder().register(new FailingModule()).build();
    TestChain t = new TestChain(new InMemoryKeyValueStore(), RateLimits.none(), 2, modules);
    Transaction tx =
        new UnsignedTransaction(
                FailingModule.TYPE,
                t.config.chainId(),
                0,
                TestChain.SHARD,
                Uint256.of(3),
                RlpList.of(RlpString.ofUint(1)))
            .sign(t.key(0));
    Block block = t.commit(List.of(tx));
    assertThat(t.chain.receipt(tx.hash()).orElseThrow().status()).isEqualTo(Receipt.Status.FAILED);
    assertThat(t.nonce(0)).isEqualTo(1);

    TestChain other = new TestChain(new InMemoryKeyValueStore(), RateLimits.none(), 2, modules);
    other.clock.set(t.clock.millis());
    assertThat(other.chain.importBlock(block)).isEqualTo(Validation.ACCEPT);
    TestChain noModule = new TestChain(new InMemoryKeyValueStore(), RateLimits.none(), 2);
    noModule.clock.set(t.clock.millis());
    assertThat(noModule.chain.importBlock(block).reason()).contains("UNKNOWN_TYPE");
  }

  @Test
  void shouldEnforceTheHourlySenderLimitAcrossBlocksAndRestarts() {
    RateLimits limits = new RateLimits(Uint256.MAX, 3, 1000, 8000, RateLimits.NEVER_LIFTED);
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    TestChain t = new TestChain(store, limits, 2);
    for (int n = 0; n < 3; n++) {
      t.commit(List.of(t.transfer(0, 1, 1, 1, n)));
    }
    t.reopen();
    t.clock.set(t.chain.head().timestamp());
    Transaction fourth = t.transfer(0, 1, 1, 1, 3);
    BuiltBlock built = t.build(List.of(fourth));
    assertThat(built.block().body().transactions()).isEmpty();
    assertThat(built.result().skipped().get(0).rejection().reason())
        .isEqualTo(TxRejection.Reason.RATE_LIMIT);

    BlockBody body = new BlockBody(List.of(fourth), List.of(), List.of());
    Block forced =
        new Block(built.block().header().toBuilder().txRoot(body.txRoot()).build(), body);
    assertThat(t.chain.validate(forced).reason()).contains("RATE_LIMIT").contains("past hour");

    t.clock.set(t.chain.head().timestamp() + RateLimits.WINDOW_MILLIS);
    t.commit(List.of(fourth));
    assertThat(t.nonce(0)).isEqualTo(4);
  }
}
