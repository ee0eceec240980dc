package io.fugue.zk.oprf;

import io.fugue.nativelib.NativeOprf;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Joint-Feldman distributed key generation (Pedersen's DKG) over ristretto255 with complaints.
 *
 * <ol>
 *   <li>Deal: every party i picks a random polynomial f_i of degree t−1, broadcasts the Feldman
 *       commitments C_{i,k} = a_{i,k}·G and sends f_i(j) privately to each party j.
 *   <li>Check: party j checks f_i(j)·G = Σ_k j^k·C_{i,k}; on failure it broadcasts a complaint
 *       against i.
 *   <li>Answer: a dealer with complaints broadcasts the disputed shares f_i(j). Everyone checks
 *       them against C_i; a dealer with an unanswered complaint, a revealed share that fails, or
 *       malformed commitments is disqualified. The accuser of an answered complaint takes the
 *       revealed share.
 *   <li>Finish: QUAL is the set of dealers left; party j's key share is Σ_{i∈QUAL} f_i(j), the
 *       group key is Σ_{i∈QUAL} C_{i,0}, and node j's public share is Σ_{i∈QUAL} Σ_k j^k·C_{i,k}.
 * </ol>
 *
 * <p>No party ever computes the group secret Σ a_{i,0}. This is the classic Joint-Feldman protocol;
 * as Gennaro et al. (1999) show, a rushing adversary can bias the group key's distribution, which
 * does not matter for an OPRF key (its secrecy, not its uniformity, is what pseudonyms rely on).
 * Transport (broadcast channel, private channels) is the caller's.
 */
public final class Dkg {
  private Dkg() {}

  /** A dealer's broadcast: t commitments a_k·G, constant term first. */
  public record Dealing(int dealer, List<byte[]> commitments) {
    public Dealing {
      commitments = List.copyOf(commitments);
    }
  }

  /** Party {@code accuser} says the share it received from {@code dealer} is wrong. */
  public record Complaint(int accuser, int dealer) {}

  /** The result every party agrees on from the broadcast channel alone. */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out
  public record Outcome(
      Set<Integer> qualified, byte[] groupPublicKey, Map<Integer, byte[]> publicShares) {
    public Outcome {
      qualified = Set.copyOf(qualified);
      publicShares = Map.copyOf(publicShares);
      groupPublicKey = groupPublicKey.clone();
    }

    @Override
    public byte[] groupPublicKey() {
      return groupPublicKey.clone();
    }
  }

  /** One participant. Overridable so tests can play a cheating dealer. */
  public static class Party {
    private final int index;
    private final int t;
    private final int n;
    private final List<byte[]> coefficients = new ArrayList<>();
    private final Map<Integer, byte[]> received = new HashMap<>();
    private final List<Complaint> complaints = new ArrayList<>();

    public Party(int index, int t, int n) {
      ThresholdOprf.checkTn(t, n);
      if (index < 1 || index > n) {
        throw new OprfException("party index must be 1 to " + n + ", got " + index);
      }
      this.index = index;
      this.t = t;
      this.n = n;
    }

    public int index() {
      return index;
    }

    /** Step 1: a fresh polynomial and its commitments. */
    public Dealing deal() {
      coefficients.clear();
      List<byte[]> commitments = new ArrayList<>(t);
      for (int k = 0; k < t; k++) {
        byte[] a = Scalars.random();
        coefficients.add(a);
        commitments.add(Scalars.baseMul(a));
      }
      return new Dealing(index, commitments);
    }

    /** Step 1: f(recipient), sent over a private channel. */
    public byte[] shareFor(int recipient) {
      if (coefficients.isEmpty()) {
        throw new OprfException("deal() first");
      }
      byte[] packed = Oprf.concat(coefficients, NativeOprf.SCALAR_BYTES);
      return Oprf.call(() -> NativeOprf.polyEval(packed, recipient));
    }

    /** Step 3: the disputed share revealed in answer to a complaint. */
    public byte[] answer(Complaint complaint) {
      return shareFor(complaint.accuser());
    }

    /** Step 2: checks a received share; a bad one becomes a complaint (returned, also kept). */
    public boolean receive(Dealing dealing, byte[] share) {
      boolean ok = validShare(dealing, index, share, t);
      if (ok) {
        received.put(dealing.dealer(), share.clone());
      } else {
        complaints.add(new Complaint(index, dealing.dealer()));
      }
      return ok;
    }

    /** This party's complaints, to broadcast. */
    public List<Complaint> complaints() {
      return List.copyOf(complaints);
    }

    /** Step 3 for the accuser: takes a revealed share that checks out. */
    public void acceptRevealed(Dealing dealing, byte[] revealed) {
      if (validShare(dealing, index, revealed, t)) {
        received.put(dealing.dealer(), revealed.clone());
      }
    }

    /** Step 4: this party's key share from the qualified dealers. */
    public KeyShare finish(Outcome outcome) {
      byte[] sum = null;
      for (int dealer : new TreeSet<>(outcome.qualified())) {
        byte[] s = received.get(dealer);
        if (s == null) {
          throw new OprfException(
              "party " + index + " holds no valid share from qualified dealer " + dealer);
        }
        sum = sum == null ? s : Scalars.add(sum, s);
      }
      coefficients.clear();
      return new KeyShare(index, sum, outcome.publicShares().get(index));
    }

    int n() {
      return n;
    }
  }

  static boolean validShare(Dealing dealing, int recipient, byte[] share, int t) {
    if (share == null
        || share.length != NativeOprf.SCALAR_BYTES
        || dealing.commitments().size() != t) {
      return false;
    }
    try {
      byte[] packed = Oprf.concat(dealing.commitments(), NativeOprf.ELEMENT_BYTES);
      return Oprf.call(() -> NativeOprf.feldmanVerify(packed, recipient, share));
    } catch (OprfException malformed) {
      return false;
    }
  }

  /**
   * Step 3–4 from public data: disqualifies dealers with malformed commitments, unanswered
   * complaints or answers that fail, and derives the group key and every public share.
   *
   * @param answers complaint → revealed share (absent when the dealer did not answer)
   */
  public static Outcome qualify(
      int t,
      int n,
      Map<Integer, Dealing> dealings,
      List<Complaint> complaints,
      Map<Complaint, byte[]> answers) {
    Set<Integer> qualified = new TreeSet<>();
    for (int i = 1; i <= n; i++) {
      Dealing d = dealings.get(i);
      if (d != null && d.dealer() == i && d.commitments().size() == t && wellFormed(d)) {
        qualified.add(i);
      }
    }
    for (Complaint c : complaints) {
      if (c.accuser() < 1 || c.accuser() > n || c.accuser() == c.dealer()) {
        continue; // not a complaint any party can make; ignored rather than held against the dealer
      }
      Dealing d = dealings.get(c.dealer());
      if (d == null || !validShare(d, c.accuser(), answers.get(c), t)) {
        qualified.remove(c.dealer());
      }
    }
    if (qualified.size() < t) {
      throw new OprfException("only " + qualified.size() + " dealers qualified, fewer than t=" + t);
    }
    List<byte[]> summed = new ArrayList<>(t);
    for (int k = 0; k < t; k++) {
      byte[] sum = null;
      for (int dealer : qualified) {
        byte[] c = dealings.get(dealer).commitments().get(k);
        sum = sum == null ? c : Scalars.pointAdd(sum, c);
      }
      summed.add(sum);
    }
    Map<Integer, byte[]> publicShares = new HashMap<>();
    for (int j = 1; j <= n; j++) {
      publicShares.put(j, Scalars.pointPoly(summed, j));
    }
    return new Outcome(qualified, summed.get(0), publicShares);
  }

  private static boolean wellFormed(Dealing d) {
    try {
      for (byte[] c : d.commitments()) {
        Oprf.call(
            () -> {
              io.fugue.nativelib.NativeZk.checkPoint(c);
              return null;
            });
      }
      return true;
    } catch (OprfException e) {
      return false;
    }
  }
}
