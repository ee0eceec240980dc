package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;

/** Parses hex command-line values into usage errors rather than stack traces. */
final class Hex {
  private Hex() {}

  static AccountAddress address(String value, String option) {
    try {
      return AccountAddress.fromHex(value);
    } catch (IllegalArgumentException e) {
      throw new CliException(FugueCli.EXIT_USAGE, option + ": " + e.getMessage());
    }
  }

  static Digest digest(String value, String option) {
    try {
      return Digest.fromHex(value);
    } catch (IllegalArgumentException e) {
      throw new CliException(FugueCli.EXIT_USAGE, option + ": " + e.getMessage());
    }
  }

  static HexBytes bytes(String value, String option) {
    try {
      return HexBytes.fromHex(value);
    } catch (IllegalArgumentException e) {
      throw new CliException(FugueCli.EXIT_USAGE, option + ": " + e.getMessage());
    }
  }
}
