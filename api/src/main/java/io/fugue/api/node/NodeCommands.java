package io.fugue.api.node;

import io.fugue.api.cli.NodeLauncher;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.node.ValidatorConfig;
import io.fugue.chain.node.ValidatorNode;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.primitives.ChainException;
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

  private final PrintStream out;

  public NodeCommands(PrintStream out) {
    this.out = out;
  }

  @Override
  public int devnet(Path dataDir, int apiPort) {
    Devnet devnet;
    try {
      devnet = Devnet.start(new Devnet.Options(dataDir, apiPort, DEVNET_BLOCK_INTERVAL_MILLIS),
          new P2pNetworks("fugue-devnet", dataDir, Duration.ofMillis(200)), Clock.systemUTC());
    } catch (RuntimeException e) {
      out.println("fugue: cannot start the devnet: " + e.getMessage());
      return 1;
    }
    Path keys = dataDir.resolve("keys");
    importDevnetKeys(devnet.layout(), keys);
    writeVaultKey(devnet.layout(), dataDir.resolve("vault-key.txt"));
    out.print(DevnetGuide.text(devnet, dataDir, keys));
    out.flush();
    return runUntilStopped(devnet::close, new CompletableFuture<>());
  }

  /** Writes the devnet accounts' key files (password {@value #DEVNET_PASSWORD}) once. */
  static void importDevnetKeys(DevnetLayout layout, Path dir) {
    KeyFileKeyStore store = new KeyFileKeyStore(dir, DEVNET_PASSWORD::toCharArray,
        new KeyFile.ScryptParams(1 << 12, 8, 1));
    for (int i = 0; i < layout.accounts().size(); i++) {
      store.importKey("devnet-" + i, layout.accounts().get(i));
    }
  }

  /** The vault's public key, for holders' clients to seal openings to ({@code FUGUE_VAULT_KEY}). */
  static void writeVaultKey(DevnetLayout layout, Path file) {
    try {
      java.nio.file.Files.writeString(file, layout.vaultKey().publicKey().toBytes().toPrefixedHex() + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + file, e);
    }
  }

  @Override
  public int node(Path config) {
    NodeProcess node;
    try {
      node = NodeProcess.start(ValidatorConfig.load(config), NodeProcess.Options.defaults(), Clock.systemUTC());
    } catch (ChainException | IllegalStateException e) {
      // Config, genesis, key, store or API port: the message names what is wrong.
      out.println("fugue: cannot start the node: " + e.getMessage());
      return 1;
    }
    ValidatorNode v = node.validator();
    out.println("validator of shard " + v.shardNode().shard() + " running; p2p " + v.dialableAddress());
    v.beaconReplica().ifPresent(r -> out.println("following the beacon chain (replica at block "
        + r.chain().head().number() + ")"));
    node.apiPort().ifPresent(port -> out.println("API on port " + port));
    out.println("Ctrl-C stops it.");
    return runUntilStopped(node::close, v.terminated());
  }

  @Override
  public int bootnode(Path dataDir, int port) {
    P2pHost host;
    try {
      host = P2pHost.start(P2pConfig.builder().asBootnode().listen("/ip4/0.0.0.0/tcp/" + port)
          .network("fugue-devnet").keyPath(dataDir.resolve("bootnode.key")).build());
    } catch (RuntimeException e) {
      out.println("fugue: cannot start the bootnode: " + e.getMessage());
      return 1;
    }
    out.println("bootnode running (Kademlia server, no topics): " + host.dialableAddress());
    out.println("Ctrl-C stops it.");
    return runUntilStopped(host::close, new CompletableFuture<>());
  }

  /**
   * Waits for Ctrl-C (exit code 0) or for the service to fail on its own (exit code 1: a shard that
   * could not store a finalized block must not look like a clean stop to its supervisor). Either way
   * the shutdown hook closes everything before the JVM exits.
   */
  int runUntilStopped(Runnable stop, CompletionStage<Optional<Throwable>> terminated) {
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicInteger exitCode = new AtomicInteger();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stop.run();
      stopped.countDown();
    }, "fugue-shutdown"));
    terminated.thenAccept(failure -> failure.ifPresent(cause -> {
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
