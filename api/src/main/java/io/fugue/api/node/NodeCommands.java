package io.fugue.api.node;

import io.fugue.api.cli.NodeLauncher;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.node.ValidatorConfig;
import io.fugue.chain.node.ValidatorNode;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The node commands of the CLI: each runs in this JVM until Ctrl-C, whose shutdown hook stops
 * everything and closes every store before the JVM exits.
 */
public final class NodeCommands implements NodeLauncher {
  /** The devnet's key files are encrypted with this public password: its keys are public anyway. */
  public static final String DEVNET_PASSWORD = "devnet";

  static final long DEVNET_BLOCK_INTERVAL_MILLIS = 1_000;

  /**
   * The devnet's gossipsub heartbeat: mesh upkeep only (messages are forwarded as they arrive), so
   * the production 1 s costs no latency; 200 ms made 13 idle hosts wake 65 times a second.
   */
  static final Duration DEVNET_HEARTBEAT = Duration.ofSeconds(1);

  private final PrintStream out;

  public NodeCommands(PrintStream out) {
    this.out = out;
  }

  @Override
  public int devnet(Path dataDir, int apiPort) {
    Devnet devnet;
    try {
      devnet =
          Devnet.start(
              new Devnet.Options(dataDir, apiPort, DEVNET_BLOCK_INTERVAL_MILLIS),
              new P2pNetworks("fugue-devnet", dataDir, DEVNET_HEARTBEAT),
              Clock.systemUTC());
    } catch (RuntimeException e) {
      out.println("fugue: cannot start the devnet: " + e.getMessage());
      return 1;
    }
    Path keys = dataDir.resolve("keys");
    importDevnetKeys(devnet.layout(), keys);
    writeVaultKey(devnet.layout(), dataDir.resolve("vault-key.txt"));
    out.print(DevnetGuide.text(devnet, dataDir, keys));
    out.flush();
    announceReady(devnet);
    return runUntilStopped(devnet::close, new CompletableFuture<>());
  }

  /**
   * Prints one "ready" line once every shard finalized a block (when {@code /health} turns 200), so
   * a script can wait for it instead of polling; gives up silently when the devnet stops first.
   */
  private void announceReady(Devnet devnet) {
    Thread t =
        new Thread(
            () -> {
              try {
                Duration took = devnet.awaitFirstBlocks(Duration.ofDays(365));
                out.println(
                    "fugue devnet: ready after "
                        + String.format(java.util.Locale.ROOT, "%.1f", took.toMillis() / 1000.0)
                        + " s: every shard finalized a block; "
                        + "API http://127.0.0.1:"
                        + devnet.apiPort());
                out.flush();
              } catch (InterruptedException | RuntimeException e) {
                // Stopped (Ctrl-C) before it was ready: nothing to announce.
              }
            },
            "fugue-devnet-ready");
    t.setDaemon(true);
    t.start();
  }

  /** Writes the devnet accounts' key files (password {@value #DEVNET_PASSWORD}) once. */
  static void importDevnetKeys(DevnetLayout layout, Path dir) {
    KeyFileKeyStore store =
        new KeyFileKeyStore(
            dir, DEVNET_PASSWORD::toCharArray, new KeyFile.ScryptParams(1 << 12, 8, 1));
    for (int i = 0; i < layout.accounts().size(); i++) {
      store.importKey("devnet-" + i, layout.accounts().get(i));
    }
  }

  /** The vault's public key, for holders' clients to seal openings to ({@code FUGUE_VAULT_KEY}). */
  static void writeVaultKey(DevnetLayout layout, Path file) {
    try {
      java.nio.file.Files.writeString(
          file, layout.vaultKey().publicKey().toBytes().toPrefixedHex() + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public int node(Path config) {
    NodeProcess node;
    try {
      node =
          NodeProcess.start(
              ValidatorConfig.load(config), NodeProcess.Options.defaults(), Clock.systemUTC());
    } catch (RuntimeException e) {
      // Config, genesis, key, store, p2p or API port: one line naming what is wrong, no stack
      // trace.
      out.println("fugue: cannot start the node: " + oneLine(e));
      return e instanceof io.fugue.chain.crypto.CryptoException c
              && c.getMessage() != null
              && c.getMessage().startsWith("wrong password")
          ? io.fugue.api.cli.FugueCli.EXIT_KEY_PASSWORD
          : 1;
    }
    banner(node);
    return runUntilStopped(node::close, node.validator().terminated());
  }

  /**
   * What an operator checks first: the shards, the genesis every peer must share, where to reach
   * it.
   */
  private void banner(NodeProcess node) {
    ValidatorNode v = node.validator();
    var genesis = v.genesis();
    var host = v.p2pHost();
    out.println(
        "fugue node: network "
            + genesis.networkId()
            + " (chain id "
            + genesis.chainId()
            + "), validator of shard "
            + v.shardNode().shard()
            + v.beaconReplica().map(r -> ", following the beacon chain (shard 0)").orElse(""));
    out.println(
        "  genesis hash "
            + io.fugue.chain.genesis.Genesis.configHash(genesis).toBytes().toPrefixedHex());
    out.println("  peer id      " + host.peerId().value());
    host.listenAddresses()
        .forEach(a -> out.println("  listening on " + a + "/p2p/" + host.peerId().value()));
    node.apiPort()
        .ifPresent(
            port ->
                out.println(
                    "  API          http://"
                        + node.apiHost().orElse("127.0.0.1")
                        + ":"
                        + port
                        + " (ready: /health/ready)"));
    out.println("Ctrl-C or SIGTERM stops it.");
    out.flush();
  }

  /** The message of {@code e} and its causes, on one line. */
  static String oneLine(Throwable e) {
    StringBuilder b = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null && !b.toString().contains(c.getMessage())) {
        b.append(": ").append(c.getMessage());
      }
    }
    return b.toString().replace('\n', ' ');
  }

  @Override
  public int bootnode(String network, String listen, Path keyFile) {
    P2pHost host;
    try {
      Path parent = keyFile.toAbsolutePath().getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      host =
          P2pHost.start(
              P2pConfig.builder()
                  .asBootnode()
                  .listen(listen)
                  .network(network)
                  .keyPath(keyFile)
                  .build());
    } catch (RuntimeException | java.io.IOException e) {
      out.println("fugue: cannot start the bootnode: " + e.getMessage());
      return 1;
    }
    out.println(
        "bootnode of network "
            + network
            + " running (Kademlia server, no topics); give nodes "
            + "one of these as a bootnode:");
    host.listenAddresses().forEach(a -> out.println("  " + a + "/p2p/" + host.peerId().value()));
    out.println("Ctrl-C stops it.");
    return runUntilStopped(host::close, new CompletableFuture<>());
  }

  /**
   * Waits for Ctrl-C (exit code 0) or for the service to fail on its own (exit code 1: a shard that
   * could not store a finalized block must not look like a clean stop to its supervisor). Either
   * way the shutdown hook closes everything before the JVM exits.
   */
  int runUntilStopped(Runnable stop, CompletionStage<Optional<Throwable>> terminated) {
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicInteger exitCode = new AtomicInteger();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stop.run();
                  stopped.countDown();
                },
                "fugue-shutdown"));
    terminated.thenAccept(
        failure ->
            failure.ifPresent(
                cause -> {
                  out.println("fugue: the node stopped after a fatal error: " + cause.getMessage());
                  exitCode.set(1);
                  stopped.countDown();
                }));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return exitCode.get();
  }
}
