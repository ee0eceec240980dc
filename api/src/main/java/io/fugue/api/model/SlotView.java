package io.fugue.api.model;

/**
 * One committee slot: its shard, BLS key, owning validator, effective stake (decimal string) and
 * voting power.
 */
public record SlotView(
    int shard, HexBytes key, AccountAddress validator, String effectiveStake, long votingPower) {}
