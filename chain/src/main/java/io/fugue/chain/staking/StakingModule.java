package io.fugue.chain.staking;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.DoubleSignEvidence;
import io.fugue.chain.consensus.SignatureScheme;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.execution.RewardRecipients;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.BlockEnd;
import io.fugue.chain.module.LedgerModule;
import io.fugue.chain.module.ModuleException;
import io.fugue.chain.module.ModuleId;
import io.fugue.chain.module.ModuleResult;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Staking on the beacon chain as a built-in {@link LedgerModule} ("system contract"): the
 * transactions of {@link StakingTx}, judged against {@link StakingParams}, and at the last beacon
 * block of every epoch the {@link EpochTransition} whose shard state the block's header names.
 * Every refusal names its reason and writes nothing.
 *
 * <p>At every beacon block the end-of-block step also settles the parent block: the block's reward
 * and fees, collected in {@link StakingState#REWARD_POOL} by {@link #REWARDS_TO_POOL}, go through
 * {@link Rewards#distribute} to the parent's signers' commissions and delegators, and the parent's
 * signing counts feed availability ({@link StakingState#signingCounts}). Both read the committee
 * that voted on the parent: its epoch's elected committee from {@code electedFromEpoch} on, the
 * genesis (epoch-0) committee before. Other shards' blocks reach the beacon chain only with
 * crosslinks (issue 12): until then their rewards go to their signers' accounts and their keys are
 * not counted. The epoch seed is derived from the ending block's commit signature until the VRF+VDF
 * randomness lands ({@link #seed}).
 */
public final class StakingModule implements LedgerModule {
  private static final Bytes SEED_DOMAIN =
      Bytes.of("fugue.epoch.seed.v1".getBytes(StandardCharsets.US_ASCII));

  private static final SignatureScheme SCHEME = new BlsSignatureScheme();

  /**
   * The beacon chain's reward rule on a staking network: the whole reward and fees of a block to
   * {@link StakingState#REWARD_POOL}, which the module distributes at the end of the block.
   */
  public static final RewardRecipients REWARDS_TO_POOL =
      (ctx, bitmap, amount) ->
          List.of(new RewardRecipients.Payout(StakingState.REWARD_POOL, amount));

  private final StakingParams params;
  private final long electedFromEpoch;

  /** A module whose elected committees never vote (the genesis committee always does). */
  public StakingModule(StakingParams params) {
    this(params, StakingGenesis.NEVER);
  }

  public StakingModule(StakingParams params, long electedFromEpoch) {
    this.params = Objects.requireNonNull(params, "params");
    this.electedFromEpoch = electedFromEpoch;
  }

  /** The module of a genesis' staking section. */
  public static StakingModule of(StakingGenesis genesis) {
    return new StakingModule(genesis.params(), genesis.electedFromEpoch());
  }

  public StakingParams params() {
    return params;
  }

  @Override
  public ModuleId id() {
    return StakingState.MODULE;
  }

  @Override
  public Set<Integer> transactionTypes() {
    return Set.copyOf(StakingTx.types());
  }

  @Override
  public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
    if (!ctx.shardId().isBeacon()) {
      return Validation.reject("staking transactions execute on the beacon chain only");
    }
    StakingTx body;
    try {
      body = StakingTx.decode(tx.type(), tx.body(), params.maxKeysPerValidator());
    } catch (CodecException e) {
      return Validation.reject(e.getMessage());
    }
    BigInteger spendable =
        state.account(sender.toBytes()).balance().subtract(tx.fee().toBigInteger());
    if (body instanceof StakingTx.CreateValidator c) {
      return checkCreate(c, sender, state, spendable);
    } else if (body instanceof StakingTx.EditValidator e) {
      return checkEdit(e, sender, state, ctx);
    } else if (body instanceof StakingTx.Delegate d) {
      if (spendable.compareTo(d.amount().toBigInteger()) < 0) {
        return Validation.reject("insufficient balance for the delegation plus the fee");
      }
      return StakingOps.checkDelegate(state, sender, d.validator(), d.amount(), params);
    } else if (body instanceof StakingTx.Undelegate u) {
      return StakingOps.checkUndelegate(state, sender, u.validator(), u.amount(), params);
    } else if (body instanceof StakingTx.ReportDoubleSign r) {
      return checkReport(r.evidence(), state, ctx).validation();
    }
    return StakingOps.checkCollect(state, sender);
  }

  @Override
  public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
    StakingTx body;
    try {
      body = StakingTx.decode(tx.type(), tx.body(), params.maxKeysPerValidator());
    } catch (CodecException e) {
      throw new ModuleException(e.getMessage(), e);
    }
    if (body instanceof StakingTx.CreateValidator c) {
      List<ValidatorKey> keys = c.keys().stream().map(StakingTx.KeyWithProof::key).toList();
      StakingState.putValidator(
          state,
          new Validator(
              sender,
              c.description(),
              c.commissionBps(),
              c.maxCommissionBps(),
              c.maxChangeBps(),
              ctx.epoch(),
              c.minSelfDelegation(),
              c.maxTotalDelegation(),
              keys,
              Set.of(),
              Validator.Status.ACTIVE,
              Uint256.ZERO,
              Uint256.ZERO));
      StakingOps.applyDelegate(state, sender, sender, c.amount());
    } else if (body instanceof StakingTx.EditValidator e) {
      Validator v = StakingState.validator(state, sender).orElseThrow();
      Validator edited =
          e.commissionBps() == v.commissionBps()
              ? v.withCommission(e.description(), v.commissionBps(), v.lastCommissionEpoch())
              : v.withCommission(e.description(), e.commissionBps(), ctx.epoch());
      Set<ValidatorKey> keys = new TreeSet<>(edited.keys());
      e.removeKeys().forEach(keys::remove);
      e.addKeys().forEach(k -> keys.add(k.key()));
      Set<ValidatorKey> inactive = new TreeSet<>(edited.inactiveKeys());
      inactive.retainAll(keys);
      if (e.reactivate()) {
        inactive.clear(); // re-activation after inactivity: every key signs again
      }
      edited = edited.withKeys(List.copyOf(keys), inactive);
      if (e.reactivate() && edited.status() == Validator.Status.INACTIVE) {
        edited = edited.withStatus(Validator.Status.ACTIVE);
      }
      StakingState.putValidator(state, edited);
    } else if (body instanceof StakingTx.Delegate d) {
      StakingOps.applyDelegate(state, sender, d.validator(), d.amount());
    } else if (body instanceof StakingTx.Undelegate u) {
      StakingOps.applyUndelegate(state, sender, u.validator(), u.amount(), ctx.epoch(), params);
    } else if (body instanceof StakingTx.ReportDoubleSign r) {
      Report report = checkReport(r.evidence(), state, ctx);
      Slashing.slash(
          state,
          report.offender().orElseThrow(),
          sender,
          evidenceHash(r.evidence()),
          ctx.epoch(),
          params);
    } else {
      StakingOps.applyCollect(state, sender);
    }
    return ModuleResult.empty();
  }

  /**
   * At every beacon block: settles the parent (rewards from the pool, availability counts). At the
   * last beacon block of epoch e ({@code number mod epochBlocks = epochBlocks − 1}) also the epoch
   * transition, whose shard state for e + 1 the header names.
   */
  @Override
  public Optional<Hash32> endBlock(StateWriter state, BlockContext ctx, BlockEnd end) {
    if (!ctx.shardId().isBeacon()) {
      return Optional.empty();
    }
    settleParent(state, ctx, end);
    if (!lastOfEpoch(ctx.number())) {
      return Optional.empty();
    }
    long epoch = ctx.number() / params.epochBlocks();
    ShardState next =
        EpochTransition.endEpoch(
            state,
            epoch,
            seed(epoch, end.lastCommitSignature()),
            params,
            ctx.shardCount(),
            availability(state, epoch));
    StakingState.putSigningCounts(state, epoch, List.of());
    return Optional.of(next.hash());
  }

  /** The shard state whose beacon committee voted on beacon block {@code height}. */
  private Optional<ShardState> votedIn(StateView state, long height) {
    long epoch = params.votingEpoch(height);
    return StakingState.shardState(state, epoch >= electedFromEpoch ? epoch : 0);
  }

  /**
   * The parent's signers (the header's {@code lastCommitBitmap}) on the committee that voted on it:
   * the pool's whole balance is distributed over them and what {@link Rewards#distribute} pays
   * leaves the pool; each slot's count of blocks expected and signed grows by one (the parent's
   * voting epoch's counts). A bitmap that does not fit that committee (consensus refuses such
   * headers before execution matters) settles nothing: the pool keeps its balance for later.
   */
  private void settleParent(StateWriter state, BlockContext ctx, BlockEnd end) {
    long parent = ctx.number() - 1;
    if (parent < 1 || end.lastCommitBitmap().isEmpty()) {
      return;
    }
    Optional<ShardState> voted = votedIn(state, parent);
    if (voted.isEmpty()) {
      return;
    }
    ShardCommittee committee = voted.get().shard(ShardId.BEACON);
    SignerBitmap signers;
    try {
      signers = SignerBitmap.ofHeaderField(end.lastCommitBitmap());
    } catch (IllegalArgumentException e) {
      return;
    }
    if (signers.size() != committee.slots().size() || signers.isEmpty()) {
      return;
    }
    Account pool = state.account(StakingState.REWARD_POOL.toBytes());
    if (pool.balance().signum() > 0) {
      Uint256 paid =
          Rewards.distribute(
              state, voted.get(), ShardId.BEACON, signers, Uint256.of(pool.balance()));
      state.setAccount(
          StakingState.REWARD_POOL.toBytes(),
          pool.withBalance(pool.balance().subtract(paid.toBigInteger())));
    }
    long epoch = params.votingEpoch(parent);
    List<long[]> counts = new ArrayList<>(StakingState.signingCounts(state, epoch));
    while (counts.size() < committee.slots().size()) {
      counts.add(new long[2]);
    }
    for (int i = 0; i < committee.slots().size(); i++) {
      long[] c = counts.get(i);
      counts.set(i, new long[] {c[0] + (signers.contains(i) ? 1 : 0), c[1] + 1});
    }
    StakingState.putSigningCounts(state, epoch, counts);
  }

  /**
   * The beacon committee's counts of {@code epoch} as an {@link Availability}: keys of the epoch's
   * voting beacon committee; a key with no count (every other shard's, until crosslinks) keeps its
   * state.
   */
  private Availability availability(StateView state, long epoch) {
    Optional<ShardState> voted =
        StakingState.shardState(state, epoch >= electedFromEpoch ? epoch : 0);
    List<long[]> counts = StakingState.signingCounts(state, epoch);
    if (voted.isEmpty() || counts.isEmpty()) {
      return Availability.NONE;
    }
    List<Slot> slots = voted.get().shard(ShardId.BEACON).slots();
    Map<ValidatorKey, long[]> byKey = new HashMap<>();
    for (int i = 0; i < Math.min(slots.size(), counts.size()); i++) {
      byKey.put(slots.get(i).key(), counts.get(i));
    }
    return new Availability() {
      @Override
      public long signed(ValidatorKey key) {
        long[] c = byKey.get(key);
        return c == null ? 0 : c[0];
      }

      @Override
      public long expected(ValidatorKey key) {
        long[] c = byKey.get(key);
        return c == null ? 0 : c[1];
      }
    };
  }

  /** Whether beacon block {@code number} ends its epoch. */
  public boolean lastOfEpoch(long number) {
    return number % params.epochBlocks() == params.epochBlocks() - 1;
  }

  /**
   * The interim epoch seed: keccak256("fugue.epoch.seed.v1" ‖ epoch (8 bytes, big-endian) ‖ the
   * ending block's parent commit signature).
   */
  public static Hash32 seed(long epoch, Bytes lastCommitSignature) {
    return Hashing.keccak256(
        SEED_DOMAIN, Bytes.of(ByteBuffer.allocate(8).putLong(epoch).array()), lastCommitSignature);
  }

  /** The judgement of a report: accepted with the offending validator, or refused. */
  private record Report(Validation validation, Optional<Address> offender) {
    static Report refuse(String reason) {
      return new Report(Validation.reject(reason), Optional.empty());
    }
  }

  /** keccak256 of the evidence's encoding: what marks it used. */
  public static Hash32 evidenceHash(DoubleSignEvidence e) {
    return Hashing.keccak256(e.encode());
  }

  /**
   * A report holds when both signatures verify for the key, the key held a seat at that height, the
   * evidence was never used and its validator is not already banned. The seat: on the beacon chain,
   * the committee that votes on that height ({@link StakingParams#votingEpoch}); on another shard,
   * whose heights the beacon cannot map to epochs until crosslinks land, the shard's committee in
   * the current or the previous epoch's shard state (older evidence is refused as stale).
   */
  private Report checkReport(DoubleSignEvidence e, StateView state, BlockContext ctx) {
    if (e.shard() >= ctx.shardCount()) {
      return Report.refuse("evidence for shard " + e.shard() + ", which does not exist");
    }
    if (!e.verify(SCHEME)) {
      return Report.refuse("the evidence's signatures do not verify for its key");
    }
    List<Long> epochs =
        e.shard() == 0
            ? List.of(params.votingEpoch(e.height()))
            : ctx.epoch() == 0 ? List.of(0L) : List.of(ctx.epoch(), ctx.epoch() - 1);
    if (e.shard() == 0 && epochs.get(0) > ctx.epoch()) {
      return Report.refuse("evidence from a future height " + e.height());
    }
    boolean seated = false;
    for (long epoch : epochs) {
      Optional<ShardState> st = StakingState.shardState(state, epoch);
      if (st.isPresent()
          && st.get().shards().stream()
              .filter(c -> c.shard().value() == e.shard())
              .anyMatch(c -> c.committee().indexOf(e.signer()).isPresent())) {
        seated = true;
      }
    }
    if (!seated) {
      return Report.refuse(
          "key "
              + e.signer().shortHex()
              + " held no seat on shard "
              + e.shard()
              + " in epoch(s) "
              + epochs
              + " (stale or forged evidence)");
    }
    Optional<Address> offender = StakingState.keyOwner(state, e.signer());
    if (offender.isEmpty()) {
      return Report.refuse("key " + e.signer().shortHex() + " belongs to no validator");
    }
    Validation v = Slashing.check(state, offender.get(), evidenceHash(e));
    return v.isAccepted() ? new Report(v, offender) : new Report(v, Optional.empty());
  }

  private Validation checkCreate(
      StakingTx.CreateValidator c, Address sender, StateView state, BigInteger spendable) {
    if (StakingState.validator(state, sender).isPresent()) {
      return Validation.reject("account " + sender.toChecksumHex() + " is already a validator");
    }
    Validation keys = checkNewKeys(c.keys(), state, 1);
    if (!keys.isAccepted()) {
      return keys;
    }
    if (c.commissionBps() > c.maxCommissionBps() || c.maxChangeBps() > c.maxCommissionBps()) {
      return Validation.reject(
          "commission rate and max change must not exceed the max commission rate");
    }
    if (c.maxChangeBps() > params.maxCommissionChangeBps()) {
      return Validation.reject(
          "max commission change "
              + c.maxChangeBps()
              + " bps exceeds the network's "
              + params.maxCommissionChangeBps());
    }
    if (c.minSelfDelegation().compareTo(params.minSelfDelegation()) < 0) {
      return Validation.reject(
          "min self-delegation " + c.minSelfDelegation() + " below " + params.minSelfDelegation());
    }
    if (c.amount().compareTo(c.minSelfDelegation()) < 0) {
      return Validation.reject(
          "amount " + c.amount() + " below the min self-delegation " + c.minSelfDelegation());
    }
    if (c.amount().compareTo(c.maxTotalDelegation()) > 0) {
      return Validation.reject(
          "amount " + c.amount() + " above the max total delegation " + c.maxTotalDelegation());
    }
    if (spendable.compareTo(c.amount().toBigInteger()) < 0) {
      return Validation.reject("insufficient balance for the amount plus the fee");
    }
    return Validation.ACCEPT;
  }

  private Validation checkEdit(
      StakingTx.EditValidator e, Address sender, StateView state, BlockContext ctx) {
    Optional<Validator> found = StakingState.validator(state, sender);
    if (found.isEmpty()) {
      return Validation.reject("account " + sender.toChecksumHex() + " is not a validator");
    }
    Validator v = found.get();
    if (v.status() == Validator.Status.BANNED) {
      return Validation.reject("validator " + sender.toChecksumHex() + " is banned");
    }
    if (e.commissionBps() != v.commissionBps()) {
      if (e.commissionBps() > v.maxCommissionBps()) {
        return Validation.reject(
            "commission " + e.commissionBps() + " exceeds the max " + v.maxCommissionBps());
      }
      if (Math.abs(e.commissionBps() - v.commissionBps()) > v.maxChangeBps()) {
        return Validation.reject(
            "commission change exceeds the max change per epoch " + v.maxChangeBps());
      }
      if (v.lastCommissionEpoch() == ctx.epoch() && ctx.epoch() > 0) {
        return Validation.reject("the commission already changed in epoch " + ctx.epoch());
      }
    }
    Set<ValidatorKey> keys = new HashSet<>(v.keys());
    for (ValidatorKey k : e.removeKeys()) {
      if (!keys.remove(k)) {
        return Validation.reject("key " + k.shortHex() + " is not this validator's");
      }
    }
    Validation added = checkNewKeys(e.addKeys(), state, 0);
    if (!added.isAccepted()) {
      return added;
    }
    e.addKeys().forEach(k -> keys.add(k.key()));
    if (keys.isEmpty() || keys.size() > params.maxKeysPerValidator()) {
      return Validation.reject(
          "a validator keeps 1.."
              + params.maxKeysPerValidator()
              + " keys, this leaves "
              + keys.size());
    }
    if (e.reactivate() && v.status() == Validator.Status.ACTIVE && v.inactiveKeys().isEmpty()) {
      return Validation.reject("nothing to re-activate");
    }
    return Validation.ACCEPT;
  }

  private Validation checkNewKeys(List<StakingTx.KeyWithProof> keys, StateView state, int min) {
    if (keys.size() < min || keys.size() > params.maxKeysPerValidator()) {
      return Validation.reject(
          "a validator registers " + min + ".." + params.maxKeysPerValidator() + " keys");
    }
    Set<ValidatorKey> seen = new HashSet<>();
    for (StakingTx.KeyWithProof k : keys) {
      if (!seen.add(k.key())) {
        return Validation.reject("key " + k.key().shortHex() + " is listed twice");
      }
      if (StakingState.keyOwner(state, k.key()).isPresent()) {
        return Validation.reject("key " + k.key().shortHex() + " is already registered");
      }
      if (!k.possessionProven()) {
        return Validation.reject("proof of possession fails for key " + k.key().shortHex());
      }
    }
    return Validation.ACCEPT;
  }
}
