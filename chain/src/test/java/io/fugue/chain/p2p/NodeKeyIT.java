package io.fugue.chain.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeKeyIT {
  @Test
  void shouldCreateAnOwnerOnlyKeyOnceAndReadTheSameSecretBack(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("keys/node.key");
    byte[] first = NodeKey.loadOrCreate(key);
    byte[] again = NodeKey.loadOrCreate(key);

    assertThat(first).hasSize(NodeKey.SECRET_BYTES).isEqualTo(again);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key)))
        .isEqualTo("rw-------");
  }

  @Test
  void shouldRefuseAKeyFileOfTheWrongSizeAndLeaveItUntouched(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("node.key");
    Files.write(key, new byte[31]);

    assertThatThrownBy(() -> NodeKey.loadOrCreate(key))
        .isInstanceOf(P2pException.class)
        .hasMessageContaining("exactly 32 bytes");
    assertThat(Files.size(key)).isEqualTo(31);
  }
}
