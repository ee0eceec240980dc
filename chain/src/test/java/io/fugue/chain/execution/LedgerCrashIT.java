package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that runs the real executor and {@link Blockchain} on RocksDB with SIGKILL at
 * random moments, then reopens the database and checks: no acknowledged block lost, the head's
 * hash and state root equal a clean in-memory replay's, every balance and nonce matches, the
 * coins add up. Reproduce a run with {@code -Dcrash.seed=N}.
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
    Random random = new Random(seed);
    Path db = dir.resolve("db");
    long acked = 0;
    for (int run = 0; run < KILLS; run++) {
      Process child = startChild(db, run);
      AtomicLong lastAck = new AtomicLong(-1);
      Thread reader = readAcks(child, lastAck);
      if (random.nextInt(5) == 0) {
        child.waitFor(random.nextInt(2500), TimeUnit.MILLISECONDS);
      } else {
        awaitAck(child, lastAck, acked + 1 + random.nextInt(15));
        child.waitFor(random.nextInt(20), TimeUnit.MILLISECONDS);
      }
      child.destroyForcibly();
      assertThat(child.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)).as("child exits").isTrue();
      reader.join(DEADLINE.toMillis());
      acked = Math.max(acked, lastAck.get());
      long head = checkConsistent(db, acked);
      System.out.printf("run %d: acknowledged up to %d, head %d%n", run, acked, head);
    }
    assertThat(acked).as("the children made progress").isGreaterThan(KILLS);
  }

  private long checkConsistent(Path db, long acked) {
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(db, RocksDbConfig.defaults())) {
      TestChain t = LedgerCrashWorkload.chain(store);
      BlockHeader head = t.chain.head();
      assertThat(head.number()).as("acknowledged blocks are never lost").isGreaterThanOrEqualTo(acked);
      while (replay.chain.head().number() < head.number()) {
        LedgerCrashWorkload.next(replay);
      }
      BlockHeader expected = replay.chain.block(head.number()).orElseThrow().header();
      assertThat(head).isEqualTo(expected);
      for (long n = Math.max(1, acked - 3); n <= head.number(); n++) {
        assertThat(t.chain.block(n).orElseThrow().hash()).isEqualTo(replay.chain.block(n).orElseThrow().hash());
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
      BigInteger minted = t.config.rewards().blockReward(0).toBigInteger()
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

  private Process startChild(Path db, int run) throws IOException {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", classpath,
        LedgerCrashChild.class.getName(), db.toString());
    pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("child-" + run + ".err").toFile()));
    return pb.start();
  }

  private static Thread readAcks(Process child, AtomicLong lastAck) {
    Thread t = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.startsWith("committed ")) {
            lastAck.set(Long.parseLong(line.substring("committed ".length())));
          }
        }
      } catch (IOException e) {
        // The pipe closes when the child is killed.
      }
    });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void awaitAck(Process child, AtomicLong lastAck, long target) throws Exception {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (lastAck.get() < target) {
      if (!child.isAlive()) {
        throw new AssertionError("child exited with " + child.exitValue() + "; see " + dir);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("child did not reach block " + target + " in " + DEADLINE);
      }
      child.waitFor(1, TimeUnit.MILLISECONDS);
    }
  }
}
