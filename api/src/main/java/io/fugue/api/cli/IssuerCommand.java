package io.fugue.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue issuer register|approve}. With a chain-backed build and {@code --nonce}, each signs
 * the registry transaction with the {@code --as} account's key and submits it to {@code POST
 * /v1/chain/transactions}; {@code register} without {@code --nonce} calls {@code POST /v1/issuers}
 * with the caller's token (for API backends that apply it themselves).
 */
@Command(
    name = "issuer",
    mixinStandardHelpOptions = true,
    description = "Issuer registry.",
    subcommands = {IssuerCommand.Register.class, IssuerCommand.Approve.class})
final class IssuerCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name an issuer command: register, approve");
  }

  @Command(
      name = "register",
      mixinStandardHelpOptions = true,
      description = "Apply as an issuer; governance approves.")
  static final class Register implements Callable<Integer> {
    @ParentCommand IssuerCommand issuer;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--contact", required = true)
    String contact;

    @Option(names = "--nonce", description = "Sign a beacon-chain transaction with this nonce.")
    Long nonce;

    @Override
    public Integer call() {
      FugueClient client = api.client();
      if (nonce != null) {
        var raw =
            ChainWrites.writer(issuer.parent.services(), "fugue issuer register")
                .registerIssuer(ChainWrites.signer(api), nonce, name, contact);
        return Printer.print(spec.commandLine().getOut(), ChainWrites.submit(client, raw));
      }
      String token = api.token(client, issuer.parent.services());
      return Printer.print(
          spec.commandLine().getOut(),
          client.post(
              "/v1/issuers",
              token,
              FugueClient.object().put("name", name).put("contact", contact)));
    }
  }

  @Command(
      name = "approve",
      mixinStandardHelpOptions = true,
      description = "Approve an issuer as a governance member (a signed beacon-chain transaction).")
  static final class Approve implements Callable<Integer> {
    @ParentCommand IssuerCommand issuer;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "ISSUER")
    String account;

    @Option(names = "--nonce", required = true)
    long nonce;

    @Override
    public Integer call() {
      var raw =
          ChainWrites.writer(issuer.parent.services(), "fugue issuer approve")
              .approveIssuer(ChainWrites.signer(api), nonce, Hex.address(account, "ISSUER"));
      return Printer.print(spec.commandLine().getOut(), ChainWrites.submit(api.client(), raw));
    }
  }
}
