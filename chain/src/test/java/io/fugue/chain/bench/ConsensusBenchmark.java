package io.fugue.chain.bench;

import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.consensus.ConsensusSigner;
import io.fugue.chain.consensus.SignatureScheme;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.consensus.ValidatorSignature;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.node.ShardNode;
import io.fugue.chain.node.ShardNodes;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.txpool.TxPoolConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Consensus throughput and latency: n validators of one shard in this JVM, each configuration run
 * side by side over the in-memory network with in-memory stores and over libp2p on 127.0.0.1 with
 * one RocksDB store per validator (see {@link Transport}); real BLS, real ledger, proposing as fast
 * as they can (block interval 0). Per configuration: blocks finalized per second, time to finality
 * (block timestamp at the leader's build → import at validator 0), transfers finalized per second,
 * the share of wall time each validator spends in BLS operations, and heap/RSS of the whole JVM.
 * Not part of {@code mvn verify}; the command is in docs/benchmarks.md ("Consensus").
 *
 * <p>Arguments: {@code [measureSeconds] [validator counts…]}, default {@code 15 4 7 10}.
 */
public final class ConsensusBenchmark {
  private static final long WARMUP_MILLIS = 4_000;
  private static final int SENDERS = 500;

  /** Pre-signed transfers offered to every pool; a run that uses them all says "pool ran dry". */
  private static final int TRANSFERS = Integer.getInteger("bench.transfers", 40_000);

  /**
   * Comma-separated: {@code memory} (in-memory network and stores), {@code libp2p} (libp2p on
   * 127.0.0.1, RocksDB); each configuration runs on each, side by side.
   */
  private static final List<String> TRANSPORTS =
      List.of(System.getProperty("bench.transports", "memory,libp2p").split(","));

  /**
   * Comma-separated idle intervals of the empty-block policy (ms, 0 = off), each run side by side;
   * e.g. {@code -Dbench.idle=0,2500} shows that a loaded chain's finality does not depend on it.
   */
  private static final List<Long> IDLE_INTERVALS =
      java.util.Arrays.stream(System.getProperty("bench.idle", "0").split(","))
          .map(Long::parseLong)
          .toList();

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 15;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      sizes.add(Integer.parseInt(args[i]));
    }
    if (sizes.isEmpty()) {
      sizes = List.of(4, 7, 10);
    }
    System.out.println(
        "| network | validators | transfers/block | blocks/s | finality p50 (ms) | finality p90 (ms) "
            + "| transfers/s | BLS share of wall time per validator | heap after GC, all validators (MiB) | JVM RSS (MiB) |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    // Account keys depend only on the seed, so one set of signed transfers serves every run.
    DevnetGenesis.Devnet accounts = devnet(1);
    List<Transaction> transfers = transfers(accounts, SENDERS, TRANSFERS);
    for (int n : sizes) {
      for (int txs : List.of(0, 1000)) {
        for (String transport : TRANSPORTS) {
          for (long idle : IDLE_INTERVALS) {
            System.out.println(
                run(transport, n, txs, seconds, txs == 0 ? List.of() : transfers, idle));
          }
        }
      }
    }
  }

  private static DevnetGenesis.Devnet devnet(int validators) {
    return DevnetGenesis.generate(
        new DevnetGenesis.Spec(
            Bytes.of(new byte[] {5}), 1, validators, SENDERS, 1_000_000, RateLimits.none()));
  }

  private static String run(
      String transport, int n, int txPerBlock, long seconds, List<Transaction> txs, long idleMillis)
      throws Exception {
    DevnetGenesis.Devnet devnet = devnet(n);
    ShardNodes.Options options =
        new ShardNodes.Options(
            java.util.Optional.of(ConsensusConfig.defaults().withTimings(0, 5_000, 5_000, 60_000)),
            io.fugue.chain.node.SyncLimits.defaults(),
            Math.max(txPerBlock, 1),
            new TxPoolConfig(200_000, 1_000, 10, Duration.ofHours(1)),
            idleMillis);
    AtomicLong blsNanos = new AtomicLong();
    List<ShardNode> nodes = new ArrayList<>();
    List<long[]> finality = Collections.synchronizedList(new ArrayList<>());
    try (Transport net = Transport.create(transport, devnet.config().networkId())) {
      for (int i = 0; i < n; i++) {
        var key = devnet.validators().get(0).get(i);
        ShardNode node =
            ShardNodes.open(
                devnet.config(),
                0,
                timed(BlsSignatureScheme.signer(key), blsNanos),
                timed(new BlsSignatureScheme(), blsNanos),
                net.store(i),
                net.endpoint(i),
                options,
                Clock.systemUTC());
        for (Transaction tx : txs) {
          node.setup().pool().add(tx);
        }
        nodes.add(node);
      }
      net.awaitConnected(n);
      nodes
          .get(0)
          .setup()
          .chain()
          .addHeadListener(
              b ->
                  finality.add(
                      new long[] {
                        System.currentTimeMillis(),
                        System.currentTimeMillis() - b.header().timestamp(),
                        b.body().transactions().size()
                      }));
      nodes.forEach(ShardNode::start);
      Thread.sleep(WARMUP_MILLIS + net.extraWarmupMillis());
      long t0 = System.currentTimeMillis();
      long bls0 = blsNanos.get();
      Thread.sleep(seconds * 1000);
      long t1 = System.currentTimeMillis();
      long bls = blsNanos.get() - bls0;
      List<long[]> window = new ArrayList<>();
      synchronized (finality) {
        finality.stream().filter(f -> f[0] >= t0 && f[0] < t1).forEach(window::add);
      }
      long pending = nodes.get(0).setup().pool().size();
      // Heap and RSS while every validator still runs (stores, pools and caches live).
      System.gc();
      long heap =
          java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed()
              >> 20;
      long rss = rssMiB();
      nodes.forEach(ShardNode::stop);
      java.lang.ref.Reference.reachabilityFence(nodes);
      double secs = (t1 - t0) / 1000.0;
      long transfers = window.stream().mapToLong(f -> f[2]).sum();
      List<Long> lat = window.stream().map(f -> f[1]).sorted().toList();
      String note = txPerBlock > 0 && pending == 0 ? " (pool ran dry)" : "";
      return String.format(
          "| %s | %d | %d | %.1f | %s | %s | %.0f%s | %.0f %% | %d | %d |",
          idleMillis == 0 ? transport : transport + ", idle " + idleMillis + " ms",
          n,
          txPerBlock,
          window.size() / secs,
          pct(lat, 50),
          pct(lat, 90),
          transfers / secs,
          note,
          100.0 * bls / 1e9 / secs / n,
          heap,
          rss);
    }
  }

  private static String pct(List<Long> sorted, int p) {
    return sorted.isEmpty()
        ? "-"
        : Long.toString(sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)));
  }

  private static List<Transaction> transfers(DevnetGenesis.Devnet devnet, int senders, int count) {
    List<Transaction> out = new ArrayList<>(count);
    long chainId = devnet.config().chainId();
    for (int i = 0; i < count; i++) {
      int s = i % senders;
      Secp256k1PrivateKey from = devnet.accounts().get(s);
      out.add(
          Transfer.unsigned(
                  chainId,
                  i / senders,
                  ShardId.of(0),
                  Uint256.of(1_000_000_000L),
                  new Transfer(
                      ShardId.of(0),
                      devnet.accounts().get((s + 1) % senders).address(),
                      Uint256.ONE,
                      Bytes.EMPTY))
              .sign(from));
    }
    return out;
  }

  private static long rssMiB() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10;
        }
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return -1;
  }

  private static <T> T time(AtomicLong sink, Supplier<T> op) {
    long start = System.nanoTime();
    try {
      return op.get();
    } finally {
      sink.addAndGet(System.nanoTime() - start);
    }
  }

  private static ConsensusSigner timed(ConsensusSigner s, AtomicLong sink) {
    return new ConsensusSigner() {
      @Override
      public ValidatorKey publicKey() {
        return s.publicKey();
      }

      @Override
      public ValidatorSignature sign(Bytes message) {
        return time(sink, () -> s.sign(message));
      }
    };
  }

  private static SignatureScheme timed(SignatureScheme s, AtomicLong sink) {
    return new SignatureScheme() {
      @Override
      public boolean verify(ValidatorKey key, Bytes message, ValidatorSignature signature) {
        return time(sink, () -> s.verify(key, message, signature));
      }

      @Override
      public ValidatorSignature aggregate(List<ValidatorSignature> signatures) {
        return time(sink, () -> s.aggregate(signatures));
      }

      @Override
      public AggregateKey aggregateKeys(List<io.fugue.chain.consensus.ValidatorKey> keys) {
        return time(sink, () -> s.aggregateKeys(keys));
      }

      @Override
      public boolean verifyAggregate(
          AggregateKey key, Bytes message, ValidatorSignature aggregate) {
        return time(sink, () -> s.verifyAggregate(key, message, aggregate));
      }
    };
  }
}
