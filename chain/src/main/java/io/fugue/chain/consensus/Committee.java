package io.fugue.chain.consensus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A shard committee: BLS keys in slot order with the voting power of each slot. Quorum is voting
 * power strictly greater than 2/3 of the total ({@code 3·signed > 2·total}), so any two quorums
 * share more than 1/3 of the power.
 */
public final class Committee {
  /** Keeps {@code 3 * total} inside a long. */
  public static final long MAX_TOTAL_POWER = Long.MAX_VALUE / 3;

  private final List<ValidatorKey> members;
  private final long[] power;
  private final long totalPower;
  private final Map<ValidatorKey, Integer> indexOf;

  private Committee(List<ValidatorKey> members, long[] power) {
    this.members = List.copyOf(members);
    this.power = power.clone();
    if (this.members.isEmpty() || this.members.size() > 0xFFFF) {
      throw new IllegalArgumentException("committee size out of range: " + this.members.size());
    }
    if (power.length != this.members.size()) {
      throw new IllegalArgumentException("one voting power per member");
    }
    long total = 0;
    Map<ValidatorKey, Integer> index = new HashMap<>();
    for (int i = 0; i < power.length; i++) {
      if (power[i] <= 0) {
        throw new IllegalArgumentException("voting power must be positive, member " + i);
      }
      total += power[i];
      if (total > MAX_TOTAL_POWER) {
        throw new IllegalArgumentException("total voting power too large");
      }
      if (index.put(this.members.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate committee key at " + i);
      }
    }
    this.totalPower = total;
    this.indexOf = Collections.unmodifiableMap(index);
  }

  /** Equal voting power (1 each), as until staking lands. */
  public static Committee equalPower(List<ValidatorKey> members) {
    long[] power = new long[members.size()];
    java.util.Arrays.fill(power, 1L);
    return new Committee(members, power);
  }

  public static Committee weighted(List<ValidatorKey> members, List<Long> power) {
    long[] p = new long[power.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = Objects.requireNonNull(power.get(i));
    }
    return new Committee(members, p);
  }

  public int size() {
    return members.size();
  }

  public List<ValidatorKey> members() {
    return members;
  }

  public ValidatorKey member(int index) {
    return members.get(index);
  }

  public Optional<Integer> indexOf(ValidatorKey key) {
    return Optional.ofNullable(indexOf.get(key));
  }

  public long power(int index) {
    return power[index];
  }

  public long totalPower() {
    return totalPower;
  }

  public long power(SignerBitmap signers) {
    requireFits(signers);
    long sum = 0;
    for (int i : signers.indices()) {
      sum += power[i];
    }
    return sum;
  }

  /** Strictly more than 2/3 of the total voting power. */
  public boolean isQuorum(long signedPower) {
    return 3 * signedPower > 2 * totalPower;
  }

  public boolean hasQuorum(SignerBitmap signers) {
    return isQuorum(power(signers));
  }

  /** More than 1/3 of the power: at least one honest member if at most 1/3 is Byzantine. */
  public boolean exceedsOneThird(long power) {
    return 3 * power > totalPower;
  }

  public List<ValidatorKey> keys(SignerBitmap signers) {
    requireFits(signers);
    List<ValidatorKey> out = new ArrayList<>();
    for (int i : signers.indices()) {
      out.add(members.get(i));
    }
    return out;
  }

  private void requireFits(SignerBitmap signers) {
    if (signers.size() != members.size()) {
      throw new IllegalArgumentException(
          "bitmap for " + signers.size() + " members, committee has " + members.size());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Committee c
        && members.equals(c.members)
        && java.util.Arrays.equals(power, c.power);
  }

  @Override
  public int hashCode() {
    return members.hashCode() * 31 + java.util.Arrays.hashCode(power);
  }
}
