package io.fugue.datasharing.query;

import io.fugue.datasharing.DataSharingException;
import io.fugue.zk.BitSize;
import io.fugue.zk.Commitment;
import io.fugue.zk.RangeStatement;
import java.util.List;

/**
 * What a query asks about committed values, in the schema's integer units (value·10^scale). {@code
 * gte}, {@code lte} and {@code between} are about one attestation; {@code sum_gte} is the aggregate
 * over one holder's attestations of one schema. Thresholds are non-negative.
 */
public sealed interface Predicate {
  /** The predicate's name in the API and the transcript: gte, lte, between, sum_gte. */
  String name();

  /** The thresholds in order (one, or lower and upper for between). */
  List<Long> thresholds();

  /** Whether the predicate is over several attestations. */
  default boolean isAggregate() {
    return this instanceof SumAtLeast;
  }

  /**
   * The statement a proof must satisfy: over the on-chain commitments, with the schema's bit size
   * for single-value predicates and 64 bits for sums (a sum of n-bit values outgrows n).
   */
  default RangeStatement statement(List<Commitment> commitments, BitSize schemaBits) {
    if (this instanceof AtLeast a) {
      return RangeStatement.atLeast(commitments.get(0), a.threshold(), schemaBits);
    } else if (this instanceof AtMost a) {
      return RangeStatement.atMost(commitments.get(0), a.threshold(), schemaBits);
    } else if (this instanceof Between b) {
      return RangeStatement.between(commitments.get(0), b.lower(), b.upper(), schemaBits);
    }
    return RangeStatement.sumAtLeast(commitments, ((SumAtLeast) this).threshold(), BitSize.B64);
  }

  /** v ≥ threshold. */
  record AtLeast(long threshold) implements Predicate {
    public AtLeast {
      checkThreshold(threshold);
    }

    @Override
    public String name() {
      return "gte";
    }

    @Override
    public List<Long> thresholds() {
      return List.of(threshold);
    }
  }

  /** v ≤ threshold. */
  record AtMost(long threshold) implements Predicate {
    public AtMost {
      checkThreshold(threshold);
    }

    @Override
    public String name() {
      return "lte";
    }

    @Override
    public List<Long> thresholds() {
      return List.of(threshold);
    }
  }

  /** lower ≤ v ≤ upper. */
  record Between(long lower, long upper) implements Predicate {
    public Between {
      checkThreshold(lower);
      checkThreshold(upper);
      if (lower > upper) {
        throw new DataSharingException("between needs lower <= upper");
      }
    }

    @Override
    public String name() {
      return "between";
    }

    @Override
    public List<Long> thresholds() {
      return List.of(lower, upper);
    }
  }

  /** Σv ≥ threshold over the attestations named by the query. */
  record SumAtLeast(long threshold) implements Predicate {
    public SumAtLeast {
      checkThreshold(threshold);
    }

    @Override
    public String name() {
      return "sum_gte";
    }

    @Override
    public List<Long> thresholds() {
      return List.of(threshold);
    }
  }

  /**
   * The predicate called {@code name} with {@code thresholds}; rejects unknown names and wrong
   * counts.
   */
  static Predicate of(String name, List<Long> thresholds) {
    if (name == null || thresholds == null || thresholds.stream().anyMatch(t -> t == null)) {
      throw new DataSharingException("predicate name and thresholds must not be null");
    }
    int want = "between".equals(name) ? 2 : 1;
    if (thresholds.size() != want) {
      throw new DataSharingException(
          "predicate " + name + " takes " + want + " threshold(s), got " + thresholds.size());
    }
    return switch (name) {
      case "gte" -> new AtLeast(thresholds.get(0));
      case "lte" -> new AtMost(thresholds.get(0));
      case "between" -> new Between(thresholds.get(0), thresholds.get(1));
      case "sum_gte" -> new SumAtLeast(thresholds.get(0));
      default ->
          throw new DataSharingException(
              "unknown predicate " + name + "; use gte, lte, between or sum_gte");
    };
  }

  private static void checkThreshold(long t) {
    if (t < 0) {
      throw new DataSharingException("thresholds must not be negative");
    }
  }
}
