package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.KvTransaction;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * State-root update time for a block of 1,000 account writes against states of 10k, 100k and 1M
 * accounts on RocksDB. The states are built once into {@code chain/target/bench-state/<n>} and
 * reused by later runs. Command in docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx3g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class StateRootBenchmark {
  static final int WRITES_PER_BLOCK = 1_000;
  private static final int BUILD_BATCH = 50_000;
  private static final Bytes ROOT_KEY = Bytes.of("bench-root".getBytes(StandardCharsets.US_ASCII));

  @Param({"10000", "100000", "1000000"})
  public int accounts;

  private RocksDbKeyValueStore store;
  private WorldState world;
  private Hash32 root;
  private final SplittableRandom random = new SplittableRandom(7);

  static Bytes address(long i) {
    byte[] a = new byte[20];
    for (int b = 19; b >= 12; b--) {
      a[b] = (byte) i;
      i >>>= 8;
    }
    return Bytes.of(a);
  }

  /** The machine is shared: each trial logs the load average so a reader can judge the noise. */
  static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  @Setup(Level.Trial)
  public void openOrBuild() {
    System.out.println("\nload average at start: " + loadAverage());
    Path dir =
        Path.of(System.getProperty("bench.dir", "target/bench-state"), Integer.toString(accounts));
    store = RocksDbKeyValueStore.open(dir, RocksDbConfig.defaults());
    world =
        new WorldState(
            store, Integer.getInteger("bench.cachedNodes", SparseMerkleTree.DEFAULT_CACHED_NODES));
    root = store.get(Column.META, ROOT_KEY).map(Hash32::of).orElse(null);
    if (root == null) {
      long start = System.nanoTime();
      root = WorldState.EMPTY_ROOT;
      for (int from = 0; from < accounts; from += BUILD_BATCH) {
        BlockState state = world.newBlockState(root);
        for (int i = from; i < Math.min(accounts, from + BUILD_BATCH); i++) {
          state.setAccount(address(i), new Account(BigInteger.valueOf(1_000_000_000L + i), 0));
        }
        // The root is recorded only once the whole state is in, so an interrupted build restarts.
        root = commit(state, from + BUILD_BATCH >= accounts);
      }
      System.out.printf(
          "%nbuilt %d accounts in %.1f s%n", accounts, (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * How {@link #executeAndCommitBlock} commits: SYNC as blocks do; BUFFERED shows the fsync's
   * share.
   */
  @State(Scope.Benchmark)
  public static class CommitMode {
    @Param({"SYNC", "BUFFERED"})
    public Durability durability;
  }

  private Hash32 commit(BlockState state, boolean recordRoot) {
    return commit(state, recordRoot, Durability.SYNC);
  }

  private Hash32 commit(BlockState state, boolean recordRoot, Durability durability) {
    try (KvTransaction tx = store.startTransaction()) {
      Hash32 next = state.commit(tx);
      if (recordRoot) {
        tx.put(Column.META, ROOT_KEY, next.toBytes());
      }
      tx.commit(durability);
      return next;
    }
  }

  private BlockState blockOfWrites() {
    BlockState state = world.newBlockState(root);
    for (int w = 0; w < WRITES_PER_BLOCK; w++) {
      Bytes address = address(random.nextInt(accounts));
      Account a = state.account(address);
      state.setAccount(
          address, a.withBalance(a.balance().add(BigInteger.ONE)).withNonce(a.nonce() + 1));
    }
    return state;
  }

  /** Reads, updates and re-hashes 1,000 accounts, then commits the new nodes. */
  @Benchmark
  public Hash32 executeAndCommitBlock(CommitMode mode) {
    root = commit(blockOfWrites(), true, mode.durability);
    return root;
  }

  /** Only the new root: reads and hashing, new nodes discarded. */
  @Benchmark
  public Hash32 computeRootOnly() {
    BlockState state = blockOfWrites();
    try (KvTransaction tx = store.startTransaction()) {
      return state.commit(tx);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    System.out.println("\nload average at end: " + loadAverage());
    store.close();
  }
}
