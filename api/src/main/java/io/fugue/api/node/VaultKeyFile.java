package io.fugue.api.node;

import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.crypto.KeyFiles;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.node.NodeException;
import io.fugue.chain.node.ValidatorConfig;
import io.fugue.chain.primitives.ChainException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A node's vault key (holders seal attestation openings to its public key) in an encrypted key file
 * ({@code docs/protocol.md}, "Key files"), created with a fresh random key on first start and read
 * back on every later one. Its password is the validator key's ({@code key.passwordFile}); a
 * validator on a {@code devnet} key uses the devnet's public password, like the devnet's own files.
 */
final class VaultKeyFile {
  /** The file's name in the node's data directory. */
  static final String FILE = "vault.key";

  private VaultKeyFile() {}

  /** The key in {@code file}, or a new one written there first. */
  static Secp256k1PrivateKey loadOrCreate(Path file, char[] password, KeyFile.ScryptParams scrypt) {
    try {
      if (Files.exists(file)) {
        return KeyFile.decryptSecp256k1(KeyFiles.read(file), password);
      }
      SecureRandom random = new SecureRandom();
      Secp256k1PrivateKey key = Secp256k1PrivateKey.generate(random);
      KeyFiles.write(file, KeyFile.encrypt(key, password, scrypt, random));
      return key;
    } catch (ChainException e) {
      throw new NodeException("cannot load the vault key " + file + ": " + e.getMessage(), e);
    }
  }

  /** The password protecting the vault key of a node with {@code config}; the caller clears it. */
  static char[] password(ValidatorConfig config) {
    if (!(config.key() instanceof ValidatorConfig.KeyFileSource f)) {
      return NodeCommands.DEVNET_PASSWORD.toCharArray();
    }
    try {
      byte[] raw = Files.readAllBytes(f.passwordFile());
      try {
        return new String(raw, StandardCharsets.UTF_8).strip().toCharArray();
      } finally {
        Arrays.fill(raw, (byte) 0);
      }
    } catch (IOException e) {
      throw new NodeException(
          "cannot read password file " + f.passwordFile() + ": " + e.getMessage(), e);
    }
  }
}
