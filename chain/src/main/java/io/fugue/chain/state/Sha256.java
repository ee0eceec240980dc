package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 from the JDK, one digest per thread. */
final class Sha256 {
  private static final ThreadLocal<MessageDigest> DIGEST =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("every JDK has SHA-256", e);
            }
          });

  private Sha256() {}

  static Hash32 hash(Bytes data) {
    return Hash32.of(DIGEST.get().digest(data.toArray()));
  }

  /** SHA-256 of {@code tag ‖ a ‖ b}. */
  static Hash32 hash(byte tag, Hash32 a, Hash32 b) {
    MessageDigest d = DIGEST.get();
    d.update(tag);
    d.update(a.toArray());
    d.update(b.toArray());
    return Hash32.of(d.digest());
  }
}
