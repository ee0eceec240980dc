package io.fugue.chain.execution;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ledger execution on RocksDB, side by side in one run: {@link #importBlock} validates and commits
 * a received block of 1,000 transfers (sender recovery, execution, state root, one synced write
 * batch); {@link #recoverSenders} recovers the 1,000 senders of an identical, freshly decoded
 * block, which is the signature work inside {@code importBlock}, one by one, and {@link
 * #recoverSendersInParallel} does the same on all cores (as {@code importBlock} now does before
 * executing). Each invocation gets a block decoded from bytes, so no sender is cached. Command in
 * docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx2g"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 10)
public class LedgerExecutionBenchmark {
  static final int TRANSFERS = 1_000;
  static final int SENDERS = 1_000;

  private Path dir;
  private RocksDbKeyValueStore store;
  private TestChain chain;

  /** Builds each block on its own store, so the measured node imports it as a received block. */
  private TestChain proposer;

  private long[] nonces;
  private final SplittableRandom random = new SplittableRandom(11);
  private final List<Address> recipients = new ArrayList<>();
  private Block next;
  private Block lastBuilt;
  private Block twin;

  @Setup(Level.Trial)
  public void open() throws IOException {
    dir = Files.createTempDirectory("ledger-bench");
    store = RocksDbKeyValueStore.open(dir, RocksDbConfig.defaults());
    chain = new TestChain(store, RateLimits.none(), SENDERS);
    proposer = new TestChain(new InMemoryKeyValueStore(), RateLimits.none(), SENDERS);
    nonces = new long[SENDERS];
    for (int i = 0; i < 10_000; i++) {
      byte[] a = new byte[20];
      a[0] = (byte) 0xbe;
      a[18] = (byte) (i >>> 8);
      a[19] = (byte) i;
      recipients.add(Address.of(a));
    }
  }

  /** A fresh block of 1,000 transfers from 1,000 senders, built (not committed) on the head. */
  @Setup(Level.Invocation)
  public void nextBlock() {
    if (lastBuilt != null && chain.chain.head().equals(lastBuilt.header())) {
      // The measured node took the last block: the proposer commits it too (no re-execution).
      if (!proposer.chain.importBlock(lastBuilt).isAccepted()) {
        throw new IllegalStateException("proposer could not commit its own block");
      }
    }
    List<Transaction> txs = new ArrayList<>(TRANSFERS);
    for (int i = 0; i < TRANSFERS; i++) {
      int from = i % SENDERS;
      txs.add(
          proposer.transfer(
              from,
              recipients.get(random.nextInt(recipients.size())),
              1 + random.nextInt(1000),
              1,
              nonces[from]++));
    }
    Block built = proposer.build(txs).block();
    lastBuilt = built;
    chain.clock.set(proposer.clock.millis());
    if (built.body().transactions().size() != TRANSFERS) {
      throw new IllegalStateException("built a block of " + built.body().transactions().size());
    }
    next = Block.decode(built.encode(), chain.config.limits());
    twin = Block.decode(built.encode(), chain.config.limits());
  }

  @Benchmark
  public Validation importBlock() {
    Validation v = chain.chain.importBlock(next);
    if (!v.isAccepted()) {
      throw new IllegalStateException(v.reason());
    }
    return v;
  }

  @Benchmark
  public int recoverSenders() {
    int n = 0;
    for (Transaction tx : twin.body().transactions()) {
      Optional<Address> sender = tx.sender();
      n += sender.isPresent() ? 1 : 0;
    }
    // The head did not move: undo the nonces this block would have used.
    for (int i = 0; i < TRANSFERS; i++) {
      nonces[i % SENDERS]--;
    }
    return n;
  }

  /** As {@link #recoverSenders}, on all cores: what {@code importBlock} now does first. */
  @Benchmark
  public int recoverSendersInParallel() {
    SenderRecovery.recoverAll(twin.body().transactions());
    int n = 0;
    for (Transaction tx : twin.body().transactions()) {
      n += tx.sender().isPresent() ? 1 : 0;
    }
    for (int i = 0; i < TRANSFERS; i++) {
      nonces[i % SENDERS]--;
    }
    return n;
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
