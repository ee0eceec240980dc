package io.fugue.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FugueCliTest {
  private static final CliServices NONE = CliServices.thisBuild();

  @Test
  void shouldBuildOnlyTheSubcommandACallRuns() {
    assertThat(FugueCli.subcommandsFor("keys", "list")).containsExactly(KeysCommand.class);
    assertThat(FugueCli.subcommandsFor("--log-level", "debug", "tx", "status", "0x01"))
        .containsExactly(TxCommand.class);
    assertThat(FugueCli.subcommandsFor("--version")).isEmpty();
    assertThat(FugueCli.subcommandsFor("--help")).isEqualTo(FugueCli.SUBCOMMANDS);
    assertThat(FugueCli.subcommandsFor()).isEqualTo(FugueCli.SUBCOMMANDS);
    assertThat(FugueCli.subcommandsFor("kyes", "list"))
        .as("a typo gets the full help")
        .isEqualTo(FugueCli.SUBCOMMANDS);
  }

  @Test
  void shouldListEveryCommandInHelp() {
    CliRun r = CliRun.run(NONE, "--help");
    assertThat(r.exit()).isZero();
    assertThat(r.out())
        .contains("devnet", "node", "bootnode", "keys", "tx", "issuer", "attest", "query");
  }

  @Test
  void shouldSayNodeCommandsAreNotAvailableInThisBuild() {
    for (String[] args :
        List.of(
            new String[] {"devnet"},
            new String[] {"bootnode", "--network", "fugue-optest"},
            new String[] {"keys", "new"},
            new String[] {"keys", "list"},
            new String[] {"genesis", "check"},
            new String[] {"node-key", "new", "--out", "never-written.key"})) {
      CliRun r = CliRun.run(NONE, args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(FugueCli.EXIT_UNAVAILABLE);
      assertThat(r.err()).contains("not available in this build");
    }
  }

  @Test
  void shouldCheckTheNodeConfigBeforeSayingItIsUnavailable(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    assertThat(CliRun.run(NONE, "node").exit()).isEqualTo(FugueCli.EXIT_USAGE);
    CliRun missing = CliRun.run(NONE, "node", "--config", dir.resolve("none.toml").toString());
    assertThat(missing.exit())
        .as("a config error, not a usage error")
        .isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(missing.err()).contains("no configuration file").doesNotContain("\tat ");
    Path config = Files.writeString(dir.resolve("node.toml"), "shard = 1\n");
    CliRun r = CliRun.run(NONE, "node", "--config", config.toString());
    assertThat(r.exit()).isEqualTo(FugueCli.EXIT_UNAVAILABLE);
  }

  @Test
  void shouldRefuseTransferWithoutASignerAfterCheckingItsArguments() {
    String a = "0x" + "11".repeat(20);
    CliRun bad =
        CliRun.run(
            NONE, "tx", "transfer", "--from", "0x12", "--to", a, "--amount", "5", "--nonce", "0");
    assertThat(bad.exit()).isEqualTo(FugueCli.EXIT_USAGE);
    assertThat(bad.err()).contains("--from");
    CliRun r =
        CliRun.run(NONE, "tx", "transfer", "--from", a, "--to", a, "--amount", "5", "--nonce", "0");
    assertThat(r.exit()).isEqualTo(FugueCli.EXIT_UNAVAILABLE);
  }

  @Test
  void shouldRejectUsageErrors() {
    assertThat(CliRun.run(NONE, "frobnicate").exit()).isEqualTo(FugueCli.EXIT_USAGE);
    assertThat(CliRun.run(NONE).exit()).isEqualTo(FugueCli.EXIT_USAGE);
    assertThat(
            CliRun.run(
                    NONE,
                    "query",
                    "answer",
                    "0x" + "00".repeat(32),
                    "--proof",
                    "0x01",
                    "--vault-consent",
                    "0x02")
                .exit())
        .isEqualTo(FugueCli.EXIT_USAGE);
    assertThat(CliRun.run(NONE, "query", "create", "--attestation", "0x00").exit())
        .isEqualTo(FugueCli.EXIT_USAGE);
    CliRun shortId = CliRun.run(NONE, "query", "status", "0x00", "--token", "t");
    assertThat(shortId.exit()).isEqualTo(FugueCli.EXIT_USAGE);
    assertThat(shortId.err()).contains("QUERY_ID");
    assertThat(
            CliRun.run(
                    NONE,
                    "attest",
                    "--subject",
                    "did:fugue:a",
                    "--schema",
                    "s",
                    "--commitment",
                    "zz",
                    "--valid-from",
                    "1",
                    "--valid-until",
                    "2")
                .exit())
        .isEqualTo(FugueCli.EXIT_USAGE);
  }

  @Test
  void shouldAskForATokenBeforeCallingTheNode() {
    CliRun r =
        CliRun.run(
            NONE,
            "issuer",
            "register",
            "--name",
            "Bank",
            "--contact",
            "a@b.c",
            "--api",
            "http://127.0.0.1:1");
    assertThat(r.exit()).isEqualTo(FugueCli.EXIT_USAGE);
    assertThat(r.err()).contains("--token");
  }

  @Test
  void shouldCreateAndListKeysThroughTheKeyStorePort() {
    List<KeyStore.Entry> stored = new ArrayList<>();
    KeyStore keys =
        new KeyStore() {
          @Override
          public Entry create(String label) {
            Entry e = new Entry(new AccountAddress(HexBytes.of(new byte[20])), label);
            stored.add(e);
            return e;
          }

          @Override
          public List<Entry> list() {
            return List.copyOf(stored);
          }

          @Override
          public HexBytes sign(AccountAddress address, byte[] message) {
            throw new UnsupportedOperationException();
          }

          @Override
          public HexBytes publicKey(AccountAddress address) {
            return HexBytes.of(new byte[64]);
          }
        };
    CliServices services = new CliServices(Optional.of(keys), Optional.empty(), Optional.empty());
    assertThat(CliRun.run(services, "keys", "new", "--label", "ops").exit()).isZero();
    CliRun list = CliRun.run(services, "keys", "list");
    assertThat(list.exit()).isZero();
    assertThat(list.out()).contains("\"label\" : \"ops\"").contains("0x" + "00".repeat(20));
    CliRun show = CliRun.run(services, "keys", "show", "ops");
    assertThat(show.exit()).as(show.err()).isZero();
    assertThat(show.out()).contains("\"publicKey\" : \"0x" + "00".repeat(64) + "\"");
    CliRun unknown = CliRun.run(services, "keys", "show", "nobody");
    assertThat(unknown.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(unknown.err()).contains("no key labelled or addressed nobody");
  }

  @Test
  void shouldSayProvingLocallyNeedsTheChainBackedBuildBeforeCallingTheNode() {
    CliRun r =
        CliRun.run(
            NONE,
            "query",
            "answer",
            "0x" + "00".repeat(32),
            "--sealed",
            "0x01",
            "--token",
            "t",
            "--as",
            "0x" + "11".repeat(20),
            "--api",
            "http://127.0.0.1:1");
    assertThat(r.exit()).isEqualTo(FugueCli.EXIT_UNAVAILABLE);
    assertThat(r.err()).contains("fugue query answer --sealed").doesNotContain("cannot reach");
    CliRun store =
        CliRun.run(
            NONE,
            "vault",
            "store",
            "0x" + "00".repeat(32),
            "--sealed",
            "0x01",
            "--token",
            "t",
            "--as",
            "0x" + "11".repeat(20),
            "--api",
            "http://127.0.0.1:1");
    assertThat(store.exit()).isEqualTo(FugueCli.EXIT_UNAVAILABLE);
  }

  @Test
  void shouldRequireTheHoldersKeyToAttestAValue() {
    CliRun r =
        CliRun.run(
            NONE,
            "attest",
            "--subject",
            "did:fugue:a",
            "--schema",
            "s",
            "--value",
            "5",
            "--holder",
            "0x" + "11".repeat(20),
            "--nonce",
            "0",
            "--valid-from",
            "1",
            "--valid-until",
            "2",
            "--api",
            "http://127.0.0.1:1");
    assertThat(r.exit()).isEqualTo(FugueCli.EXIT_USAGE);
    assertThat(r.err()).contains("--holder-key");
  }
}
