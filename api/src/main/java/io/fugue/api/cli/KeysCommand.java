package io.fugue.api.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fugue keys new|list}: the local account keys. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage account keys.",
    subcommands = {KeysCommand.New.class, KeysCommand.ListKeys.class})
final class KeysCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a keys command: new, list");
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
}
