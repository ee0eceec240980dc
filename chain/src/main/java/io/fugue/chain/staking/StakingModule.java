package io.fugue.chain.staking;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.DoubleSignEvidence;
import io.fugue.chain.consensus.SignatureScheme;
import io.fugue.chain.consensus.ValidatorKey;
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
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
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
 * <p>Interim rules until their issues land, stated in docs/staking.md: the epoch seed is derived
 * from the ending block's parent commit signature (a leader can bias it by choosing which votes to
 * aggregate; the VRF+VDF randomness replaces {@link #seed}); availability is not yet counted
 * ({@link Availability#NONE}); block rewards still go to the signers' accounts by the chain's
 * reward rule, not yet through {@link Rewards}.
 */
public final class StakingModule implements LedgerModule {
  private static final Bytes SEED_DOMAIN =
      Bytes.of("fugue.epoch.seed.v1".getBytes(StandardCharsets.US_ASCII));

  private static final SignatureScheme SCHEME = new BlsSignatureScheme();

  private final StakingParams params;

  public StakingModule(StakingParams params) {
    this.params = Objects.requireNonNull(params, "params");
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
   * At the last beacon block of epoch e ({@code number mod epochBlocks = epochBlocks − 1}): the
   * epoch transition, whose shard state for e + 1 the header names.
   */
  @Override
  public Optional<Hash32> endBlock(StateWriter state, BlockContext ctx, BlockEnd end) {
    if (!ctx.shardId().isBeacon() || !lastOfEpoch(ctx.number())) {
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
            Availability.NONE);
    return Optional.of(next.hash());
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
   * the committee of the height's epoch; on another shard, whose heights the beacon cannot map to
   * epochs until crosslinks land, the shard's committee in the current or the previous epoch's
   * shard state (older evidence is refused as stale).
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
            ? List.of(e.height() / params.epochBlocks())
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
