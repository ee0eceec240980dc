package io.fugue.api.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue keys new|list|show}: the local account keys. {@code show} unlocks one key file to
 * print its public key, which a holder hands to issuers so they seal her openings to it.
 */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manage account keys.",
    subcommands = {KeysCommand.New.class, KeysCommand.ListKeys.class, KeysCommand.Show.class})
final class KeysCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a keys command: new, list, show");
  }

  KeyStore keys() {
    return parent
        .services()
        .keys()
        .orElseThrow(
            () -> CliException.unavailable("fugue keys", "the secp256k1 key store (chain crypto)"));
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description = "Create an account key in the key store, or with --bls a validator key file.")
  static final class New implements Callable<Integer> {
    @ParentCommand KeysCommand keysCommand;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--label", description = "A name for the account key (default: default).")
    String label;

    @Option(
        names = "--bls",
        description = "Make a validator (BLS12-381) key file with its proof of possession.")
    boolean bls;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description =
            "With --bls: the key file to write (default validator.key); never overwritten.")
    Path out;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description =
            "With --bls: read the password from this file (as the node's key.passwordFile); "
                + "else FUGUE_KEY_PASSWORD or a prompt.")
    Path passwordFile;

    @Override
    public Integer call() {
      if (bls) {
        if (label != null) {
          throw CliChecks.usage("--label is for account keys; a validator key is the file --out");
        }
        return blsKey();
      }
      if (passwordFile != null || out != null) {
        throw CliChecks.usage(
            "--out and --password-file go with --bls; account keys live in FUGUE_KEYS");
      }
      KeyStore.Entry e = keysCommand.keys().create(label == null ? "default" : label);
      return Printer.print(
          spec.commandLine().getOut(),
          FugueClient.object().put("address", e.address().toHex()).put("label", e.label()));
    }

    private int blsKey() {
      OperatorTools tools = keysCommand.parent.services().operatorTools("fugue keys new --bls");
      Path file = out == null ? Path.of("validator.key") : out;
      char[] pw = Passwords.forNewKey(Optional.ofNullable(passwordFile));
      OperatorTools.BlsKey key;
      try {
        key = tools.newBlsKey(file, pw);
      } finally {
        Arrays.fill(pw, '\0');
      }
      return Printer.print(
          spec.commandLine().getOut(),
          FugueClient.object()
              .put("file", file.toString())
              .put("publicKey", key.publicKey())
              .put("proofOfPossession", key.proofOfPossession()));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List account keys.")
  static final class ListKeys implements Callable<Integer> {
    @ParentCommand KeysCommand keysCommand;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ArrayNode out = FugueClient.object().arrayNode();
      keysCommand
          .keys()
          .list()
          .forEach(
              e -> out.addObject().put("address", e.address().toHex()).put("label", e.label()));
      return Printer.print(spec.commandLine().getOut(), out);
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show one key's address and public key (give it to issuers as --holder-key).")
  static final class Show implements Callable<Integer> {
    @ParentCommand KeysCommand keysCommand;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LABEL_OR_ADDRESS")
    String name;

    @Override
    public Integer call() {
      KeyStore keys = keysCommand.keys();
      KeyStore.Entry e =
          keys.list().stream()
              .filter(k -> k.label().equals(name) || k.address().toHex().equalsIgnoreCase(name))
              .findFirst()
              .orElseThrow(
                  () ->
                      new CliException(
                          FugueCli.EXIT_FAILED, "no key labelled or addressed " + name));
      return Printer.print(
          spec.commandLine().getOut(),
          FugueClient.object()
              .put("address", e.address().toHex())
              .put("label", e.label())
              .put("publicKey", keys.publicKey(e.address()).toHex()));
    }
  }
}
