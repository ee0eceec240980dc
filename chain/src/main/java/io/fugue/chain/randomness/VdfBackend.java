package io.fugue.chain.randomness;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;

/**
 * The VDF as the randomness rules need it: a port, so the rules stay free of JNI. The challenge is
 * {@link EpochRandomness#discriminantSeed}(pRnd, T); {@link NativeVdfBackend} implements it over
 * the native library.
 */
public interface VdfBackend {
  /** y ‖ π for {@code iterations} squarings in the group of {@code challenge}. Slow: off-thread. */
  Bytes eval(Hash32 challenge, long iterations);

  /** True if {@code output} is the output with a valid proof; false for anything malformed. */
  boolean verify(Hash32 challenge, long iterations, Bytes output);
}
