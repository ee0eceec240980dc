package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;

/** Helpers for commands that sign a chain transaction locally and submit it. */
final class ChainWrites {
  private ChainWrites() {}

  static ChainWriter writer(CliServices services, String command) {
    return services
        .writer()
        .orElseThrow(
            () ->
                CliException.unavailable(
                    command,
                    "the transaction codec, zk commitments and the key store (chain, zk, datasharing)"));
  }

  /** The signing account: {@code --as}, required for a signed transaction. */
  static AccountAddress signer(ApiOptions api) {
    if (api.as == null) {
      throw new CliException(FugueCli.EXIT_USAGE, "give --as ADDRESS: the account whose key signs");
    }
    return Hex.address(api.as, "--as");
  }

  static com.fasterxml.jackson.databind.JsonNode submit(FugueClient client, HexBytes raw) {
    return client.post(
        "/v1/chain/transactions", null, FugueClient.object().put("rawTransaction", raw.toHex()));
  }
}
