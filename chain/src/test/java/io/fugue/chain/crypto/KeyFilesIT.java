package io.fugue.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesIT {
  private static final KeyFile.ScryptParams FAST = new KeyFile.ScryptParams(1 << 10, 8, 1);
  private static final char[] PASSWORD = "pw".toCharArray();

  @TempDir Path dir;

  @Test
  void shouldWriteOwnerOnlyFileAndReadItBack() throws Exception {
    BlsSecretKey key = BlsTest.key(4);
    Path file = dir.resolve("keys/validator.json");
    KeyFiles.write(file, KeyFile.encrypt(key, PASSWORD, FAST, new SecureRandom()));
    assertThat(KeyFile.decryptBls(KeyFiles.read(file), PASSWORD)).isEqualTo(key);
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void shouldNeverOverwriteAnExistingKeyFile() {
    Path file = dir.resolve("a.json");
    KeyFiles.write(file, KeyFile.encrypt(BlsTest.key(1), PASSWORD, FAST, new SecureRandom()));
    String other = KeyFile.encrypt(BlsTest.key(2), PASSWORD, FAST, new SecureRandom());
    assertThatThrownBy(() -> KeyFiles.write(file, other)).isInstanceOf(CryptoException.class);
    assertThat(KeyFile.decryptBls(KeyFiles.read(file), PASSWORD)).isEqualTo(BlsTest.key(1));
  }

  @Test
  void shouldRejectMissingOrOversizeFile() throws Exception {
    assertThatThrownBy(() -> KeyFiles.read(dir.resolve("none.json")))
        .isInstanceOf(CryptoException.class);
    Path big = dir.resolve("big.json");
    Files.write(big, new byte[100_000]);
    assertThatThrownBy(() -> KeyFiles.read(big))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("larger");
  }
}
