package io.fugue.api.cli;

import io.fugue.api.ApiException;

/** A command failed in a way the user should read; carries the process exit code. */
public final class CliException extends ApiException {
  private final int exitCode;

  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public static CliException unavailable(String what, String needs) {
    return new CliException(
        FugueCli.EXIT_UNAVAILABLE,
        what + " is not available in this build: it needs " + needs + ", which is not wired yet");
  }

  public int exitCode() {
    return exitCode;
  }
}
