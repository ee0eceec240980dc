package io.fugue.zk;

import java.util.List;

/**
 * The public claim a range proof is checked against: everything the verifier is given besides the
 * proof and the {@link TranscriptContext}. It names the original commitment(s), the predicate, its
 * threshold(s) and the bit size n. The commitments actually range-proved (for example C − t·B) are
 * always derived from the statement by whoever needs them, the verifier included; a prover can
 * never hand the verifier derived commitments. The statement is also bound into the proof's
 * transcript, so a proof made for one statement fails for any other.
 *
 * <p>Values and thresholds are non-negative {@code long}s.
 */
public sealed interface RangeStatement {
  /** The bit size n of the proof. */
  BitSize bits();

  /** The commitments the statement is about, as the verifier knows them. */
  List<Commitment> commitments();

  /** The number of values m in the proof. */
  int values();

  /** Every committed value lies in [0, 2^n): one aggregated proof over 1 to 64 commitments. */
  static RangeStatement allInRange(List<Commitment> commitments, BitSize bits) {
    return new AllInRange(commitments, bits);
  }

  /** v ≥ t, proven as C − t·B ∈ [0, 2^n). */
  static RangeStatement atLeast(Commitment commitment, long threshold, BitSize bits) {
    return new AtLeast(commitment, threshold, bits);
  }

  /** v ≤ t, proven as t·B − C ∈ [0, 2^n). */
  static RangeStatement atMost(Commitment commitment, long threshold, BitSize bits) {
    return new AtMost(commitment, threshold, bits);
  }

  /** a ≤ v ≤ b, one aggregated proof over C − a·B and b·B − C. */
  static RangeStatement between(Commitment commitment, long lower, long upper, BitSize bits) {
    return new Between(commitment, lower, upper, bits);
  }

  /** Σv ≥ t over several commitments, proven as ΣC − t·B ∈ [0, 2^n). */
  static RangeStatement sumAtLeast(List<Commitment> commitments, long threshold, BitSize bits) {
    return new SumAtLeast(commitments, threshold, bits);
  }

  /** See {@link RangeStatement#allInRange}. */
  record AllInRange(List<Commitment> commitments, BitSize bits) implements RangeStatement {
    public AllInRange {
      commitments = checkCommitments(commitments, true);
      checkBits(bits);
    }

    @Override
    public int values() {
      return commitments.size();
    }
  }

  /** See {@link RangeStatement#atLeast}. */
  record AtLeast(Commitment commitment, long threshold, BitSize bits) implements RangeStatement {
    public AtLeast {
      checkCommitment(commitment);
      checkThreshold(threshold, "threshold");
      checkBits(bits);
    }

    @Override
    public List<Commitment> commitments() {
      return List.of(commitment);
    }

    @Override
    public int values() {
      return 1;
    }
  }

  /** See {@link RangeStatement#atMost}. */
  record AtMost(Commitment commitment, long threshold, BitSize bits) implements RangeStatement {
    public AtMost {
      checkCommitment(commitment);
      checkThreshold(threshold, "threshold");
      checkBits(bits);
    }

    @Override
    public List<Commitment> commitments() {
      return List.of(commitment);
    }

    @Override
    public int values() {
      return 1;
    }
  }

  /** See {@link RangeStatement#between}. */
  record Between(Commitment commitment, long lower, long upper, BitSize bits)
      implements RangeStatement {
    public Between {
      checkCommitment(commitment);
      checkThreshold(lower, "lower bound");
      checkThreshold(upper, "upper bound");
      if (lower > upper) {
        throw new ZkException("lower bound must not exceed upper bound");
      }
      checkBits(bits);
    }

    @Override
    public List<Commitment> commitments() {
      return List.of(commitment);
    }

    @Override
    public int values() {
      return 2;
    }
  }

  /** See {@link RangeStatement#sumAtLeast}. */
  record SumAtLeast(List<Commitment> commitments, long threshold, BitSize bits)
      implements RangeStatement {
    public SumAtLeast {
      commitments = checkCommitments(commitments, false);
      checkThreshold(threshold, "threshold");
      checkBits(bits);
    }

    @Override
    public int values() {
      return 1;
    }
  }

  private static void checkCommitment(Commitment commitment) {
    if (commitment == null) {
      throw new ZkException("commitment must not be null");
    }
  }

  private static List<Commitment> checkCommitments(List<Commitment> list, boolean powerOfTwo) {
    if (list == null || list.isEmpty()) {
      throw new ZkException("commitments must not be null or empty");
    }
    if (list.size() > RangeProof.MAX_VALUES) {
      throw new ZkException(
          "at most " + RangeProof.MAX_VALUES + " commitments, got " + list.size());
    }
    if (powerOfTwo) {
      RangeProof.checkValueCount(list.size());
    }
    for (Commitment c : list) {
      checkCommitment(c);
    }
    return List.copyOf(list);
  }

  private static void checkThreshold(long t, String what) {
    if (t < 0) {
      throw new ZkException(what + " must be non-negative, got " + t);
    }
  }

  private static void checkBits(BitSize bits) {
    if (bits == null) {
      throw new ZkException("bit size must not be null");
    }
  }
}
