package io.fugue.zk.oprf;

import io.fugue.nativelib.NativeOprf;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * t-of-n evaluation of the VOPRF: the key k is Shamir-shared over the ristretto255 scalar field,
 * node i evaluates the client's blinded batch with its share k_i and proves (batched DLEQ) against
 * its public share k_i·G; the client verifies every node's proof, and combines t valid answers with
 * Lagrange coefficients at 0, which gives exactly k·blinded — the single-key RFC 9497 evaluation
 * under the combined key.
 */
public final class ThresholdOprf {
  private ThresholdOprf() {}

  /** One node's answer. */
  public record NodeAnswer(int index, Evaluation evaluation) {}

  /** The combined evaluated elements and the nodes whose answers were rejected. */
  public record Combined(List<byte[]> elements, List<Integer> rejectedNodes) {
    public Combined {
      elements = List.copyOf(elements);
      rejectedNodes = List.copyOf(rejectedNodes);
    }
  }

  /**
   * A trusted dealer's split of {@code secret} into n shares, any t of which recover it (tests and
   * migration; production keys come from {@link Dkg}, where no party holds the secret).
   */
  public static List<KeyShare> split(byte[] secret, int t, int n) {
    checkTn(t, n);
    List<byte[]> coefficients = new ArrayList<>();
    coefficients.add(secret.clone());
    for (int k = 1; k < t; k++) {
      coefficients.add(Scalars.random());
    }
    return sharesOf(coefficients, n);
  }

  static List<KeyShare> sharesOf(List<byte[]> coefficients, int n) {
    byte[] packed = Oprf.concat(coefficients, NativeOprf.SCALAR_BYTES);
    List<KeyShare> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      int x = i;
      byte[] share = Oprf.call(() -> NativeOprf.polyEval(packed, x));
      out.add(new KeyShare(i, share, Scalars.baseMul(share)));
    }
    return List.copyOf(out);
  }

  static void checkTn(int t, int n) {
    if (t < 1 || n < t || n > NativeOprf.MAX_PARTIES) {
      throw new OprfException(
          "need 1 <= t <= n <= " + NativeOprf.MAX_PARTIES + ", got t=" + t + " n=" + n);
    }
  }

  /**
   * Verifies every answer against its node's public share and combines the first t valid ones.
   *
   * @param publicShares node index → public share k_i·G
   * @param blinded the blinded elements the client sent, in order
   * @throws ThresholdException when fewer than t answers verify; it names the rejected nodes
   */
  public static Combined combine(
      int t, Map<Integer, byte[]> publicShares, List<byte[]> blinded, List<NodeAnswer> answers) {
    checkTn(t, Math.max(t, publicShares.size()));
    List<Integer> rejected = new ArrayList<>();
    List<NodeAnswer> valid = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (NodeAnswer a : answers) {
      byte[] share = publicShares.get(a.index());
      boolean ok =
          share != null && seen.add(a.index()) && OprfClient.verify(share, blinded, a.evaluation());
      if (ok) {
        valid.add(a);
      } else {
        rejected.add(a.index());
      }
    }
    if (valid.size() < t) {
      throw new ThresholdException(
          "need "
              + t
              + " valid node evaluations, got "
              + valid.size()
              + (rejected.isEmpty() ? "" : "; rejected nodes " + rejected),
          rejected);
    }
    List<NodeAnswer> used = valid.subList(0, t);
    int[] indices = new int[t];
    byte[][] evaluated = new byte[t][];
    for (int i = 0; i < t; i++) {
      indices[i] = used.get(i).index();
      evaluated[i] = Oprf.concat(used.get(i).evaluation().elements(), NativeOprf.ELEMENT_BYTES);
    }
    byte[] combined = Oprf.call(() -> NativeOprf.combine(indices, evaluated));
    return new Combined(Oprf.split(combined, blinded.size(), NativeOprf.ELEMENT_BYTES), rejected);
  }

  /** Finalizes a combined evaluation (every part was proven by its node). */
  public static List<byte[]> finalizeOutputs(List<OprfClient.Blinded> batch, Combined combined) {
    return OprfClient.unblind(batch, combined.elements());
  }

  /** The group public key Σ λ_i·publicShare_i from any t public shares. */
  public static byte[] groupPublicKey(Map<Integer, byte[]> publicShares) {
    int[] indices = publicShares.keySet().stream().mapToInt(Integer::intValue).toArray();
    byte[][] shares = new byte[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      shares[i] = publicShares.get(indices[i]);
    }
    return Oprf.call(() -> NativeOprf.combine(indices, shares));
  }
}
