package io.fugue.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fugue vault store}: deposit an opening sealed to the vault's key, as the holder. */
@Command(name = "vault", mixinStandardHelpOptions = true, description = "The holder vault.",
    subcommands = VaultCommand.Store.class)
final class VaultCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a vault command: store");
  }

  @Command(name = "store", mixinStandardHelpOptions = true, description = "Store a sealed opening.")
  static final class Store implements Callable<Integer> {
    @ParentCommand VaultCommand vault;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;
    @Parameters(index = "0", paramLabel = "ATTESTATION_ID") String id;
    @Option(names = "--sealed", required = true, paramLabel = "HEX") String sealed;

    @Override
    public Integer call() {
      Hex.digest(id, "ATTESTATION_ID");
      Hex.bytes(sealed, "--sealed");
      FugueClient client = api.client();
      String token = api.token(client, vault.parent.services());
      return Printer.print(spec.commandLine().getOut(), client.send("PUT", "/v1/vault/openings/" + id, token,
          FugueClient.object().put("ciphertext", sealed)));
    }
  }
}
