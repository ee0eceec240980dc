package io.fugue.api.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage account keys.",
    subcommands = {KeysCommand.New.class, KeysCommand.ListKeys.class, KeysCommand.Show.class})
final class KeysCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a keys command: new, list, show");
  }

  KeyStore keys() {
    return parent.services().keys().orElseThrow(() -> CliException.unavailable(
        "fugue keys", "the secp256k1 key store (chain crypto)"));
  }

  @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a key.")
  static final class New implements Callable<Integer> {
    @ParentCommand KeysCommand keysCommand;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--label", defaultValue = "default", description = "A name for the key.")
    String label;

    @Override
    public Integer call() {
      KeyStore.Entry e = keysCommand.keys().create(label);
      return Printer.print(spec.commandLine().getOut(), FugueClient.object()
          .put("address", e.address().toHex()).put("label", e.label()));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List keys.")
  static final class ListKeys implements Callable<Integer> {
    @ParentCommand KeysCommand keysCommand;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      ArrayNode out = FugueClient.object().arrayNode();
      keysCommand.keys().list().forEach(e -> out.addObject()
          .put("address", e.address().toHex()).put("label", e.label()));
      return Printer.print(spec.commandLine().getOut(), out);
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "Show one key's address and public key (give it to issuers as --holder-key).")
  static final class Show implements Callable<Integer> {
    @ParentCommand KeysCommand keysCommand;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "LABEL_OR_ADDRESS") String name;

    @Override
    public Integer call() {
      KeyStore keys = keysCommand.keys();
      KeyStore.Entry e = keys.list().stream()
          .filter(k -> k.label().equals(name) || k.address().toHex().equalsIgnoreCase(name))
          .findFirst()
          .orElseThrow(() -> new CliException(FugueCli.EXIT_FAILED, "no key labelled or addressed " + name));
      return Printer.print(spec.commandLine().getOut(), FugueClient.object()
          .put("address", e.address().toHex()).put("label", e.label())
          .put("publicKey", keys.publicKey(e.address()).toHex()));
    }
  }
}
