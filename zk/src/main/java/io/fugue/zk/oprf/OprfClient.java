package io.fugue.zk.oprf;

import io.fugue.nativelib.NativeOprf;
import io.fugue.nativelib.NativeZk;
import java.util.ArrayList;
import java.util.List;

/** The client of the VOPRF: blinds inputs, checks the server's proof, finalizes outputs. */
public final class OprfClient {
  private OprfClient() {}

  /** A blinded input and the blind that removes it again (kept by the client only). */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out
  public record Blinded(byte[] input, byte[] blind, byte[] element) {
    public Blinded {
      input = input.clone();
      blind = blind.clone();
      element = element.clone();
    }

    @Override
    public byte[] input() {
      return input.clone();
    }

    @Override
    public byte[] blind() {
      return blind.clone();
    }

    @Override
    public byte[] element() {
      return element.clone();
    }

    @Override
    public String toString() {
      return "Blinded[element=" + java.util.HexFormat.of().formatHex(element) + "]";
    }
  }

  /** Blind with a fresh random blind. */
  public static Blinded blind(byte[] input) {
    return blind(input, Oprf.call(NativeZk::randomScalar));
  }

  /** Blind with a given blind (RFC 9497 test vectors). */
  public static Blinded blind(byte[] input, byte[] blind) {
    byte[] element = Oprf.call(() -> NativeOprf.blind(input, blind));
    return new Blinded(input, blind, element);
  }

  /** The blinded elements of a batch, in order. */
  public static List<byte[]> elements(List<Blinded> batch) {
    List<byte[]> out = new ArrayList<>(batch.size());
    for (Blinded b : batch) {
      out.add(b.element());
    }
    return out;
  }

  /** True when the proof shows every evaluated element used the key behind {@code publicKey}. */
  public static boolean verify(byte[] publicKey, List<byte[]> blinded, Evaluation evaluation) {
    if (evaluation.elements().size() != blinded.size()) {
      return false;
    }
    byte[] b = Oprf.concat(blinded, NativeOprf.ELEMENT_BYTES);
    byte[] e;
    try {
      e = Oprf.concat(evaluation.elements(), NativeOprf.ELEMENT_BYTES);
    } catch (OprfException malformed) {
      return false;
    }
    return Oprf.call(() -> NativeOprf.verifyProof(publicKey, b, e, evaluation.proof()));
  }

  /**
   * Verifies the proof, then finalizes every element: the 64-byte outputs, in order.
   *
   * @throws OprfException when the proof does not verify
   */
  public static List<byte[]> finalizeBatch(
      byte[] publicKey, List<Blinded> batch, Evaluation evaluation) {
    if (!verify(publicKey, elements(batch), evaluation)) {
      throw new OprfException("the server's proof does not verify");
    }
    return unblind(batch, evaluation.elements());
  }

  /** Finalize without a proof (for elements already checked, e.g. a verified threshold combine). */
  static List<byte[]> unblind(List<Blinded> batch, List<byte[]> evaluated) {
    List<byte[]> out = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      Blinded b = batch.get(i);
      byte[] e = evaluated.get(i);
      out.add(Oprf.call(() -> NativeOprf.finalizeOutput(b.input(), b.blind(), e)));
    }
    return List.copyOf(out);
  }
}
