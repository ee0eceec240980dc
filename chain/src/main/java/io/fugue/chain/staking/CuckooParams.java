package io.fugue.chain.staking;

/**
 * Parameters of the Cuckoo rule (docs/randomness.md, "Cuckoo rule"); genesis is meant to carry
 * them.
 *
 * @param regionSlots k of the k/n-region: a newly placed slot evicts every slot whose position
 *     falls in the aligned region of width k/n around it (n = the epoch's elected slots), so on
 *     average k slots move per join. Larger k mixes more (stronger against join–leave attacks) and
 *     reshuffles more committees per epoch.
 * @param maxEligibilityDraws fresh positions drawn for a slot before the placement falls back to
 *     choosing uniformly among the shards the slot is eligible for
 * @param maxLoadBps a shard holding ⌈n/S · maxLoadBps / 10,000⌉ slots (at most {@link
 *     StakingParams#MAX_SLOTS_PER_SHARD}) takes no more random placements: a draw landing there is
 *     redrawn like an ineligible one. Large regions make shard sizes vary (about √(n/(kS))·k), so
 *     this bounds committee sizes without touching the rule elsewhere.
 */
public record CuckooParams(int regionSlots, int maxEligibilityDraws, int maxLoadBps) {
  public CuckooParams {
    if (regionSlots < 1 || regionSlots > 1_000) {
      throw new IllegalArgumentException("regionSlots out of range 1..1000: " + regionSlots);
    }
    if (maxEligibilityDraws < 1 || maxEligibilityDraws > 1_000) {
      throw new IllegalArgumentException(
          "maxEligibilityDraws out of range: " + maxEligibilityDraws);
    }
  }

  public static CuckooParams defaults() {
    return new CuckooParams(16, 32, 12_000);
  }
}
