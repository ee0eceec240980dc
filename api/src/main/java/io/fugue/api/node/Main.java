package io.fugue.api.node;

import io.fugue.api.cli.CliServices;
import io.fugue.api.cli.FugueCli;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.primitives.ShardId;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code fugue} entry point of a full build: the CLI with every port wired to the chain
 * (key files, transaction signing, node launchers). Keys live in {@code FUGUE_KEYS} (default
 * {@code ~/.fugue/keys}); their password comes from {@code FUGUE_KEY_PASSWORD} or a prompt.
 */
public final class Main {
  /** The devnet's chain id; the CLI signs for it. */
  static final long CHAIN_ID = 1337;

  private Main() {}

  public static void main(String[] args) {
    // Twelve validators log every finalized block; keep the devnet's terminal readable.
    System.setProperty("org.slf4j.simpleLogger.log.io.fugue.chain", System.getProperty(
        "org.slf4j.simpleLogger.log.io.fugue.chain", "warn"));
    // ...but each host's start and listen addresses stay visible: an operator dials them.
    System.setProperty("org.slf4j.simpleLogger.log.io.fugue.chain.p2p", System.getProperty(
        "org.slf4j.simpleLogger.log.io.fugue.chain.p2p", "info"));
    System.exit(FugueCli.run(services(), new PrintWriter(System.out, true),
        new PrintWriter(System.err, true), args));
  }

  static CliServices services() {
    String dir = System.getenv("FUGUE_KEYS");
    Path keys = dir == null || dir.isBlank()
        ? Path.of(System.getProperty("user.home"), ".fugue", "keys") : Path.of(dir);
    KeyFileKeyStore store = new KeyFileKeyStore(keys, Main::password, KeyFile.ScryptParams.defaults());
    return new CliServices(Optional.of(store),
        Optional.of(new ChainTransferSigner(store, CHAIN_ID, ShardId.of(1))),
        Optional.of(new NodeCommands(System.out)),
        Optional.of(new KeyStoreChainWriter(store, new ClientFlows(CHAIN_ID))));
  }

  private static char[] password() {
    String env = System.getenv("FUGUE_KEY_PASSWORD");
    if (env != null) {
      return env.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new io.fugue.api.cli.CliException(FugueCli.EXIT_USAGE,
          "set FUGUE_KEY_PASSWORD or run in a terminal to be asked for the key password");
    }
    char[] pw = console.readPassword("key password: ");
    return pw == null ? new char[0] : pw;
  }
}
