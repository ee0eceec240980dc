package io.fugue.chain.randomness;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.nativelib.NativeVdf;

/** {@link VdfBackend} over {@link NativeVdf} (Wesolowski, class groups; ADR 0018). */
public final class NativeVdfBackend implements VdfBackend {
  /** The devnet's discriminant size (docs/randomness.md, "VDF"). */
  public static final int DEVNET_BITS = 512;

  private final int bits;

  public NativeVdfBackend(int bits) {
    NativeVdf.outputBytes(bits);
    this.bits = bits;
  }

  public int bits() {
    return bits;
  }

  @Override
  public Bytes eval(Hash32 challenge, long iterations) {
    return Bytes.of(NativeVdf.eval(bits, challenge.toBytes().toArray(), iterations));
  }

  @Override
  public boolean verify(Hash32 challenge, long iterations, Bytes output) {
    return NativeVdf.verify(bits, challenge.toBytes().toArray(), iterations, output.toArray());
  }
}
