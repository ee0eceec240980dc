package io.fugue.chain.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Reads and writes {@link KeyFile} documents on disk: the I/O shell around the pure {@link
 * KeyFile}. Writes go to a temporary file in the same folder, readable by the owner only where the
 * file system supports POSIX permissions, then are renamed into place, so a crash never leaves half
 * a key file, and an existing key file is never overwritten.
 */
public final class KeyFiles {
  /** Key files are a few hundred bytes; anything much larger is not one. */
  private static final long MAX_FILE_BYTES = 64 * 1024;

  private KeyFiles() {}

  public static void write(Path path, String json) {
    Path dir = path.toAbsolutePath().getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, ".keyfile-", ".tmp");
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // Not a POSIX file system (Windows): the folder's ACL applies.
      }
      Files.writeString(tmp, json, StandardCharsets.UTF_8);
      // Without REPLACE_EXISTING the move refuses an existing target; within one folder it is a
      // rename, so readers see either no file or the whole file.
      Files.move(tmp, path);
      tmp = null;
    } catch (FileAlreadyExistsException e) {
      throw new CryptoException("key file " + path + " already exists; not overwriting it", e);
    } catch (IOException e) {
      throw new CryptoException("could not write key file " + path, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The write already failed and is reported; a stray temp file is harmless.
        }
      }
    }
  }

  public static String read(Path path) {
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        throw new CryptoException("key file " + path + " is larger than any key file");
      }
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CryptoException("could not read key file " + path, e);
    }
  }
}
