package io.fugue.api.model;

/**
 * The staking parameters and where the beacon chain stands (amounts in base units as decimal
 * strings).
 *
 * @param epoch the beacon chain head's epoch
 * @param beaconHeight the beacon chain's head
 * @param epochBlocks beacon blocks per epoch
 * @param nextElectionHeight the beacon block whose end elects the next epoch's committees
 * @param electedFromEpoch the first epoch whose elected committees vote; null: never (the genesis
 *     committees vote)
 * @param rewardPool where beacon block rewards wait for distribution
 */
public record StakingInfo(
    long epoch,
    long beaconHeight,
    long epochBlocks,
    long nextElectionHeight,
    Long electedFromEpoch,
    int slotsPerShard,
    String minSelfDelegation,
    String minDelegation,
    int maxKeysPerValidator,
    int undelegationLockEpochs,
    int doubleSignSlashBps,
    int reporterShareBps,
    int shardCapBps,
    int availabilityThresholdBps,
    int maxCommissionChangeBps,
    AccountAddress rewardPool) {}
