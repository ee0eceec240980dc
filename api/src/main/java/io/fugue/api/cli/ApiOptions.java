package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by the commands that talk to a node's HTTP API. */
public final class ApiOptions {
  @Option(
      names = "--api",
      paramLabel = "URL",
      defaultValue = "${env:FUGUE_API:-http://127.0.0.1:8645}",
      description = "Base URL of the node's API (env FUGUE_API; default ${DEFAULT-VALUE}).")
  URI api;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:FUGUE_TOKEN}",
      description = "Bearer token from POST /v1/auth/token (env FUGUE_TOKEN).")
  String token;

  @Option(
      names = "--as",
      paramLabel = "ADDRESS",
      description = "Log in as this account with the local key store instead of --token.")
  String as;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "30",
      description = "HTTP timeout in seconds (default ${DEFAULT-VALUE}).")
  int timeoutSeconds;

  FugueClient client() {
    if (timeoutSeconds <= 0) {
      throw new CliException(FugueCli.EXIT_USAGE, "--timeout must be positive");
    }
    return new FugueClient(api, Duration.ofSeconds(timeoutSeconds));
  }

  /** The bearer token: --token, or a fresh login with the key store for --as. */
  String token(FugueClient client, CliServices services) {
    if (token != null && !token.isBlank()) {
      return token;
    }
    if (as == null) {
      throw new CliException(
          FugueCli.EXIT_USAGE,
          "this command needs a token: give --token (or FUGUE_TOKEN) or --as ADDRESS");
    }
    AccountAddress address = Hex.address(as, "--as");
    KeyStore keys =
        services
            .keys()
            .orElseThrow(
                () ->
                    CliException.unavailable(
                        "logging in with --as", "the secp256k1 key store (chain crypto)"));
    return client.login(address, keys);
  }
}
