package io.fugue.chain.randomness;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.staking.EpochSeed;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EpochSeed} of issue 15: epoch e is placed with R(e − 1), where R(k) is {@link
 * EpochRandomness#fromVdf} of epoch k's verified VDF output, or {@link EpochRandomness#fallback} of
 * R(k − 1) when none was included in time, and R(−1) is the genesis randomness. Each fallback is
 * logged once and counted in {@link #fallbacks()}. Results are cached, so ask only for epochs whose
 * VDF inclusion window has closed (the output of such an epoch no longer changes).
 */
public final class RandomnessEpochSeed implements EpochSeed {
  private static final Logger LOG = LoggerFactory.getLogger(RandomnessEpochSeed.class);

  /** The chain's record of verified VDF outputs; a port the node's beacon storage implements. */
  @FunctionalInterface
  public interface VdfOutputs {
    /** The verified VDF output included for {@code epoch}, empty if none arrived in time. */
    Optional<Bytes> output(long epoch);
  }

  private final Hash32 genesisRandomness;
  private final VdfOutputs outputs;
  private final Map<Long, Hash32> cache = new HashMap<>();
  private final AtomicLong fallbacks = new AtomicLong();

  public RandomnessEpochSeed(Hash32 genesisRandomness, VdfOutputs outputs) {
    this.genesisRandomness = Objects.requireNonNull(genesisRandomness, "genesisRandomness");
    this.outputs = Objects.requireNonNull(outputs, "outputs");
  }

  @Override
  public Hash32 seed(long epoch) {
    if (epoch < 0) {
      throw new IllegalArgumentException("epoch must not be negative: " + epoch);
    }
    return randomness(epoch - 1);
  }

  /** R(epoch), see the class comment; R(−1) is the genesis randomness. */
  public synchronized Hash32 randomness(long epoch) {
    if (epoch < 0) {
      return genesisRandomness;
    }
    long k = epoch;
    while (k >= 0 && !cache.containsKey(k)) {
      k--;
    }
    Hash32 r = k < 0 ? genesisRandomness : cache.get(k);
    for (long e = k + 1; e <= epoch; e++) {
      Optional<Bytes> y = outputs.output(e);
      if (y.isPresent()) {
        r = EpochRandomness.fromVdf(e, y.get());
      } else {
        fallbacks.incrementAndGet();
        LOG.warn("No valid VDF output for epoch {}: using the fallback randomness", e);
        r = EpochRandomness.fallback(r, e);
      }
      cache.put(e, r);
    }
    return r;
  }

  /** Epochs whose randomness came from the fallback, counted once each. */
  public long fallbacks() {
    return fallbacks.get();
  }
}
