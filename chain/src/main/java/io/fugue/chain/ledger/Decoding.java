package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.crypto.CryptoException;
import java.util.function.Supplier;

/** Turns a value type's own validation failure into the codec's rejection, naming the object. */
final class Decoding {
  private Decoding() {}

  static <T> T decoding(String what, Supplier<T> body) {
    try {
      return body.get();
    } catch (CodecException e) {
      throw new CodecException(what + ": " + e.getMessage(), e);
    } catch (CryptoException e) {
      throw new CodecException(
          what + " carries a malformed key or signature: " + e.getMessage(), e);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new CodecException(what + " is invalid: " + e.getMessage(), e);
    }
  }
}
