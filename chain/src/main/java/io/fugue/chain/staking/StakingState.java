package io.fugue.chain.staking;

import io.fugue.chain.codec.CodecLimits;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.module.ModuleId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The staking records in the authenticated state (module id {@code "staking"}) and their readers
 * and writers. Record keys (docs/staking.md, "State records"), each a one-byte tag then fields:
 *
 * <ul>
 *   <li>{@code 0x01 ‖ operator(20)}: {@link Validator#encode()}
 *   <li>{@code 0x02}: RLP list of every validator's operator address, ascending
 *   <li>{@code 0x03 ‖ key(48)}: the operator owning a BLS key (20 bytes)
 *   <li>{@code 0x04 ‖ delegator(20) ‖ validator(20)}: delegated amount (RLP integer)
 *   <li>{@code 0x05 ‖ delegator(20)}: RLP list of the validators it delegates to, ascending
 *   <li>{@code 0x06 ‖ validator(20)}: RLP list of its delegators, ascending
 *   <li>{@code 0x07 ‖ epoch(8, BE)}: RLP list of [delegator, validator, amount] released at the end
 *       of that epoch
 *   <li>{@code 0x08 ‖ account(20)}: uncollected reward balance (RLP integer)
 *   <li>{@code 0x09 ‖ epoch(8, BE)}: {@link ShardState#encode()} of that epoch
 *   <li>{@code 0x0a ‖ validator(20)}: delegation snapshot for reward splitting, RLP list of
 *       [delegator, amount]
 *   <li>{@code 0x0b ‖ evidenceHash(32)}: 0x01 once the evidence slashed
 *   <li>{@code 0x0c ‖ epoch(8, BE)}: the beacon committee's signing counts of that epoch, RLP list
 *       of [signed, expected] per slot in slot order (deleted at the epoch's end)
 * </ul>
 *
 * <p>A staking beacon chain pays block rewards and fees to {@link #REWARD_POOL}, an account no key
 * controls, from which the staking module moves them to reward balances at each block.
 */
public final class StakingState {
  public static final ModuleId MODULE = ModuleId.of("staking");

  /**
   * Where a staking beacon chain's block rewards and fees wait for distribution: the last 20 bytes
   * of keccak256("fugue.staking.reward-pool"), an address no one holds a key for.
   */
  public static final Address REWARD_POOL =
      Address.of(
          Hashing.keccak256(
                  Bytes.of("fugue.staking.reward-pool".getBytes(StandardCharsets.US_ASCII)))
              .toBytes()
              .slice(12, 20));

  private static final Bytes ID = MODULE.bytes();
  private static final CodecLimits LIMITS = CodecLimits.defaults();

  private StakingState() {}

  static Bytes key(int tag, Bytes... parts) {
    Bytes[] all = new Bytes[parts.length + 1];
    all[0] = Bytes.of((byte) tag);
    System.arraycopy(parts, 0, all, 1, parts.length);
    return Bytes.concat(all);
  }

  static Bytes epochBytes(long epoch) {
    return Bytes.of(ByteBuffer.allocate(8).putLong(epoch).array());
  }

  public static Bytes validatorKey(Address a) {
    return key(0x01, a.toBytes());
  }

  public static Bytes delegationKey(Address delegator, Address validator) {
    return key(0x04, delegator.toBytes(), validator.toBytes());
  }

  public static Bytes rewardKey(Address a) {
    return key(0x08, a.toBytes());
  }

  public static Bytes shardStateKey(long epoch) {
    return key(0x09, epochBytes(epoch));
  }

  // ---- readers

  public static Optional<ShardState> shardState(StateView s, long epoch) {
    return s.moduleValue(ID, shardStateKey(epoch)).map(ShardState::decode);
  }

  public static Optional<Validator> validator(StateView s, Address a) {
    return s.moduleValue(ID, validatorKey(a)).map(Validator::decode);
  }

  /** Every validator record, ascending by operator address. */
  public static List<Validator> validators(StateView s) {
    List<Validator> out = new ArrayList<>();
    for (Address a : addresses(s, key(0x02))) {
      validator(s, a).ifPresent(out::add);
    }
    return out;
  }

  public static Optional<Address> keyOwner(StateView s, ValidatorKey k) {
    return s.moduleValue(ID, key(0x03, k.bytes())).map(Address::of);
  }

  public static Uint256 delegation(StateView s, Address delegator, Address validator) {
    return uint(s, delegationKey(delegator, validator));
  }

  /** The delegations of {@code delegator}, ascending by validator. */
  public static List<Delegation> delegations(StateView s, Address delegator) {
    List<Delegation> out = new ArrayList<>();
    for (Address v : addresses(s, key(0x05, delegator.toBytes()))) {
      out.add(new Delegation(delegator, v, delegation(s, delegator, v)));
    }
    return out;
  }

  /** The delegations to {@code validator} (its self-stake included), ascending by delegator. */
  public static List<Delegation> delegationsTo(StateView s, Address validator) {
    List<Delegation> out = new ArrayList<>();
    for (Address d : addresses(s, key(0x06, validator.toBytes()))) {
      out.add(new Delegation(d, validator, delegation(s, d, validator)));
    }
    return out;
  }

  /** Undelegations released at the end of {@code epoch}. */
  public static List<Undelegation> undelegations(StateView s, long epoch) {
    List<Undelegation> out = new ArrayList<>();
    Optional<Bytes> raw = s.moduleValue(ID, key(0x07, epochBytes(epoch)));
    if (raw.isPresent()) {
      RlpList l = Rlp.decodeList(raw.get(), LIMITS);
      for (int i = 0; i < l.size(); i++) {
        RlpList u = l.list(i).expectSize(3, "undelegation");
        out.add(
            new Undelegation(
                u.string(0).asAddress(), u.string(1).asAddress(), u.string(2).asUint256(), epoch));
      }
    }
    return out;
  }

  public static Uint256 rewards(StateView s, Address a) {
    return uint(s, rewardKey(a));
  }

  /** The delegation snapshot taken at the last epoch end, ascending by delegator. */
  public static List<Delegation> snapshot(StateView s, Address validator) {
    List<Delegation> out = new ArrayList<>();
    Optional<Bytes> raw = s.moduleValue(ID, key(0x0a, validator.toBytes()));
    if (raw.isPresent()) {
      RlpList l = Rlp.decodeList(raw.get(), LIMITS);
      for (int i = 0; i < l.size(); i++) {
        RlpList d = l.list(i).expectSize(2, "snapshot entry");
        out.add(new Delegation(d.string(0).asAddress(), validator, d.string(1).asUint256()));
      }
    }
    return out;
  }

  /**
   * The beacon committee's signing counts of {@code epoch}: per slot of the committee that voted in
   * that epoch, in slot order, {@code [signed, expected]}; empty before the first count.
   */
  public static List<long[]> signingCounts(StateView s, long epoch) {
    List<long[]> out = new ArrayList<>();
    Optional<Bytes> raw = s.moduleValue(ID, key(0x0c, epochBytes(epoch)));
    if (raw.isPresent()) {
      RlpList l = Rlp.decodeList(raw.get(), LIMITS);
      for (int i = 0; i < l.size(); i++) {
        RlpList c = l.list(i).expectSize(2, "signing count");
        out.add(new long[] {c.string(0).asUint64(), c.string(1).asUint64()});
      }
    }
    return out;
  }

  public static boolean evidenceUsed(StateView s, Hash32 evidence) {
    return s.moduleValue(ID, key(0x0b, evidence.toBytes())).isPresent();
  }

  // ---- writers

  public static void putShardState(StateWriter w, ShardState st) {
    w.putModuleValue(ID, shardStateKey(st.epoch()), st.encode());
  }

  /** Writes a validator record, adding it to the index and registering its keys' owner. */
  public static void putValidator(StateWriter w, Validator v) {
    Optional<Validator> old = validator(w, v.operator());
    w.putModuleValue(ID, validatorKey(v.operator()), v.encode());
    if (old.isEmpty()) {
      // The index of every operator only grows by new validators: not rewritten on each update.
      addAddress(w, key(0x02), v.operator());
    }
    if (old.isPresent()) {
      for (ValidatorKey k : old.get().keys()) {
        if (!v.keys().contains(k)) {
          w.deleteModuleValue(ID, key(0x03, k.bytes()));
        }
      }
    }
    for (ValidatorKey k : v.keys()) {
      w.putModuleValue(ID, key(0x03, k.bytes()), v.operator().toBytes());
    }
  }

  /** Sets a delegation amount; zero removes it from both indexes. */
  public static void putDelegation(StateWriter w, Address delegator, Address validator, Uint256 a) {
    if (a.isZero()) {
      w.deleteModuleValue(ID, delegationKey(delegator, validator));
      removeAddress(w, key(0x05, delegator.toBytes()), validator);
      removeAddress(w, key(0x06, validator.toBytes()), delegator);
    } else {
      w.putModuleValue(ID, delegationKey(delegator, validator), Rlp.encode(RlpString.ofUint256(a)));
      addAddress(w, key(0x05, delegator.toBytes()), validator);
      addAddress(w, key(0x06, validator.toBytes()), delegator);
    }
  }

  public static void addUndelegation(StateWriter w, Undelegation u) {
    List<Undelegation> all = new ArrayList<>(undelegations(w, u.releaseEpoch()));
    all.add(u);
    putUndelegations(w, u.releaseEpoch(), all);
  }

  static void putUndelegations(StateWriter w, long epoch, List<Undelegation> all) {
    Bytes k = key(0x07, epochBytes(epoch));
    if (all.isEmpty()) {
      w.deleteModuleValue(ID, k);
      return;
    }
    List<RlpItem> items = new ArrayList<>();
    for (Undelegation u : all) {
      items.add(
          RlpList.of(
              RlpString.of(u.delegator()),
              RlpString.of(u.validator()),
              RlpString.ofUint256(u.amount())));
    }
    w.putModuleValue(ID, k, Rlp.encode(new RlpList(items)));
  }

  public static void putRewards(StateWriter w, Address a, Uint256 amount) {
    if (amount.isZero()) {
      w.deleteModuleValue(ID, rewardKey(a));
    } else {
      w.putModuleValue(ID, rewardKey(a), Rlp.encode(RlpString.ofUint256(amount)));
    }
  }

  static void putSnapshot(StateWriter w, Address validator, List<Delegation> ds) {
    List<RlpItem> items = new ArrayList<>();
    for (Delegation d : ds) {
      items.add(RlpList.of(RlpString.of(d.delegator()), RlpString.ofUint256(d.amount())));
    }
    w.putModuleValue(ID, key(0x0a, validator.toBytes()), Rlp.encode(new RlpList(items)));
  }

  /** Stores {@link #signingCounts}; an empty list deletes the record. */
  public static void putSigningCounts(StateWriter w, long epoch, List<long[]> counts) {
    Bytes k = key(0x0c, epochBytes(epoch));
    if (counts.isEmpty()) {
      w.deleteModuleValue(ID, k);
      return;
    }
    List<RlpItem> items = new ArrayList<>(counts.size());
    for (long[] c : counts) {
      items.add(RlpList.of(RlpString.ofUint(c[0]), RlpString.ofUint(c[1])));
    }
    w.putModuleValue(ID, k, Rlp.encode(new RlpList(items)));
  }

  public static void markEvidenceUsed(StateWriter w, Hash32 evidence) {
    w.putModuleValue(ID, key(0x0b, evidence.toBytes()), Bytes.of((byte) 1));
  }

  // ---- helpers

  private static Uint256 uint(StateView s, Bytes k) {
    return s.moduleValue(ID, k)
        .map(b -> Rlp.decode(b, LIMITS))
        .map(i -> ((RlpString) i).asUint256())
        .orElse(Uint256.ZERO);
  }

  private static TreeSet<Address> addresses(StateView s, Bytes k) {
    TreeSet<Address> out = new TreeSet<>();
    Optional<Bytes> raw = s.moduleValue(ID, k);
    if (raw.isPresent()) {
      RlpList l = Rlp.decodeList(raw.get(), LIMITS);
      for (int i = 0; i < l.size(); i++) {
        out.add(l.string(i).asAddress());
      }
    }
    return out;
  }

  private static void putAddresses(StateWriter w, Bytes k, TreeSet<Address> set) {
    if (set.isEmpty()) {
      w.deleteModuleValue(ID, k);
      return;
    }
    List<RlpItem> items = new ArrayList<>();
    for (Address a : set) {
      items.add(RlpString.of(a));
    }
    w.putModuleValue(ID, k, Rlp.encode(new RlpList(items)));
  }

  private static void addAddress(StateWriter w, Bytes k, Address a) {
    TreeSet<Address> set = addresses(w, k);
    if (set.add(a)) {
      putAddresses(w, k, set);
    }
  }

  private static void removeAddress(StateWriter w, Bytes k, Address a) {
    TreeSet<Address> set = addresses(w, k);
    if (set.remove(a)) {
      putAddresses(w, k, set);
    }
  }
}
