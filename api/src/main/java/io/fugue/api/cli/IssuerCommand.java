package io.fugue.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fugue issuer register}: apply to the issuer registry as the logged-in account. */
@Command(name = "issuer", mixinStandardHelpOptions = true, description = "Issuer registry.",
    subcommands = IssuerCommand.Register.class)
final class IssuerCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name an issuer command: register");
  }

  @Command(name = "register", mixinStandardHelpOptions = true,
      description = "Apply as an issuer; governance approves.")
  static final class Register implements Callable<Integer> {
    @ParentCommand IssuerCommand issuer;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--name", required = true) String name;
    @Option(names = "--contact", required = true) String contact;

    @Override
    public Integer call() {
      FugueClient client = api.client();
      String token = api.token(client, issuer.parent.services());
      return Printer.print(spec.commandLine().getOut(), client.post("/v1/issuers", token,
          FugueClient.object().put("name", name).put("contact", contact)));
    }
  }
}
