package io.fugue.chain.staking;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.CodecLimits;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validator record of the staking state.
 *
 * @param operator the operator account (the validator's address)
 * @param description name, website, details, security contact (bounded)
 * @param commissionBps the current commission rate
 * @param maxCommissionBps the highest commission rate the validator may ever set
 * @param maxChangeBps the most the commission may change in one epoch
 * @param lastCommissionEpoch the epoch the commission last changed in
 * @param minSelfDelegation the validator's own minimum self-delegation
 * @param maxTotalDelegation the most stake (self + delegated) the validator accepts
 * @param keys the registered BLS keys, ascending
 * @param inactiveKeys the keys made inactive by availability (a subset of {@code keys})
 * @param status active, inactive (by its operator or with no active key) or banned
 * @param selfStake the operator's own delegation
 * @param totalStake self-stake plus every delegation
 */
public record Validator(
    Address operator,
    Description description,
    int commissionBps,
    int maxCommissionBps,
    int maxChangeBps,
    long lastCommissionEpoch,
    Uint256 minSelfDelegation,
    Uint256 maxTotalDelegation,
    List<ValidatorKey> keys,
    Set<ValidatorKey> inactiveKeys,
    Status status,
    Uint256 selfStake,
    Uint256 totalStake) {

  /** Lifecycle of a validator. Banned is final. */
  public enum Status {
    ACTIVE(0),
    INACTIVE(1),
    BANNED(2);

    private final int code;

    Status(int code) {
      this.code = code;
    }

    /** The status byte of the encoding. */
    public int code() {
      return code;
    }

    public static Status ofCode(int code) {
      for (Status s : values()) {
        if (s.code == code) {
          return s;
        }
      }
      throw new CodecException("unknown validator status " + code);
    }
  }

  /** Bounded free-text fields, UTF-8. */
  public record Description(String name, String website, String details, String securityContact) {
    public static final int MAX_NAME = 140;
    public static final int MAX_WEBSITE = 140;
    public static final int MAX_DETAILS = 280;
    public static final int MAX_CONTACT = 140;

    public Description {
      check("name", name, MAX_NAME);
      check("website", website, MAX_WEBSITE);
      check("details", details, MAX_DETAILS);
      check("security contact", securityContact, MAX_CONTACT);
    }

    private static void check(String what, String value, int max) {
      Objects.requireNonNull(value, what);
      int n = value.getBytes(StandardCharsets.UTF_8).length;
      if (n > max) {
        throw new IllegalArgumentException(what + " is " + n + " bytes, limit " + max);
      }
    }
  }

  public Validator {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(minSelfDelegation, "minSelfDelegation");
    Objects.requireNonNull(maxTotalDelegation, "maxTotalDelegation");
    Objects.requireNonNull(selfStake, "selfStake");
    Objects.requireNonNull(totalStake, "totalStake");
    keys = List.copyOf(new TreeSet<>(keys));
    inactiveKeys = Set.copyOf(new TreeSet<>(inactiveKeys));
    if (keys.isEmpty() || keys.size() > StakingParams.MAX_KEYS_PER_VALIDATOR) {
      throw new IllegalArgumentException(
          "a validator has 1.." + StakingParams.MAX_KEYS_PER_VALIDATOR + " keys");
    }
    if (!keys.containsAll(inactiveKeys)) {
      throw new IllegalArgumentException("inactive keys must be registered keys");
    }
    if (commissionBps < 0
        || maxCommissionBps > StakingParams.BPS
        || commissionBps > maxCommissionBps
        || maxChangeBps < 0
        || maxChangeBps > maxCommissionBps) {
      throw new IllegalArgumentException(
          "commission rates out of bounds: rate "
              + commissionBps
              + ", max "
              + maxCommissionBps
              + ", max change "
              + maxChangeBps);
    }
    if (lastCommissionEpoch < 0) {
      throw new IllegalArgumentException("lastCommissionEpoch must not be negative");
    }
    if (selfStake.compareTo(totalStake) > 0) {
      throw new IllegalArgumentException("self stake above total stake");
    }
  }

  /** Registered keys not made inactive by availability, ascending. */
  public List<ValidatorKey> activeKeys() {
    List<ValidatorKey> out = new ArrayList<>();
    for (ValidatorKey k : keys) {
      if (!inactiveKeys.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  /** Active, not banned, with at least one active key and enough self-stake for {@code p}. */
  public boolean eligible(StakingParams p) {
    return status == Status.ACTIVE
        && !activeKeys().isEmpty()
        && selfStake.compareTo(p.minSelfDelegation()) >= 0
        && selfStake.compareTo(minSelfDelegation) >= 0;
  }

  public Validator withStake(Uint256 self, Uint256 total) {
    return new Validator(
        operator,
        description,
        commissionBps,
        maxCommissionBps,
        maxChangeBps,
        lastCommissionEpoch,
        minSelfDelegation,
        maxTotalDelegation,
        keys,
        inactiveKeys,
        status,
        self,
        total);
  }

  public Validator withStatus(Status s) {
    return new Validator(
        operator,
        description,
        commissionBps,
        maxCommissionBps,
        maxChangeBps,
        lastCommissionEpoch,
        minSelfDelegation,
        maxTotalDelegation,
        keys,
        inactiveKeys,
        s,
        selfStake,
        totalStake);
  }

  public Validator withKeys(List<ValidatorKey> newKeys, Set<ValidatorKey> newInactive) {
    return new Validator(
        operator,
        description,
        commissionBps,
        maxCommissionBps,
        maxChangeBps,
        lastCommissionEpoch,
        minSelfDelegation,
        maxTotalDelegation,
        newKeys,
        newInactive,
        status,
        selfStake,
        totalStake);
  }

  public Validator withCommission(Description d, int rate, long epoch) {
    return new Validator(
        operator,
        d,
        rate,
        maxCommissionBps,
        maxChangeBps,
        epoch,
        minSelfDelegation,
        maxTotalDelegation,
        keys,
        inactiveKeys,
        status,
        selfStake,
        totalStake);
  }

  /** Canonical RLP encoding (docs/staking.md, "State records"). */
  public Bytes encode() {
    List<RlpItem> k = new ArrayList<>();
    for (ValidatorKey key : keys) {
      k.add(RlpString.of(key.bytes()));
    }
    List<RlpItem> ik = new ArrayList<>();
    for (ValidatorKey key : new TreeSet<>(inactiveKeys)) {
      ik.add(RlpString.of(key.bytes()));
    }
    return Rlp.encode(
        RlpList.of(
            RlpString.of(operator),
            RlpList.of(
                utf8(description.name()),
                utf8(description.website()),
                utf8(description.details()),
                utf8(description.securityContact())),
            RlpString.ofUint(commissionBps),
            RlpString.ofUint(maxCommissionBps),
            RlpString.ofUint(maxChangeBps),
            RlpString.ofUint(lastCommissionEpoch),
            RlpString.ofUint256(minSelfDelegation),
            RlpString.ofUint256(maxTotalDelegation),
            new RlpList(k),
            new RlpList(ik),
            RlpString.ofUint(status.code()),
            RlpString.ofUint256(selfStake),
            RlpString.ofUint256(totalStake)));
  }

  public static Validator decode(Bytes encoded) {
    RlpList l = Rlp.decodeList(encoded, CodecLimits.defaults()).expectSize(13, "validator");
    try {
      RlpList d = l.list(1).expectSize(4, "description");
      return new Validator(
          l.string(0).asAddress(),
          new Description(text(d, 0), text(d, 1), text(d, 2), text(d, 3)),
          l.string(2).asInt(),
          l.string(3).asInt(),
          l.string(4).asInt(),
          l.string(5).asUint64(),
          l.string(6).asUint256(),
          l.string(7).asUint256(),
          keys(l.list(8)),
          new TreeSet<>(keys(l.list(9))),
          Status.ofCode(l.string(10).asInt()),
          l.string(11).asUint256(),
          l.string(12).asUint256());
    } catch (IllegalArgumentException e) {
      throw new CodecException("invalid validator record: " + e.getMessage());
    }
  }

  static RlpString utf8(String s) {
    return RlpString.of(Bytes.of(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(RlpList l, int i) {
    return new String(l.string(i).asBytesAtMost(1024, "text").toArray(), StandardCharsets.UTF_8);
  }

  static List<ValidatorKey> keys(RlpList l) {
    List<ValidatorKey> out = new ArrayList<>(l.size());
    for (int i = 0; i < l.size(); i++) {
      out.add(new ValidatorKey(l.string(i).asBytes(ValidatorKey.SIZE)));
    }
    return out;
  }
}
