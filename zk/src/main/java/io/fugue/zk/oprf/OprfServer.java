package io.fugue.zk.oprf;

import io.fugue.nativelib.NativeOprf;
import java.util.List;

/** The server (or one threshold node, holding a key share) of the VOPRF. */
public final class OprfServer {
  private final OprfKeyPair key;

  public OprfServer(OprfKeyPair key) {
    this.key = key;
  }

  /** The public key clients verify proofs against. */
  public byte[] publicKey() {
    return key.publicKey();
  }

  /** BlindEvaluate of 1 to 10,000 blinded elements with one batched proof. */
  public Evaluation evaluate(List<byte[]> blinded) {
    return evaluate(blinded, null);
  }

  /**
   * As {@link #evaluate(List)} with caller-chosen proof randomness (test vectors only; reusing
   * randomness with one key leaks the key).
   */
  public Evaluation evaluate(List<byte[]> blinded, byte[] proofRandomness) {
    if (blinded.isEmpty() || blinded.size() > NativeOprf.MAX_BATCH) {
      throw new OprfException("need 1 to " + NativeOprf.MAX_BATCH + " blinded elements");
    }
    byte[] packed = Oprf.concat(blinded, NativeOprf.ELEMENT_BYTES);
    byte[] out =
        Oprf.call(() -> NativeOprf.blindEvaluate(key.secretKey(), packed, proofRandomness));
    int n = blinded.size();
    List<byte[]> elements = Oprf.split(out, n, NativeOprf.ELEMENT_BYTES);
    byte[] proof =
        java.util.Arrays.copyOfRange(
            out, n * NativeOprf.ELEMENT_BYTES, n * NativeOprf.ELEMENT_BYTES + 64);
    return new Evaluation(elements, proof);
  }

  /** The non-oblivious PRF output of {@code input} (for the key holder itself). */
  public byte[] evaluateDirect(byte[] input) {
    return Oprf.call(() -> NativeOprf.evaluate(key.secretKey(), input));
  }
}
