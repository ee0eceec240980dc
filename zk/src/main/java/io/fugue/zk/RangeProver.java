package io.fugue.zk;

import io.fugue.nativelib.NativeZk;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Proves {@link RangeStatement}s about commitments whose {@link Opening}s the caller holds.
 *
 * <p>The prover checks that every opening opens the statement's commitment (a {@link ZkException}
 * if not: the caller mixed up its inputs) and that the predicate is true before proving; a false
 * predicate (for example {@code atLeast(t)} with v &lt; t, where C − t·B would commit to a negative
 * number) or a derived value that does not fit in n bits is {@link ProofResult.Refused} and no
 * proof is made. The shorthands ({@link #atLeast} …) are for callers that know the predicate holds:
 * they throw "refused: …" instead. For sums the prover adds the openings, so it learns the total.
 *
 * <p>Thread safety: instances are immutable and stateless; one prover may be shared by any number
 * of threads. Openings are not thread-safe (see {@link Opening}).
 */
public final class RangeProver {

  /**
   * Proves {@code statement} with one opening per commitment of the statement, in order, or says
   * why it cannot be proven.
   */
  public ProofResult prove(
      RangeStatement statement, List<Opening> openings, TranscriptContext context) {
    if (statement == null || openings == null || context == null) {
      throw new ZkException("statement, openings and context must not be null");
    }
    checkOpenings(statement.commitments(), openings);
    Witness w = Witness.of(statement, openings);
    if (w.refusal != null) {
      return new ProofResult.Refused(w.refusal);
    }
    try {
      NativeZk.Proven proven =
          Native.call(
              () ->
                  NativeZk.prove(
                      w.values,
                      w.blindings,
                      statement.bits().bits(),
                      context.labelBytes(),
                      context.contextUnsafe(),
                      Statements.encode(statement)));
      // The native commitments must be exactly what a verifier will derive from the statement.
      if (!Arrays.equals(proven.commitments(), Statements.derivedCommitments(statement))) {
        throw new ZkException("internal error: proven commitments differ from the statement's");
      }
      return new ProofResult.Proven(
          RangeProof.of(proven.proof(), statement.bits().bits(), statement.values()));
    } finally {
      Arrays.fill(w.blindings, (byte) 0);
    }
  }

  /** Proves v ≥ t. */
  public RangeProof atLeast(Opening o, long t, BitSize bits, TranscriptContext context) {
    return prove(RangeStatement.atLeast(commitment(o), t, bits), List.of(o), context).orElseThrow();
  }

  /** Proves v ≤ t. */
  public RangeProof atMost(Opening o, long t, BitSize bits, TranscriptContext context) {
    return prove(RangeStatement.atMost(commitment(o), t, bits), List.of(o), context).orElseThrow();
  }

  /** Proves a ≤ v ≤ b with one aggregated proof. */
  public RangeProof between(Opening o, long a, long b, BitSize bits, TranscriptContext context) {
    return prove(RangeStatement.between(commitment(o), a, b, bits), List.of(o), context)
        .orElseThrow();
  }

  /** Proves Σv ≥ t over several openings (the homomorphic sum of their commitments). */
  public RangeProof sumAtLeast(
      List<Opening> openings, long t, BitSize bits, TranscriptContext context) {
    return prove(RangeStatement.sumAtLeast(commitments(openings), t, bits), openings, context)
        .orElseThrow();
  }

  /** Proves every value lies in [0, 2^n), aggregated into one proof (1 to 64, a power of two). */
  public RangeProof allInRange(List<Opening> openings, BitSize bits, TranscriptContext context) {
    return prove(RangeStatement.allInRange(commitments(openings), bits), openings, context)
        .orElseThrow();
  }

  private static Commitment commitment(Opening o) {
    if (o == null) {
      throw new ZkException("opening must not be null");
    }
    return o.commitment();
  }

  private static List<Commitment> commitments(List<Opening> openings) {
    if (openings == null) {
      throw new ZkException("openings must not be null");
    }
    return openings.stream().map(RangeProver::commitment).toList();
  }

  private static void checkOpenings(List<Commitment> commitments, List<Opening> openings) {
    if (openings.size() != commitments.size()) {
      throw new ZkException(
          "the statement has "
              + commitments.size()
              + " commitments but "
              + openings.size()
              + " openings were given");
    }
    for (int i = 0; i < openings.size(); i++) {
      if (!commitment(openings.get(i)).equals(commitments.get(i))) {
        throw new ZkException("opening " + i + " does not open commitment " + i);
      }
    }
  }

  /** The secret side of a statement: the derived values and their blindings. */
  private static final class Witness {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    final long[] values;
    final byte[] blindings;

    /** Why no proof can exist, or null: then {@code values} and {@code blindings} are empty. */
    final String refusal;

    private Witness(BigInteger[] values, byte[][] blindings, BitSize bits) {
      try {
        this.refusal = refusal(values, bits);
        if (refusal != null) {
          this.values = new long[0];
          this.blindings = new byte[0];
          return;
        }
        this.values = new long[values.length];
        ByteBuffer out = ByteBuffer.allocate(blindings.length * Opening.BLINDING_BYTES);
        for (int i = 0; i < values.length; i++) {
          // Below 2^64: the low 64 bits are the unsigned value the native side expects.
          this.values[i] = values[i].mod(TWO_64).longValue();
          out.put(blindings[i]);
        }
        this.blindings = out.array();
      } finally {
        for (byte[] b : blindings) {
          Arrays.fill(b, (byte) 0);
        }
      }
    }

    private static String refusal(BigInteger[] values, BitSize bits) {
      for (int i = 0; i < values.length; i++) {
        if (values[i].signum() < 0) {
          return "the predicate is false for the committed value(s)";
        }
        if (!bits.fits(values[i])) {
          return "derived value " + i + " does not fit in " + bits.bits() + " bits";
        }
      }
      return null;
    }

    static Witness of(RangeStatement s, List<Opening> os) {
      if (s instanceof RangeStatement.AtLeast a) {
        return single(big(os.get(0)).subtract(big(a.threshold())), os.get(0).blinding(), s);
      } else if (s instanceof RangeStatement.AtMost a) {
        byte[] negated = Native.call(() -> NativeZk.scalarNegate(os.get(0).blindingUnsafe()));
        return single(big(a.threshold()).subtract(big(os.get(0))), negated, s);
      } else if (s instanceof RangeStatement.Between b) {
        return between(b, os.get(0));
      } else if (s instanceof RangeStatement.SumAtLeast a) {
        return sum(a, os);
      }
      BigInteger[] values = os.stream().map(Witness::big).toArray(BigInteger[]::new);
      byte[][] blindings = os.stream().map(Opening::blinding).toArray(byte[][]::new);
      return new Witness(values, blindings, s.bits());
    }

    private static Witness between(RangeStatement.Between b, Opening o) {
      byte[] negated = Native.call(() -> NativeZk.scalarNegate(o.blindingUnsafe()));
      BigInteger[] values = {big(o).subtract(big(b.lower())), big(b.upper()).subtract(big(o))};
      return new Witness(values, new byte[][] {o.blinding(), negated}, b.bits());
    }

    private static Witness sum(RangeStatement.SumAtLeast a, List<Opening> os) {
      BigInteger total = BigInteger.ZERO;
      byte[] blinding = new byte[Opening.BLINDING_BYTES];
      for (Opening o : os) {
        total = total.add(big(o));
        byte[] acc = blinding;
        blinding = Native.call(() -> NativeZk.scalarAdd(acc, o.blindingUnsafe()));
        Arrays.fill(acc, (byte) 0);
      }
      return single(total.subtract(big(a.threshold())), blinding, a);
    }

    private static Witness single(BigInteger value, byte[] blinding, RangeStatement s) {
      return new Witness(new BigInteger[] {value}, new byte[][] {blinding}, s.bits());
    }

    private static BigInteger big(Opening o) {
      return BigInteger.valueOf(o.value());
    }

    private static BigInteger big(long v) {
      return BigInteger.valueOf(v);
    }
  }
}
