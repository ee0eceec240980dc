package io.fugue.api.node;

import io.fugue.api.cli.CliServices;
import io.fugue.api.cli.FugueCli;
import io.fugue.chain.crypto.KeyFile;
import java.io.Console;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code fugue} entry point of a full build: the CLI with every port wired to the chain (key
 * files, transaction signing, node launchers). Keys live in {@code FUGUE_KEYS} (default {@code
 * ~/.fugue/keys}); their password comes from {@code FUGUE_KEY_PASSWORD} or a prompt.
 */
public final class Main {
  /** The devnet's chain id: what the CLI signs for unless {@code FUGUE_CHAIN_ID} names another. */
  static final long CHAIN_ID = 1337;

  private Main() {}

  public static void main(String[] args) {
    PrintWriter out =
        new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    CliServices services;
    try {
      services = services();
    } catch (io.fugue.api.cli.CliException e) {
      err.println("fugue: " + e.getMessage());
      System.exit(e.exitCode());
      return;
    }
    System.exit(FugueCli.run(services, out, err, args));
  }

  static CliServices services() {
    String dir = System.getenv("FUGUE_KEYS");
    Path keys =
        dir == null || dir.isBlank()
            ? Path.of(System.getProperty("user.home"), ".fugue", "keys")
            : Path.of(dir);
    KeyFileKeyStore store =
        new KeyFileKeyStore(keys, Main::password, KeyFile.ScryptParams.defaults());
    return new CliServices(
        Optional.of(store),
        Optional.of(new ChainTransferSigner(store, chainId())),
        Optional.of(new NodeCommands(System.out)),
        Optional.of(new KeyStoreChainWriter(store, new ClientFlows(chainId()))),
        Optional.of(new ChainOperatorTools(KeyFile.ScryptParams.defaults())));
  }

  /**
   * {@code FUGUE_CHAIN_ID} (the genesis chainId of the network the CLI signs for), else the
   * devnet's.
   */
  static long chainId() {
    String env = System.getenv("FUGUE_CHAIN_ID");
    if (env == null || env.isBlank()) {
      return CHAIN_ID;
    }
    try {
      long id = Long.parseLong(env.trim());
      if (id >= 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw new io.fugue.api.cli.CliException(
        FugueCli.EXIT_USAGE,
        "FUGUE_CHAIN_ID '" + env + "': must be the genesis chainId, a non-negative integer");
  }

  private static char[] password() {
    String env = System.getenv("FUGUE_KEY_PASSWORD");
    if (env != null) {
      return env.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new io.fugue.api.cli.CliException(
          FugueCli.EXIT_USAGE,
          "set FUGUE_KEY_PASSWORD or run in a terminal to be asked for the key password");
    }
    char[] pw = console.readPassword("key password: ");
    return pw == null ? new char[0] : pw;
  }
}
