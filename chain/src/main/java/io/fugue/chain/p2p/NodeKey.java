package io.fugue.chain.p2p;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;

/**
 * The node's ed25519 secret key, which fixes its peer id across restarts. The file holds exactly
 * the 32 secret bytes and is created owner-only ({@code rw-------}); a file of any other size is
 * refused rather than silently replaced, since that would change the node's identity.
 */
public final class NodeKey {
  public static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private NodeKey() {}

  /** A fresh random secret (a new peer id). */
  public static byte[] generate() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return secret;
  }

  /** Reads the key at {@code path}, creating it with a fresh secret if absent. */
  public static byte[] loadOrCreate(Path path) {
    try {
      if (!Files.exists(path)) {
        return create(path);
      }
      return load(path);
    } catch (IOException e) {
      throw new P2pException("cannot read or create node key " + path + ": " + e.getMessage(), e);
    }
  }

  private static byte[] load(Path path) throws IOException {
    byte[] secret = Files.readAllBytes(path);
    if (secret.length != SECRET_BYTES) {
      Arrays.fill(secret, (byte) 0);
      throw new P2pException(
          "node key "
              + path
              + " must hold exactly "
              + SECRET_BYTES
              + " bytes; refusing to replace it");
    }
    return secret;
  }

  private static byte[] create(Path path) throws IOException {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    byte[] secret = generate();
    try {
      if (supportsPosix(path)) {
        Files.createFile(
            path,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(path);
      }
    } catch (FileAlreadyExistsException raced) {
      return load(path); // another process created it first: use theirs
    }
    Files.write(path, secret, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    return secret;
  }

  private static boolean supportsPosix(Path path) {
    Set<String> views = path.toAbsolutePath().getFileSystem().supportedFileAttributeViews();
    return views.contains("posix");
  }
}
