package io.fugue.api.cli;

import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The node API options of commands that need no login (public endpoints). */
public final class NodeOptions {
  @Option(
      names = "--api",
      paramLabel = "URL",
      defaultValue = "${env:FUGUE_API:-http://127.0.0.1:8645}",
      description = "Base URL of the node's API (env FUGUE_API; default ${DEFAULT-VALUE}).")
  URI api;

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
}
