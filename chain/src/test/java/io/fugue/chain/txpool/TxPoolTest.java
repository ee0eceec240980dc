package io.fugue.chain.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.execution.TestChain;
import io.fugue.chain.execution.TxRejection.Reason;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TxPoolTest {
  private static final RateLimits LIMITS =
      new RateLimits(Uint256.of(1_000_000), 5, 1000, 8000, RateLimits.NEVER_LIFTED);
  private final TestChain t = new TestChain(new InMemoryKeyValueStore(), LIMITS, 6);

  private TxPool pool(TxPoolConfig config) {
    return new TxPool(t.config, config, t.modules, t.clock, t.chain.head(), t.chain.headState());
  }

  private TxPool pool() {
    return pool(TxPoolConfig.defaults());
  }

  private static Reason reason(AddResult r) {
    assertThat(r).isInstanceOf(AddResult.Rejected.class);
    return ((AddResult.Rejected) r).rejection().reason();
  }

  @Test
  void shouldAcceptAValidTransfer() {
    TxPool p = pool();
    Transaction tx = t.transfer(0, 1, 10, 1, 0);
    assertThat(p.add(tx)).isEqualTo(new AddResult.Added(tx));
    assertThat(p.contains(tx.hash())).isTrue();
    assertThat(reason(p.add(tx))).isEqualTo(Reason.ALREADY_KNOWN);
  }

  @Test
  void shouldRejectEnvelopeDefectsWithTheirReasons() {
    TxPool p = pool();
    Transaction wrongChain =
        Transfer.unsigned(
                99,
                0,
                TestChain.SHARD,
                Uint256.ONE,
                new Transfer(TestChain.SHARD, t.address(1), Uint256.ONE, Bytes.EMPTY))
            .sign(t.key(0));
    assertThat(reason(p.add(wrongChain))).isEqualTo(Reason.WRONG_CHAIN);
    Transaction wrongShard =
        Transfer.unsigned(
                t.config.chainId(),
                0,
                ShardId.of(0),
                Uint256.ONE,
                new Transfer(ShardId.of(0), t.address(1), Uint256.ONE, Bytes.EMPTY))
            .sign(t.key(0));
    assertThat(reason(p.add(wrongShard))).isEqualTo(Reason.WRONG_SHARD);
    Transaction good = t.transfer(0, 1, 1, 1, 0);
    Transaction badSig = null;
    for (int r = 1; badSig == null; r++) {
      Transaction c =
          new Transaction(
              good.unsigned(), new Secp256k1Signature(BigInteger.valueOf(r), BigInteger.ONE, 0));
      badSig = c.sender().isEmpty() ? c : null;
    }
    assertThat(reason(p.add(badSig))).isEqualTo(Reason.BAD_SIGNATURE);
    Transaction huge =
        Transfer.unsigned(
                t.config.chainId(),
                0,
                TestChain.SHARD,
                Uint256.ONE,
                new Transfer(
                    TestChain.SHARD, t.address(1), Uint256.ONE, Bytes.of(new byte[200_000])))
            .sign(t.key(0));
    assertThat(reason(p.add(huge))).isEqualTo(Reason.OVERSIZE);
    assertThat(p.size()).isZero();
  }

  @Test
  void shouldRejectNonceTooLowAfterInclusionAndGaps() {
    t.commit(List.of(t.transfer(0, 1, 1, 1, 0)));
    TxPool p = pool();
    assertThat(reason(p.add(t.transfer(0, 1, 1, 1, 0)))).isEqualTo(Reason.NONCE_TOO_LOW);
    assertThat(reason(p.add(t.transfer(0, 1, 1, 1, 2)))).isEqualTo(Reason.NONCE_TOO_HIGH);
    assertThat(p.add(t.transfer(0, 1, 1, 1, 1)).accepted()).isTrue();
    assertThat(p.add(t.transfer(0, 1, 1, 1, 2)).accepted()).isTrue();
  }

  @Test
  void shouldRejectWhenPendingTransactionsExhaustTheBalance() {
    TxPool p = pool();
    BigInteger balance = t.balance(0);
    // The value limit is 1,000,000 per transaction: spend the balance in fees instead.
    Transaction big =
        Transfer.unsigned(
                t.config.chainId(),
                0,
                TestChain.SHARD,
                Uint256.of(balance.subtract(BigInteger.TEN)),
                new Transfer(TestChain.SHARD, t.address(1), Uint256.of(5), Bytes.EMPTY))
            .sign(t.key(0));
    assertThat(p.add(big).accepted()).isTrue();
    AddResult second = p.add(t.transfer(0, 1, 6, 0, 1));
    assertThat(reason(second)).isEqualTo(Reason.INSUFFICIENT_BALANCE);
    assertThat(((AddResult.Rejected) second).rejection().detail()).contains("after 1 pending");
    assertThat(p.add(t.transfer(0, 1, 5, 0, 1)).accepted()).isTrue();
  }

  @Test
  void shouldApplyTheRateLimitsWithPendingTransactionsCounted() {
    TxPool p = pool();
    assertThat(reason(p.add(t.transfer(0, 1, 1_000_001, 1, 0)))).isEqualTo(Reason.RATE_LIMIT);
    for (int n = 0; n < 5; n++) {
      assertThat(p.add(t.transfer(0, 1, 1, 1, n)).accepted()).isTrue();
    }
    AddResult sixth = p.add(t.transfer(0, 1, 1, 1, 5));
    assertThat(reason(sixth)).isEqualTo(Reason.RATE_LIMIT);
    assertThat(((AddResult.Rejected) sixth).rejection().detail()).contains("past hour");
  }

  @Test
  void shouldReplaceOnlyWithASufficientFeeBump() {
    TxPool p = pool();
    Transaction first = t.transfer(0, 1, 1, 100, 0);
    p.add(first);
    assertThat(reason(p.add(t.transfer(0, 1, 2, 109, 0)))).isEqualTo(Reason.FEE_TOO_LOW);
    Transaction better = t.transfer(0, 1, 2, 110, 0);
    assertThat(p.add(better)).isEqualTo(new AddResult.Replaced(better, first));
    assertThat(p.contains(first.hash())).isFalse();
    assertThat(p.size()).isEqualTo(1);
    Transaction zeroFee = t.transfer(1, 0, 1, 0, 0);
    p.add(zeroFee);
    assertThat(reason(p.add(t.transfer(1, 0, 2, 0, 0))))
        .as("a bump of 0 is not a bump")
        .isEqualTo(Reason.FEE_TOO_LOW);
    assertThat(p.add(t.transfer(1, 0, 2, 1, 0)).accepted()).isTrue();
  }

  @Test
  void shouldCapTransactionsPerSender() {
    TxPool p = pool(TxPoolConfig.defaults().withMaxPerSender(2));
    p.add(t.transfer(0, 1, 1, 1, 0));
    p.add(t.transfer(0, 1, 1, 1, 1));
    assertThat(reason(p.add(t.transfer(0, 1, 1, 1, 2)))).isEqualTo(Reason.SENDER_FULL);
  }

  @Test
  void shouldEvictTheCheapestTailWhenFullOrRefuse() {
    TxPool p = pool(TxPoolConfig.defaults().withMaxTransactions(3));
    Transaction cheap = t.transfer(0, 1, 1, 1, 0);
    p.add(cheap);
    p.add(t.transfer(1, 0, 1, 5, 0));
    p.add(t.transfer(2, 0, 1, 5, 0));
    assertThat(reason(p.add(t.transfer(3, 0, 1, 1, 0)))).isEqualTo(Reason.POOL_FULL);
    Transaction rich = t.transfer(3, 0, 1, 2, 0);
    assertThat(p.add(rich).accepted()).isTrue();
    assertThat(p.contains(cheap.hash())).isFalse();
    assertThat(p.size()).isEqualTo(3);
  }

  @Test
  void shouldHonourTheGenesisPoolLimitWhileActive() {
    RateLimits tight = new RateLimits(Uint256.MAX, 100, 1000, 2, RateLimits.NEVER_LIFTED);
    TestChain c = new TestChain(new InMemoryKeyValueStore(), tight, 3);
    TxPool p =
        new TxPool(
            c.config,
            TxPoolConfig.defaults(),
            c.modules,
            c.clock,
            c.chain.head(),
            c.chain.headState());
    p.add(c.transfer(0, 1, 1, 1, 0));
    p.add(c.transfer(1, 0, 1, 1, 0));
    assertThat(reason(p.add(c.transfer(2, 0, 1, 1, 0)))).isEqualTo(Reason.POOL_FULL);
  }

  @Test
  void shouldOrderByNonceWithinSenderAndByFeeAcrossSenders() {
    TxPool p = pool();
    Transaction a0 = t.transfer(0, 1, 1, 1, 0);
    Transaction a1 = t.transfer(0, 1, 1, 50, 1);
    Transaction b0 = t.transfer(1, 0, 1, 10, 0);
    Transaction c0 = t.transfer(2, 0, 1, 5, 0);
    for (Transaction tx : List.of(b0, a0, c0, a1)) {
      assertThat(p.add(tx).accepted()).isTrue();
    }
    assertThat(p.pending(10)).containsExactly(b0, c0, a0, a1);
    assertThat(p.pending(2)).containsExactly(b0, c0);
  }

  @Test
  void shouldDropIncludedAndStaleTransactionsOnANewHead() {
    TxPool p = pool(TxPoolConfig.defaults().withMaxAge(Duration.ofMinutes(10)));
    Transaction a0 = t.transfer(0, 1, 1, 1, 0);
    Transaction a1 = t.transfer(0, 1, 1, 1, 1);
    Transaction old = t.transfer(2, 1, 1, 1, 0);
    p.add(old);
    t.clock.advance(Duration.ofMinutes(9).toMillis());
    p.add(a0);
    p.add(a1);
    Block block = t.commit(List.of(a0));
    t.clock.advance(Duration.ofMinutes(2).toMillis());
    p.onNewHead(block.header(), t.chain.headState());
    assertThat(p.contains(a0.hash())).as("included").isFalse();
    assertThat(p.contains(old.hash())).as("stale").isFalse();
    assertThat(p.contains(a1.hash())).isTrue();
    assertThat(p.pending(10)).containsExactly(a1);
  }

  @Test
  void shouldFollowTheChainAndBuildFromPending() {
    TxPool p = TxPool.following(t.chain, TxPoolConfig.defaults(), t.modules, t.clock);
    Transaction a0 = t.transfer(0, 1, 1, 1, 0);
    Transaction a1 = t.transfer(0, 1, 1, 1, 1);
    p.add(a0);
    p.add(a1);
    Block block = t.commit(p.pending(1));
    assertThat(block.body().transactions()).containsExactly(a0);
    assertThat(p.pending(10)).containsExactly(a1);
    assertThat(reason(p.add(t.transfer(0, 1, 1, 1, 0)))).isEqualTo(Reason.NONCE_TOO_LOW);
  }

  @Test
  void shouldStayConsistentUnderConcurrentAdds() throws Exception {
    TxPool p = pool();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int s = 0; s < 4; s++) {
        int sender = s;
        results.add(
            threads.submit(
                () -> {
                  int ok = 0;
                  for (int n = 0; n < 5; n++) {
                    ok += p.add(t.transfer(sender, 5, 1, 1, n)).accepted() ? 1 : 0;
                  }
                  return ok;
                }));
      }
      int accepted = 0;
      for (Future<Integer> f : results) {
        accepted += f.get(30, TimeUnit.SECONDS);
      }
      assertThat(accepted).isEqualTo(20);
      assertThat(p.size()).isEqualTo(20);
      assertThat(p.pending(100)).hasSize(20);
    } finally {
      threads.shutdownNow();
    }
  }
}
