package io.fugue.chain.bench;

import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.genesis.GenesisWriter;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.primitives.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A validator process's memory at steady state: n validators of one shard, each a separate JVM
 * running {@code io.fugue.chain.node.ValidatorNode} with its config file, RocksDB store and libp2p
 * host on 127.0.0.1 (joined through a bootnode in this JVM), producing blocks at the genesis block
 * time. After the warm-up and a steady window, per process: the chain height reached, resident
 * memory ({@code VmRSS}, read first) and used heap after a full GC ({@code jcmd GC.run}, then
 * {@code GC.heap_info}). Not part of {@code mvn verify}; the command is in docs/benchmarks.md
 * ("Consensus").
 *
 * <p>Arguments: {@code [validators] [steadySeconds] [blockTimeMillis]}, default {@code 4 60 1000};
 * the child JVMs' flags come from {@code -Dbench.jvm} (default {@code -Xmx512m}).
 */
public final class ValidatorMemoryBenchmark {
  private static final Pattern FINALIZED = Pattern.compile("block (\\d+) finalized");
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    long steady = args.length > 1 ? Long.parseLong(args[1]) : 60;
    long blockTime = args.length > 2 ? Long.parseLong(args[2]) : 1000;
    List<String> jvm = List.of(System.getProperty("bench.jvm", "-Xmx512m").split(" "));
    Path dir = Files.createTempDirectory("fugue-validator-memory");
    Bytes seed = Bytes.of(new byte[] {7, 7});
    GenesisConfig base =
        DevnetGenesis.generate(new DevnetGenesis.Spec(seed, 1, n, 2, 1_000_000, RateLimits.none()))
            .config();
    GenesisConfig genesis =
        new GenesisConfig(
            base.networkId(),
            base.chainId(),
            base.shardCount(),
            base.timestamp(),
            blockTime,
            base.blocksPerEpoch(),
            base.leaderRotationBlocks(),
            base.maxClockDriftMillis(),
            base.rateLimits(),
            base.rewards(),
            base.shards());
    Files.writeString(dir.resolve("genesis.json"), GenesisWriter.toJson(genesis));
    List<Process> procs = new ArrayList<>();
    try (P2pHost boot =
        P2pHost.start(
            P2pConfig.builder()
                .network(genesis.networkId())
                .asBootnode()
                .listen("/ip4/127.0.0.1/tcp/0")
                .build())) {
      for (int i = 0; i < n; i++) {
        procs.add(launch(dir, i, n, seed, boot.dialableAddress(), jvm));
      }
      long warmup = Math.max(20, 10 * blockTime / 1000);
      TimeUnit.SECONDS.sleep(warmup + steady);
      System.out.printf(
          "n=%d, block time %d ms, child JVM flags %s, measured after %d s%n",
          n, blockTime, jvm, warmup + steady);
      System.out.println("| validator | height | heap after full GC (MiB) | RSS before it (MiB) |");
      System.out.println("|---:|---:|---:|---:|");
      for (int i = 0; i < n; i++) {
        Process p = procs.get(i);
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "validator " + i + " exited; see " + dir.resolve("v" + i + ".log"));
        }
        // Resident memory as the process runs, before the forced GC that may return heap to the OS.
        long rssKiB = rssKiB(p.pid());
        long heapKiB = heapAfterGc(p.pid());
        System.out.printf(
            "| %d | %d | %d | %d |%n",
            i, height(dir.resolve("v" + i + ".log")), heapKiB >> 10, rssKiB >> 10);
      }
    } finally {
      for (Process p : procs) {
        p.destroy();
      }
      for (Process p : procs) {
        p.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static Process launch(Path dir, int i, int n, Bytes seed, String boot, List<String> jvm)
      throws IOException {
    Path config = dir.resolve("v" + i + ".json");
    Files.writeString(
        config,
        """
        {"genesis": "genesis.json", "shard": 0, "dataDir": "v%d", "listen": ["/ip4/127.0.0.1/tcp/0"],
         "bootnodes": ["%s"], "devnet": {"seed": "%s", "validatorsPerShard": %d, "index": %d}}
        """
            .formatted(i, boot, seed.toPrefixedHex(), n, i));
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.fugue.chain.node.ValidatorNode",
            config.toString()));
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("v" + i + ".log").toFile())
        .start();
  }

  private static long height(Path log) throws IOException {
    long h = -1;
    for (String line : Files.readAllLines(log)) {
      Matcher m = FINALIZED.matcher(line);
      if (m.find()) {
        h = Math.max(h, Long.parseLong(m.group(1)));
      }
    }
    return h;
  }

  private static long heapAfterGc(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("no heap usage in jcmd GC.heap_info of " + pid);
    }
    return Long.parseLong(m.group(1));
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid),
                command)
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  private static long rssKiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }
}
