package io.fugue.api.node;

import io.fugue.api.cli.CliException;
import io.fugue.api.cli.FugueCli;
import io.fugue.api.cli.KeyStore;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.crypto.KeyFiles;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ChainException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * {@link KeyStore} over password-encrypted key files ({@link KeyFile}, scrypt + AES-256-GCM), one
 * per account, named {@code <label>--<address>.json} in one directory. The password comes from a
 * supplier (the CLI reads {@code FUGUE_KEY_PASSWORD} or prompts) and is wiped after each use.
 */
public final class KeyFileKeyStore implements KeyStore {
  private static final String SUFFIX = ".json";
  private final Path dir;
  private final Supplier<char[]> password;
  private final KeyFile.ScryptParams scrypt;
  private final SecureRandom random = new SecureRandom();

  public KeyFileKeyStore(Path dir, Supplier<char[]> password, KeyFile.ScryptParams scrypt) {
    this.dir = Objects.requireNonNull(dir, "dir");
    this.password = Objects.requireNonNull(password, "password");
    this.scrypt = Objects.requireNonNull(scrypt, "scrypt");
  }

  @Override
  public Entry create(String label) {
    return importKey(label, Secp256k1PrivateKey.generate(random));
  }

  /** Stores {@code key} under {@code label}; an existing file for the same label and key stays. */
  public Entry importKey(String label, Secp256k1PrivateKey key) {
    if (label == null || !label.matches("[A-Za-z0-9_-]{1,32}")) {
      throw new CliException(
          FugueCli.EXIT_USAGE, "a key label is 1-32 letters, digits, '-' or '_'");
    }
    Path file = dir.resolve(label + "--" + key.address().toBytes().toHex() + SUFFIX);
    if (!Files.exists(file)) {
      char[] pw = password.get();
      try {
        Files.createDirectories(dir);
        KeyFiles.write(file, KeyFile.encrypt(key, pw, scrypt, random));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + dir, e);
      } finally {
        Arrays.fill(pw, '\0');
      }
    }
    return new Entry(Convert.address(key.address()), label);
  }

  @Override
  public List<Entry> list() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX) && n.contains("--"))
          .sorted()
          .forEach(
              n -> {
                String stem = n.substring(0, n.length() - SUFFIX.length());
                int cut = stem.lastIndexOf("--");
                try {
                  out.add(
                      new Entry(
                          AccountAddress.fromHex("0x" + stem.substring(cut + 2)),
                          stem.substring(0, cut)));
                } catch (RuntimeException e) {
                  // Not one of ours: skip it.
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return out;
  }

  @Override
  public HexBytes sign(AccountAddress address, byte[] message) {
    return Convert.hex(
        privateKey(address).sign(Secp256k1SignatureVerifier.digest(message)).toBytes());
  }

  @Override
  public HexBytes publicKey(AccountAddress address) {
    return Convert.hex(privateKey(address).publicKey().toBytes());
  }

  /** Decrypts the key of {@code address}; a wrong password or a missing key is a CLI failure. */
  public Secp256k1PrivateKey privateKey(AccountAddress address) {
    Address a = Convert.address(address);
    String hex = a.toBytes().toHex();
    Path file =
        list().stream()
            .filter(e -> e.address().equals(address))
            .findFirst()
            .map(e -> dir.resolve(e.label() + "--" + hex + SUFFIX))
            .orElseThrow(
                () ->
                    new CliException(FugueCli.EXIT_FAILED, "no key for " + address + " in " + dir));
    char[] pw = password.get();
    try {
      return KeyFile.decryptSecp256k1(KeyFiles.read(file), pw);
    } catch (io.fugue.chain.crypto.CryptoException e) {
      // The GCM tag check fails on a wrong password: its own exit code, not "the node refused".
      int code =
          e.getMessage() != null && e.getMessage().startsWith("wrong password")
              ? FugueCli.EXIT_KEY_PASSWORD
              : FugueCli.EXIT_FAILED;
      throw new CliException(code, "cannot unlock " + file.getFileName() + ": " + e.getMessage());
    } catch (ChainException e) {
      throw new CliException(
          FugueCli.EXIT_FAILED, "cannot unlock " + file.getFileName() + ": " + e.getMessage());
    } finally {
      Arrays.fill(pw, '\0');
    }
  }
}
