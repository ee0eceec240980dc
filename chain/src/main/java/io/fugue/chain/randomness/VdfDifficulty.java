package io.fugue.chain.randomness;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * The self-adjusting VDF difficulty (docs/randomness.md, "Difficulty"). The VDF of epoch e was
 * started when pRnd was fixed at beacon height {@code h_p} and its output was included at height
 * {@code h_v}; the delay achieved is {@code d = h_v − h_p} blocks. The next epoch's iteration count
 * is
 *
 * <pre>T(e+1) = clamp(⌊T(e) · target / d⌋, ⌈T(e) / 2⌉, 2 · T(e)), then clamp(minT, maxT)</pre>
 *
 * <p>A missing VDF counts as d = ∞ (T halves), so a withheld or too slow VDF makes the next one
 * easier rather than stalling the chain. Every input is chain data, so every node computes the same
 * T and rejects a VDF proved for another T.
 *
 * @param targetDelayBlocks blocks between pRnd and the VDF's inclusion the rule aims at
 * @param minIterations floor, so the delay never becomes trivially short
 * @param maxIterations ceiling, so verification and evaluation stay bounded
 */
public record VdfDifficulty(long targetDelayBlocks, long minIterations, long maxIterations) {
  public VdfDifficulty {
    if (targetDelayBlocks < 1) {
      throw new IllegalArgumentException("target delay must be at least one block");
    }
    if (minIterations < 1 || maxIterations < minIterations) {
      throw new IllegalArgumentException(
          "iteration bounds out of order: " + minIterations + ".." + maxIterations);
    }
  }

  /** Devnet: 1-second beacon blocks, the output expected 20 blocks after pRnd. */
  public static VdfDifficulty defaults() {
    return new VdfDifficulty(20, 1_000, 1L << 32);
  }

  /**
   * T for the next epoch from this epoch's T and the delay achieved ({@code empty} when no valid
   * VDF was included in time).
   */
  public long next(long currentIterations, OptionalLong delayBlocks) {
    if (currentIterations < 1) {
      throw new IllegalArgumentException("iterations must be positive: " + currentIterations);
    }
    long lower = (currentIterations + 1) / 2;
    BigInteger upper = BigInteger.valueOf(currentIterations).shiftLeft(1);
    BigInteger proposed;
    if (delayBlocks.isEmpty()) {
      proposed = BigInteger.valueOf(lower);
    } else {
      long d = delayBlocks.getAsLong();
      if (d < 1) {
        throw new IllegalArgumentException("delay must be at least one block: " + d);
      }
      proposed =
          BigInteger.valueOf(currentIterations)
              .multiply(BigInteger.valueOf(targetDelayBlocks))
              .divide(BigInteger.valueOf(d));
    }
    BigInteger bounded = proposed.max(BigInteger.valueOf(lower)).min(upper);
    return bounded
        .max(BigInteger.valueOf(minIterations))
        .min(BigInteger.valueOf(maxIterations))
        .longValueExact();
  }
}
