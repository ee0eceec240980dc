package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random candidate lists (valid and invalid transfers mixed) through the builder of one node and
 * the validator of another: the other node always accepts the built block and reaches the same
 * head, and no coin is created or lost beyond the block reward.
 */
class ExecutionPropertiesTest {
  private static final int ACCOUNTS = 4;

  record Candidate(int from, int to, long value, long fee, int nonceShift) {}

  @Provide
  Arbitrary<Candidate> candidates() {
    return Combinators.combine(
            Arbitraries.integers().between(0, ACCOUNTS - 1),
            Arbitraries.integers().between(0, ACCOUNTS - 1),
            Arbitraries.longs().between(0, 2_000_000),
            Arbitraries.longs().between(0, 50),
            Arbitraries.integers().between(-1, 1))
        .as(Candidate::new);
  }

  @Property(tries = 40)
  void shouldAgreeAcrossNodesAndConserveCoins(
      @ForAll @Size(max = 3) List<@Size(max = 12) List<@From("candidates") Candidate>> blocks) {
    RateLimits limits = new RateLimits(Uint256.of(1_000_000), 6, 8, 8000, RateLimits.NEVER_LIFTED);
    TestChain a = new TestChain(new InMemoryKeyValueStore(), limits, ACCOUNTS);
    TestChain b = new TestChain(new InMemoryKeyValueStore(), limits, ACCOUNTS);
    BigInteger supply = total(a);
    for (List<Candidate> candidates : blocks) {
      long[] nonces = new long[ACCOUNTS];
      for (int i = 0; i < ACCOUNTS; i++) {
        nonces[i] = a.nonce(i);
      }
      List<Transaction> txs = new ArrayList<>();
      for (Candidate c : candidates) {
        long nonce = Math.max(0, nonces[c.from()] + c.nonceShift());
        if (c.nonceShift() == 0) {
          nonces[c.from()]++;
        }
        txs.add(a.transfer(c.from(), c.to(), c.value(), c.fee(), nonce));
      }
      Block block = a.commit(txs);
      b.clock.set(a.clock.millis());
      assertThat(b.chain.importBlock(block)).isEqualTo(Validation.ACCEPT);
    }
    assertThat(b.chain.head()).isEqualTo(a.chain.head());
    BigInteger minted =
        a.config
            .rewards()
            .blockReward(0)
            .toBigInteger()
            .multiply(BigInteger.valueOf(blocks.size()));
    assertThat(total(b)).isEqualTo(supply.add(minted));
  }

  private static BigInteger total(TestChain t) {
    BigInteger s = t.chain.headState().account(TestChain.proposer().toBytes()).balance();
    for (int i = 0; i < ACCOUNTS; i++) {
      s = s.add(t.balance(i));
    }
    return s;
  }
}
