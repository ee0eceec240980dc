package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.api.cli.CliException;
import io.fugue.chain.crypto.KeyFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key files on disk: create, list, sign in the form the node verifies, wrong password refused. */
class KeyFileKeyStoreIT {
  private static final KeyFile.ScryptParams FAST = new KeyFile.ScryptParams(1 << 10, 8, 1);
  @TempDir Path dir;

  @Test
  void shouldCreateListAndSignWhatTheNodeVerifies() {
    KeyFileKeyStore store = new KeyFileKeyStore(dir, "pw"::toCharArray, FAST);
    var entry = store.create("alice");
    assertThat(store.list()).containsExactly(entry);
    byte[] message = "Fugue API login".getBytes(StandardCharsets.UTF_8);
    assertThat(
            new Secp256k1SignatureVerifier()
                .verify(entry.address(), message, store.sign(entry.address(), message)))
        .isTrue();
  }

  @Test
  void shouldRefuseAWrongPasswordWithAClearMessage() {
    var entry = new KeyFileKeyStore(dir, "right"::toCharArray, FAST).create("bob");
    KeyFileKeyStore wrong = new KeyFileKeyStore(dir, "wrong"::toCharArray, FAST);
    assertThatThrownBy(() -> wrong.sign(entry.address(), new byte[] {1}))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("cannot unlock")
        .satisfies(
            e ->
                assertThat(((CliException) e).exitCode())
                    .as("its own exit code")
                    .isEqualTo(io.fugue.api.cli.FugueCli.EXIT_KEY_PASSWORD));
  }

  @Test
  void shouldSignATransferTheChainDecodes() {
    KeyFileKeyStore store = new KeyFileKeyStore(dir, "pw"::toCharArray, FAST);
    var from = store.create("a");
    var to = store.create("b");
    var raw =
        new ChainTransferSigner(store, Main.CHAIN_ID)
            .signTransfer(from.address(), to.address(), java.math.BigInteger.TEN, 3, 1, 2);
    var tx =
        io.fugue.chain.ledger.Transaction.decode(
            Convert.bytes(raw), new DevnetLayout().devnet().config().chainConfig().limits());
    assertThat(tx.sender()).contains(Convert.address(from.address()));
    assertThat(tx.nonce()).isEqualTo(3);
    assertThat(tx.transfer().to()).isEqualTo(Convert.address(to.address()));
    assertThat(tx.transfer().toShardId().value()).isEqualTo(2);
  }
}
