package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.ledger.CrossShardReceipt;
import io.fugue.chain.ledger.LedgerLimits;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.BlockState;
import io.fugue.chain.state.WorldState;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KvTransaction;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransactionExecutorTest {
  static final ShardId SHARD = ShardId.of(1);
  static final long CHAIN = 1337;
  static final long T0 = DevnetGenesis.TIMESTAMP;
  static final io.fugue.chain.crypto.Secp256k1PrivateKey ALICE =
      DevnetGenesis.accountKey(Bytes.of((byte) 1), 0);
  static final io.fugue.chain.crypto.Secp256k1PrivateKey BOB =
      DevnetGenesis.accountKey(Bytes.of((byte) 1), 1);
  static final BigInteger FUNDS = BigInteger.valueOf(1_000_000);

  private BlockState state(Map<Address, Uint256> allocations) {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    WorldState w = new WorldState(store);
    try (KvTransaction tx = store.startTransaction()) {
      var root = GenesisState.writeAllocations(allocations, w, tx);
      tx.commit(io.fugue.chain.storage.Durability.BUFFERED);
      return w.newBlockState(root);
    }
  }

  private BlockState funded() {
    return state(Map.of(ALICE.address(), Uint256.of(FUNDS)));
  }

  private static ChainConfig config(RateLimits limits) {
    return new ChainConfig(
        CHAIN,
        2,
        100,
        2000,
        2000,
        limits,
        RewardSchedule.constant(Uint256.ZERO),
        LedgerLimits.defaults());
  }

  private static BlockContext ctx(long number, long timestamp) {
    return new BlockContext(CHAIN, SHARD, 2, number, number / 100, timestamp, Address.ZERO);
  }

  private static Transaction transfer(
      long chainId, ShardId shard, ShardId to, long nonce, long value, long fee) {
    return Transfer.unsigned(
            chainId,
            nonce,
            shard,
            Uint256.of(fee),
            new Transfer(to, BOB.address(), Uint256.of(value), Bytes.EMPTY))
        .sign(ALICE);
  }

  private static Transaction transfer(long nonce, long value, long fee) {
    return transfer(CHAIN, SHARD, SHARD, nonce, value, fee);
  }

  private static TransactionExecutor executor(RateLimits limits) {
    return new TransactionExecutor(config(limits), ModuleRegistry.builtInsOnly());
  }

  private static TxRejection.Reason rejection(TransactionExecutor.Outcome o) {
    assertThat(o).isInstanceOf(TransactionExecutor.Excluded.class);
    return ((TransactionExecutor.Excluded) o).rejection().reason();
  }

  @Test
  void shouldMoveValueAndChargeTheFee() {
    BlockState s = funded();
    var o = executor(RateLimits.none()).execute(transfer(0, 100, 3), s, ctx(1, T0));
    assertThat(o).isInstanceOf(TransactionExecutor.Applied.class);
    assertThat(s.account(ALICE.address().toBytes()))
        .isEqualTo(new Account(FUNDS.subtract(BigInteger.valueOf(103)), 1));
    assertThat(s.account(BOB.address().toBytes()).balance()).isEqualTo(BigInteger.valueOf(100));
  }

  @Test
  void shouldRejectEachEnvelopeDefectWithItsReason() {
    TransactionExecutor ex = executor(RateLimits.none());
    assertThat(rejection(ex.execute(transfer(7, SHARD, SHARD, 0, 1, 1), funded(), ctx(1, T0))))
        .isEqualTo(TxRejection.Reason.WRONG_CHAIN);
    assertThat(
            rejection(
                ex.execute(transfer(CHAIN, ShardId.of(0), SHARD, 0, 1, 1), funded(), ctx(1, T0))))
        .isEqualTo(TxRejection.Reason.WRONG_SHARD);
    Transaction unknown =
        new UnsignedTransaction(0x42, CHAIN, 0, SHARD, Uint256.ONE, RlpList.of()).sign(ALICE);
    assertThat(rejection(ex.execute(unknown, funded(), ctx(1, T0))))
        .isEqualTo(TxRejection.Reason.UNKNOWN_TYPE);
    assertThat(rejection(ex.execute(unsignable(), funded(), ctx(1, T0))))
        .isEqualTo(TxRejection.Reason.BAD_SIGNATURE);
  }

  /** A transaction whose signature's r is the x of no curve point, so no sender recovers. */
  private static Transaction unsignable() {
    UnsignedTransaction u = transfer(0, 1, 1).unsigned();
    for (int r = 1; ; r++) {
      Transaction tx =
          new Transaction(u, new Secp256k1Signature(BigInteger.valueOf(r), BigInteger.ONE, 0));
      if (tx.sender().isEmpty()) {
        return tx;
      }
    }
  }

  @Test
  void shouldRejectReplayedAndFutureNonces() {
    TransactionExecutor ex = executor(RateLimits.none());
    BlockState s = funded();
    assertThat(ex.execute(transfer(0, 1, 1), s, ctx(1, T0)))
        .isInstanceOf(TransactionExecutor.Applied.class);
    assertThat(rejection(ex.execute(transfer(0, 1, 1), s, ctx(1, T0))))
        .isEqualTo(TxRejection.Reason.NONCE_TOO_LOW);
    assertThat(rejection(ex.execute(transfer(2, 1, 1), s, ctx(1, T0))))
        .isEqualTo(TxRejection.Reason.NONCE_TOO_HIGH);
  }

  @Test
  void shouldRejectWhenBalanceDoesNotCoverValuePlusFee() {
    TransactionExecutor ex = executor(RateLimits.none());
    BlockState s = funded();
    assertThat(rejection(ex.execute(transfer(0, 999_999, 2), s, ctx(1, T0))))
        .isEqualTo(TxRejection.Reason.INSUFFICIENT_BALANCE);
    assertThat(s.pendingWrites()).isZero();
    assertThat(ex.execute(transfer(0, 999_999, 1), s, ctx(1, T0)))
        .isInstanceOf(TransactionExecutor.Applied.class);
    assertThat(s.account(ALICE.address().toBytes()).balance()).isZero();
  }

  @Test
  void shouldRejectACreditThatWouldOverflowTheRecipient() {
    BlockState s = state(Map.of(ALICE.address(), Uint256.of(FUNDS), BOB.address(), Uint256.MAX));
    TxRejection.Reason r =
        rejection(executor(RateLimits.none()).execute(transfer(0, 1, 1), s, ctx(1, T0)));
    assertThat(r).isEqualTo(TxRejection.Reason.MODULE_REJECTED);
  }

  @Test
  void shouldRejectATransferToAShardThatDoesNotExist() {
    var o =
        executor(RateLimits.none())
            .execute(transfer(CHAIN, SHARD, ShardId.of(5), 0, 1, 1), funded(), ctx(1, T0));
    assertThat(((TransactionExecutor.Excluded) o).rejection().detail()).contains("shard");
  }

  @Test
  void shouldOnlyDebitAndEmitAReceiptForACrossShardTransfer() {
    BlockState s = funded();
    Transaction tx = transfer(CHAIN, SHARD, ShardId.of(0), 0, 100, 1);
    var o = (TransactionExecutor.Applied) executor(RateLimits.none()).execute(tx, s, ctx(1, T0));
    assertThat(o.outgoing())
        .containsExactly(
            new CrossShardReceipt(
                tx.hash(), ALICE.address(), BOB.address(), SHARD, ShardId.of(0), Uint256.of(100)));
    assertThat(s.account(BOB.address().toBytes())).isEqualTo(Account.EMPTY);
    assertThat(s.account(ALICE.address().toBytes()).balance())
        .isEqualTo(FUNDS.subtract(BigInteger.valueOf(101)));
  }

  @Test
  void shouldRejectAValueAboveTheRateLimitUntilTheLiftEpoch() {
    RateLimits limits = new RateLimits(Uint256.of(50), 100, 1000, 8000, 2);
    TransactionExecutor ex = executor(limits);
    var o = ex.execute(transfer(0, 51, 1), funded(), ctx(1, T0));
    assertThat(((TransactionExecutor.Excluded) o).rejection().reason())
        .isEqualTo(TxRejection.Reason.RATE_LIMIT);
    assertThat(((TransactionExecutor.Excluded) o).rejection().detail()).contains("per transaction");
    assertThat(ex.execute(transfer(0, 51, 1), funded(), ctx(200, T0)))
        .as("epoch 2 lifts the limits")
        .isInstanceOf(TransactionExecutor.Applied.class);
  }

  @Test
  void shouldCountTransactionsPerSenderOverTheLastHourOfBlockTimestamps() {
    RateLimits limits = new RateLimits(Uint256.MAX, 3, 1000, 8000, RateLimits.NEVER_LIFTED);
    TransactionExecutor ex = executor(limits);
    BlockState s = funded();
    for (int n = 0; n < 3; n++) {
      assertThat(ex.execute(transfer(n, 1, 1), s, ctx(1 + n, T0 + n * 1000L)))
          .isInstanceOf(TransactionExecutor.Applied.class);
    }
    assertThat(rejection(ex.execute(transfer(3, 1, 1), s, ctx(4, T0 + 3_599_999L))))
        .isEqualTo(TxRejection.Reason.RATE_LIMIT);
    assertThat(ex.execute(transfer(3, 1, 1), s, ctx(5, T0 + 3_600_000L)))
        .as("the first transaction left the window")
        .isInstanceOf(TransactionExecutor.Applied.class);
    assertThat(SenderActivity.countInWindow(s, ALICE.address(), T0 + 3_600_000L)).isEqualTo(3);
  }

  @Test
  void shouldKeepTheFeeAndUndoTheModuleWritesWhenApplyFails() {
    BlockState s = funded();
    ModuleRegistry modules = ModuleRegistry.builder().register(new FailingModule()).build();
    TransactionExecutor ex = new TransactionExecutor(config(RateLimits.none()), modules);
    Transaction tx =
        new UnsignedTransaction(
                FailingModule.TYPE, CHAIN, 0, SHARD, Uint256.of(5), RlpList.of(RlpString.ofUint(1)))
            .sign(ALICE);
    var o = (TransactionExecutor.Applied) ex.execute(tx, s, ctx(1, T0));
    assertThat(o.receipt().status()).isEqualTo(Receipt.Status.FAILED);
    assertThat(o.receipt().feeUsed()).isEqualTo(Uint256.of(5));
    assertThat(s.account(ALICE.address().toBytes()))
        .isEqualTo(new Account(FUNDS.subtract(BigInteger.valueOf(5)), 1));
    assertThat(s.moduleValue(FailingModule.ID.bytes(), Bytes.of((byte) 1))).isEmpty();
    assertThat(s.account(BOB.address().toBytes())).isEqualTo(Account.EMPTY);
  }

  @Test
  void shouldRecordAModuleRejectWithTheModuleName() {
    ModuleRegistry modules = ModuleRegistry.builder().register(new FailingModule()).build();
    TransactionExecutor ex = new TransactionExecutor(config(RateLimits.none()), modules);
    Transaction tx =
        new UnsignedTransaction(FailingModule.TYPE, CHAIN, 0, SHARD, Uint256.ONE, RlpList.of())
            .sign(ALICE);
    var o = (TransactionExecutor.Excluded) ex.execute(tx, funded(), ctx(1, T0));
    assertThat(o.rejection().reason()).isEqualTo(TxRejection.Reason.MODULE_REJECTED);
    assertThat(o.rejection().detail()).startsWith("test.failing: ");
  }

  @Test
  void shouldRejectRatherThanCrashWhenAModuleThrowsInValidate() {
    ModuleRegistry modules = ModuleRegistry.builder().register(new FailingModule()).build();
    TransactionExecutor ex = new TransactionExecutor(config(RateLimits.none()), modules);
    Transaction tx =
        new UnsignedTransaction(
                FailingModule.TYPE,
                CHAIN,
                0,
                SHARD,
                Uint256.ONE,
                RlpList.of(RlpString.ofUint(1), RlpString.ofUint(2)))
            .sign(ALICE);
    BlockState s = funded();
    var o = (TransactionExecutor.Excluded) ex.execute(tx, s, ctx(1, T0));
    assertThat(o.rejection().reason()).isEqualTo(TxRejection.Reason.MODULE_REJECTED);
    assertThat(o.rejection().detail()).contains("module threw");
    assertThat(s.pendingWrites()).isZero();
  }

  @Test
  void shouldCommitTheSameRootForTheSameTransactions() {
    List<Transaction> txs = List.of(transfer(0, 5, 1), transfer(1, 6, 1));
    var roots = new java.util.ArrayList<io.fugue.chain.primitives.Hash32>();
    for (int i = 0; i < 2; i++) {
      BlockState s = funded();
      txs.forEach(tx -> executor(RateLimits.none()).execute(tx, s, ctx(1, T0)));
      try (KvTransaction kv = new InMemoryKeyValueStore().startTransaction()) {
        roots.add(s.commit(kv));
      }
    }
    assertThat(roots.get(0)).isEqualTo(roots.get(1));
  }
}
