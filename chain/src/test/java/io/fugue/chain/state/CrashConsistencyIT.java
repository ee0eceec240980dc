package io.fugue.chain.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.ChainHead;
import io.fugue.chain.storage.ChainStore;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.Keys;
import io.fugue.chain.storage.KvTransaction;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import io.fugue.chain.testing.CrashHarness;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a block-committing child JVM with SIGKILL at random moments and checks after each kill that
 * the database reopens on a consistent chain: every acknowledged block is there, the head's state
 * root is the one a clean replay computes, balances add up. Reproduce a run with {@code
 * -Dcrash.seed=N}.
 */
class CrashConsistencyIT {
  private static final int KILLS = 18;
  private static final Duration DEADLINE = Duration.ofSeconds(90);

  @TempDir Path dir;

  /** A clean in-memory replay of the workload: the expected root and hash of every block. */
  private final InMemoryKeyValueStore replayStore = new InMemoryKeyValueStore();

  private final WorldState replay = new WorldState(replayStore);
  private final List<Hash32> roots = new ArrayList<>();
  private final List<Hash32> hashes = new ArrayList<>();

  @Test
  void shouldRestartOnAConsistentChainAfterEveryKill() throws Exception {
    long seed = Long.getLong("crash.seed", System.nanoTime());
    System.out.println("crash test seed " + seed);
    Path db = dir.resolve("db");
    CrashHarness.Outcome outcome =
        CrashHarness.killRepeatedly(
            CrashChild.class,
            dir,
            new CrashHarness.Plan(KILLS, DEADLINE, 1500, 40, 8),
            new Random(seed),
            acked -> checkConsistent(db, acked),
            db.toString());
    System.out.println(
        "kills that landed after a commit but before its acknowledgement: "
            + outcome.unacknowledgedCommits());
    assertThat(outcome.acknowledged()).as("the children made progress").isGreaterThan(KILLS);
  }

  private long checkConsistent(Path db, long acked) {
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(db, RocksDbConfig.defaults())) {
      ChainStore chain = new ChainStore(store);
      Optional<ChainHead> head = chain.head();
      if (head.isEmpty()) {
        assertThat(acked).as("acknowledged blocks are never lost").isNegative();
        return -1;
      }
      long h = head.get().number();
      assertThat(h).as("acknowledged blocks are never lost").isGreaterThanOrEqualTo(acked);
      replayTo(h);
      for (int n = 0; n <= h; n++) {
        assertThat(chain.canonicalHash(n)).as("hash of block %d", n).contains(hashes.get(n));
        assertThat(chain.blockInfo(hashes.get(n)).orElseThrow().stateRoot())
            .isEqualTo(roots.get(n));
        assertThat(chain.header(hashes.get(n))).isPresent();
      }
      assertThat(chain.canonicalHash(h + 1)).isEmpty();
      Hash32 root = head.get().stateRoot();
      assertThat(root).isEqualTo(roots.get((int) h));
      checkBalances(new WorldState(store), root, h);
      return h;
    }
  }

  private void checkBalances(WorldState world, Hash32 root, long head) {
    StateView state = world.view(root);
    StateView expected = replay.view(root);
    BigInteger total = BigInteger.ZERO;
    long nonces = 0;
    for (int i = 0; i < CrashWorkload.ACCOUNTS; i++) {
      Account account = state.account(CrashWorkload.address(i));
      assertThat(account).isEqualTo(expected.account(CrashWorkload.address(i)));
      total = total.add(account.balance());
      nonces += account.nonce();
    }
    assertThat(total).isEqualTo(CrashWorkload.TOTAL_SUPPLY);
    assertThat(nonces).isEqualTo(head * CrashWorkload.TRANSFERS_PER_BLOCK);
    assertThat(state.moduleValue(CrashWorkload.MODULE, CrashWorkload.COUNTER))
        .contains(Keys.u64(head));
    Bytes alice = CrashWorkload.address(0);
    assertThat(
            world
                .proveAccount(root, alice)
                .verify(root, StateKeys.account(alice), Optional.of(state.account(alice).encode())))
        .isTrue();
  }

  private void replayTo(long n) {
    while (roots.size() <= n) {
      long next = roots.size();
      BlockState state =
          replay.newBlockState(next == 0 ? WorldState.EMPTY_ROOT : roots.get((int) next - 1));
      CrashWorkload.execute(state, next);
      try (KvTransaction tx = replayStore.startTransaction()) {
        Hash32 root = state.commit(tx);
        tx.commit(Durability.BUFFERED);
        roots.add(root);
        hashes.add(
            CrashWorkload.blockHash(
                next, next == 0 ? Hash32.ZERO : hashes.get((int) next - 1), root));
      }
    }
  }
}
