package io.fugue.chain.staking;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The genesis {@code staking} section (docs/genesis.md, "staking"): the network's staking
 * parameters and the validators that hold the genesis committees' keys. The beacon chain's block 0
 * state holds their records, their self-delegations (staked, not in any balance) and the epoch-0
 * shard state built from the genesis committees — each key one slot of voting power {@link
 * Election#POWER_SCALE} (equal power, as consensus counts the genesis committees), effective stake
 * = the validator's stake split evenly over its keys. From epoch 1 on the election decides.
 *
 * @param params the staking parameters ({@code epochBlocks} is the genesis' {@code blocksPerEpoch})
 * @param validators 1..{@link #MAX_VALIDATORS} validators, distinct operators and keys
 * @param electedFromEpoch the first epoch whose committees vote as elected (≥ 1); before it the
 *     genesis committees vote, although every epoch is elected and stored ({@link #NEVER}: always
 *     the genesis committees — Harmony's "staking epoch" switch)
 */
public record StakingGenesis(
    StakingParams params, List<GenesisValidator> validators, long electedFromEpoch) {
  public static final int MAX_VALIDATORS = 4_096;

  /** {@code electedFromEpoch} of a network whose elected committees never vote. */
  public static final long NEVER = Long.MAX_VALUE;

  /** Elected committees never vote (the genesis committees always do). */
  public StakingGenesis(StakingParams params, List<GenesisValidator> validators) {
    this(params, validators, NEVER);
  }

  /** Whether consensus uses the elected committee in {@code epoch}. */
  public boolean elected(long epoch) {
    return epoch >= electedFromEpoch;
  }

  /**
   * One genesis validator.
   *
   * @param operator the account that operates it (edits it, collects its rewards)
   * @param description name, website, details, security contact (bounded lengths)
   * @param keys its BLS keys, each in exactly one genesis committee
   * @param stake its self-delegation, staked at genesis (not taken from any allocation)
   * @param commissionBps its commission rate
   * @param maxCommissionBps the most its commission may ever be
   * @param maxChangeBps the most its commission may change per epoch
   * @param maxTotalDelegation the most stake (self plus delegations) it accepts
   */
  public record GenesisValidator(
      Address operator,
      Validator.Description description,
      List<ValidatorKey> keys,
      Uint256 stake,
      int commissionBps,
      int maxCommissionBps,
      int maxChangeBps,
      Uint256 maxTotalDelegation) {
    public GenesisValidator {
      Objects.requireNonNull(operator, "operator");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(stake, "stake");
      Objects.requireNonNull(maxTotalDelegation, "maxTotalDelegation");
      keys = List.copyOf(keys);
      if (keys.isEmpty() || new HashSet<>(keys).size() != keys.size()) {
        throw new IllegalArgumentException(
            "validator " + operator.toChecksumHex() + " needs one or more distinct keys");
      }
      if (maxCommissionBps < 0 || maxCommissionBps > StakingParams.BPS) {
        throw new IllegalArgumentException("maxCommissionBps must be 0..10000");
      }
      if (commissionBps < 0 || commissionBps > maxCommissionBps) {
        throw new IllegalArgumentException("commissionBps must be 0..maxCommissionBps");
      }
      if (maxChangeBps < 0 || maxChangeBps > maxCommissionBps) {
        throw new IllegalArgumentException("maxChangeBps must be 0..maxCommissionBps");
      }
      if (stake.compareTo(maxTotalDelegation) > 0) {
        throw new IllegalArgumentException(
            "validator " + operator.toChecksumHex() + " stakes more than its maxTotalDelegation");
      }
    }
  }

  public StakingGenesis {
    Objects.requireNonNull(params, "params");
    if (electedFromEpoch < 1) {
      throw new IllegalArgumentException(
          "electedFromEpoch must be at least 1 (epoch 0 is the genesis), got " + electedFromEpoch);
    }
    validators = List.copyOf(validators);
    if (validators.isEmpty() || validators.size() > MAX_VALIDATORS) {
      throw new IllegalArgumentException(
          "staking needs 1.." + MAX_VALIDATORS + " validators, got " + validators.size());
    }
    Set<Address> operators = new HashSet<>();
    Set<ValidatorKey> keys = new HashSet<>();
    for (GenesisValidator v : validators) {
      String who = "validator " + v.operator().toChecksumHex();
      if (!operators.add(v.operator())) {
        throw new IllegalArgumentException(who + " is listed twice");
      }
      for (ValidatorKey k : v.keys()) {
        if (!keys.add(k)) {
          throw new IllegalArgumentException("key " + k.shortHex() + " belongs to two validators");
        }
      }
      if (v.keys().size() > params.maxKeysPerValidator()) {
        throw new IllegalArgumentException(
            who + " has " + v.keys().size() + " keys, limit " + params.maxKeysPerValidator());
      }
      if (v.stake().compareTo(params.minSelfDelegation()) < 0) {
        throw new IllegalArgumentException(
            who
                + " stakes "
                + v.stake()
                + ", below minSelfDelegation "
                + params.minSelfDelegation());
      }
      if (v.maxChangeBps() > params.maxCommissionChangeBps()) {
        throw new IllegalArgumentException(
            who + " maxChangeBps exceeds the network's " + params.maxCommissionChangeBps());
      }
    }
  }

  /**
   * The epoch-0 shard state: shard {@code s}'s committee is {@code committees.get(s)}, which must
   * list its keys in strictly ascending byte order (the order of a {@link ShardCommittee}, so the
   * consensus committee and the elected one index signers alike); every validator key sits in
   * exactly one committee and every committee key belongs to a validator.
   *
   * @throws IllegalArgumentException naming the first key that breaks a rule
   */
  public ShardState epochZero(List<List<ValidatorKey>> committees) {
    Map<ValidatorKey, GenesisValidator> owner = new HashMap<>();
    for (GenesisValidator v : validators) {
      v.keys().forEach(k -> owner.put(k, v));
    }
    Set<ValidatorKey> seated = new HashSet<>();
    List<ShardCommittee> shards = new ArrayList<>(committees.size());
    for (int s = 0; s < committees.size(); s++) {
      List<ValidatorKey> keys = committees.get(s);
      List<Slot> slots = new ArrayList<>(keys.size());
      for (int i = 0; i < keys.size(); i++) {
        ValidatorKey k = keys.get(i);
        if (i > 0 && keys.get(i - 1).compareTo(k) >= 0) {
          throw new IllegalArgumentException(
              "shard "
                  + s
                  + " committee: with staking, keys are listed in ascending byte order; "
                  + k.shortHex()
                  + " is out of order");
        }
        GenesisValidator v = owner.get(k);
        if (v == null) {
          throw new IllegalArgumentException(
              "shard " + s + " committee key " + k.shortHex() + " belongs to no staking validator");
        }
        seated.add(k);
        Uint256 perKey =
            Uint256.of(v.stake().toBigInteger().divide(BigInteger.valueOf(v.keys().size())));
        slots.add(new Slot(k, v.operator(), perKey, Election.POWER_SCALE));
      }
      shards.add(new ShardCommittee(ShardId.of(s), slots));
    }
    for (ValidatorKey k : owner.keySet()) {
      if (!seated.contains(k)) {
        throw new IllegalArgumentException(
            "staking validator key " + k.shortHex() + " sits in no genesis committee");
      }
    }
    return new ShardState(0, shards);
  }

  /**
   * Writes the beacon chain's genesis staking records: every validator (active, epoch 0), its
   * self-delegation as its stake, the reward snapshot of epoch 0, and {@code epochZero}.
   */
  public void write(StateWriter beacon, ShardState epochZero) {
    for (GenesisValidator g : validators) {
      StakingState.putValidator(
          beacon,
          new Validator(
              g.operator(),
              g.description(),
              g.commissionBps(),
              g.maxCommissionBps(),
              g.maxChangeBps(),
              0,
              params.minSelfDelegation(),
              g.maxTotalDelegation(),
              g.keys(),
              Set.of(),
              Validator.Status.ACTIVE,
              Uint256.ZERO,
              Uint256.ZERO));
      // The stake is minted as stake: credited, then delegated, so the balance is unchanged.
      Account a = beacon.account(g.operator().toBytes());
      beacon.setAccount(
          g.operator().toBytes(), a.withBalance(a.balance().add(g.stake().toBigInteger())));
      StakingOps.applyDelegate(beacon, g.operator(), g.operator(), g.stake());
      StakingState.putSnapshot(
          beacon, g.operator(), StakingState.delegationsTo(beacon, g.operator()));
    }
    StakingState.putShardState(beacon, epochZero);
  }
}
