package io.fugue.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue auth token --as ADDRESS}: logs in with a local key (challenge, signature, token) and
 * prints the bearer token, for curl: {@code curl -H "Authorization: Bearer $(fugue auth token --as
 * …)"}.
 */
@Command(
    name = "auth",
    mixinStandardHelpOptions = true,
    description = "Log in to a node's API.",
    subcommands = AuthCommand.Token.class)
final class AuthCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name an auth command: token");
  }

  @Command(
      name = "token",
      mixinStandardHelpOptions = true,
      description = "Print a bearer token for the account --as (signed with its local key).")
  static final class Token implements Callable<Integer> {
    @ParentCommand AuthCommand auth;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin NodeOptions api;

    @Option(
        names = "--as",
        required = true,
        paramLabel = "ADDRESS",
        description = "The account to log in as.")
    String as;

    @Override
    public Integer call() {
      var address = Hex.address(as, "--as");
      KeyStore keys =
          auth.parent
              .services()
              .keys()
              .orElseThrow(
                  () ->
                      CliException.unavailable(
                          "fugue auth token", "the secp256k1 key store (chain crypto)"));
      spec.commandLine().getOut().println(api.client().login(address, keys));
      spec.commandLine().getOut().flush();
      return FugueCli.EXIT_OK;
    }
  }
}
