package io.fugue.api.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where a new key file's password comes from: a file, {@code FUGUE_KEY_PASSWORD}, or a prompt. */
final class Passwords {
  private Passwords() {}

  static char[] forNewKey(Optional<Path> file) {
    if (file.isPresent()) {
      try {
        // As the node reads key.passwordFile: surrounding whitespace (the final newline) is not
        // part of it.
        String pw = Files.readString(file.get(), StandardCharsets.UTF_8).strip();
        if (pw.isEmpty()) {
          throw new CliException(
              FugueCli.EXIT_USAGE, "--password-file " + file.get() + " is empty");
        }
        return pw.toCharArray();
      } catch (IOException e) {
        throw new CliException(
            FugueCli.EXIT_USAGE,
            "--password-file "
                + file.get()
                + ": cannot read it ("
                + e.getClass().getSimpleName()
                + ")");
      }
    }
    String env = System.getenv("FUGUE_KEY_PASSWORD");
    if (env != null && !env.isEmpty()) {
      return env.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      throw new CliException(
          FugueCli.EXIT_USAGE,
          "give --password-file, set FUGUE_KEY_PASSWORD or run in a terminal to be asked for the key password");
    }
    char[] pw = console.readPassword("password for the new key: ");
    char[] again = console.readPassword("again: ");
    if (pw == null || pw.length == 0 || !java.util.Arrays.equals(pw, again)) {
      throw new CliException(FugueCli.EXIT_USAGE, "the two passwords differ or are empty");
    }
    return pw;
  }
}
