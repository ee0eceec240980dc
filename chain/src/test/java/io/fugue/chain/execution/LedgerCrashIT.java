package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import io.fugue.chain.testing.CrashHarness;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that runs the real executor and {@link Blockchain} on RocksDB with SIGKILL at
 * random moments, then reopens the database and checks: no acknowledged block lost, the head's hash
 * and state root equal a clean in-memory replay's, every balance and nonce matches, the coins add
 * up. Reproduce a run with {@code -Dcrash.seed=N}.
 */
class LedgerCrashIT {
  private static final int KILLS = 12;
  private static final Duration DEADLINE = Duration.ofSeconds(120);

  @TempDir Path dir;

  private final TestChain replay = LedgerCrashWorkload.chain(new InMemoryKeyValueStore());
  private final BigInteger supply = totalSupply(replay);

  @Test
  void shouldResumeOnAConsistentChainAfterEveryKill() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("ledger crash test seed " + seed);
    CrashHarness.Outcome outcome =
        CrashHarness.killRepeatedly(
            LedgerCrashChild.class,
            dir,
            new CrashHarness.Plan(KILLS, DEADLINE, 2500, 15, 20),
            new Random(seed),
            acked -> checkConsistent(dir.resolve("db"), acked),
            dir.resolve("db").toString());
    assertThat(outcome.acknowledged()).as("the children made progress").isGreaterThan(KILLS);
  }

  private long checkConsistent(Path db, long acked) {
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(db, RocksDbConfig.defaults())) {
      TestChain t = LedgerCrashWorkload.chain(store);
      BlockHeader head = t.chain.head();
      assertThat(head.number())
          .as("acknowledged blocks are never lost")
          .isGreaterThanOrEqualTo(acked);
      while (replay.chain.head().number() < head.number()) {
        LedgerCrashWorkload.next(replay);
      }
      BlockHeader expected = replay.chain.block(head.number()).orElseThrow().header();
      assertThat(head).isEqualTo(expected);
      for (long n = Math.max(1, acked - 3); n <= head.number(); n++) {
        assertThat(t.chain.block(n).orElseThrow().hash())
            .isEqualTo(replay.chain.block(n).orElseThrow().hash());
      }
      var state = t.chain.stateAt(head.stateRoot());
      var want = replay.chain.stateAt(head.stateRoot());
      BigInteger total = BigInteger.ZERO;
      for (int i = 0; i < LedgerCrashWorkload.ACCOUNTS; i++) {
        var account = state.account(t.address(i).toBytes());
        assertThat(account).isEqualTo(want.account(replay.address(i).toBytes()));
        total = total.add(account.balance());
      }
      BigInteger rewards = state.account(TestChain.proposer().toBytes()).balance();
      BigInteger minted =
          t.config
              .rewards()
              .blockReward(0)
              .toBigInteger()
              .multiply(BigInteger.valueOf(head.number()));
      assertThat(total.add(rewards)).as("coins add up").isEqualTo(supply.add(minted));
      return head.number();
    }
  }

  private static BigInteger totalSupply(TestChain t) {
    BigInteger s = BigInteger.ZERO;
    for (int i = 0; i < LedgerCrashWorkload.ACCOUNTS; i++) {
      s = s.add(t.balance(i));
    }
    return s;
  }
}
