package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fugue.api.cli.CliServices;
import io.fugue.api.cli.FugueCli;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code fugue} CLI as a user runs it against a devnet: key files in a directory (fast scrypt,
 * test only), the chain-backed writer, and the node's API URL; one in-process run per call.
 */
final class DevnetCli {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CliServices services;
  private final String api;

  /** One captured run. */
  record Run(int exit, String out, String err) {
    JsonNode json() {
      assertThat(exit).as(err).isZero();
      try {
        return JSON.readTree(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  DevnetCli(Path keyDir, int apiPort, List<Secp256k1PrivateKey> accounts) {
    KeyFileKeyStore keys =
        new KeyFileKeyStore(keyDir, "test"::toCharArray, new KeyFile.ScryptParams(1 << 10, 8, 1));
    for (int i = 0; i < accounts.size(); i++) {
      keys.importKey("devnet-" + i, accounts.get(i));
    }
    this.services =
        new CliServices(
            Optional.of(keys),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new KeyStoreChainWriter(keys, new ClientFlows(Main.CHAIN_ID))));
    this.api = "http://127.0.0.1:" + apiPort;
  }

  /** Runs {@code fugue args... --api URL} (the key commands take no --api). */
  Run run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!args[0].equals("keys")) {
      all.addAll(List.of("--api", api));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        FugueCli.run(
            services,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }
}
