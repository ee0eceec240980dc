package io.fugue.chain.consensus;

import java.util.Objects;

/** The outcome of decoding untrusted bytes: a message, or why the bytes are not one. */
public sealed interface DecodeResult {
  record Decoded(ConsensusMessage message) implements DecodeResult {
    public Decoded {
      Objects.requireNonNull(message);
    }
  }

  record Malformed(String reason) implements DecodeResult {
    public Malformed {
      Objects.requireNonNull(reason);
    }
  }
}
