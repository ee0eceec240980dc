package io.fugue.chain.staking;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.consensus.DoubleSignEvidence;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.BlsSignature;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bodies of the staking transactions (docs/staking.md, "Transactions"), each an RLP list in the
 * transaction's {@code body}. Decoding is strict: exact field counts, canonical integers, valid
 * UTF-8, BLS keys that decode to subgroup points; anything else is a {@link CodecException} naming
 * the field.
 */
public sealed interface StakingTx {
  /** Built-in transaction types of the staking module (the chain's range 0x00..0x0f). */
  int CREATE_VALIDATOR = 0x08;

  int EDIT_VALIDATOR = 0x09;
  int DELEGATE = 0x0a;
  int UNDELEGATE = 0x0b;
  int COLLECT_REWARDS = 0x0c;
  int REPORT_DOUBLE_SIGN = 0x0d;

  /** A BLS key with its proof of possession (a signature of the key's own encoding). */
  record KeyWithProof(ValidatorKey key, Bytes proof) {
    public KeyWithProof {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(proof, "proof");
      if (proof.size() != BlsSignature.SIZE) {
        throw new CodecException("a proof of possession is " + BlsSignature.SIZE + " bytes");
      }
    }

    /** Whether the proof verifies for the key (false for a key that is not a valid point). */
    public boolean possessionProven() {
      try {
        return BlsPublicKey.fromBytes(key.bytes())
            .verifyProofOfPossession(BlsSignature.fromBytes(proof));
      } catch (RuntimeException e) {
        return false;
      }
    }

    RlpList toRlp() {
      return RlpList.of(RlpString.of(key.bytes()), RlpString.of(proof));
    }
  }

  /**
   * {@code [name, website, details, securityContact, commissionBps, maxCommissionBps, maxChangeBps,
   * minSelfDelegation, maxTotalDelegation, [[key, pop], …], amount]}: the sender becomes the
   * operator and self-delegates {@code amount}.
   */
  record CreateValidator(
      Validator.Description description,
      int commissionBps,
      int maxCommissionBps,
      int maxChangeBps,
      Uint256 minSelfDelegation,
      Uint256 maxTotalDelegation,
      List<KeyWithProof> keys,
      Uint256 amount)
      implements StakingTx {
    public CreateValidator {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(minSelfDelegation, "minSelfDelegation");
      Objects.requireNonNull(maxTotalDelegation, "maxTotalDelegation");
      Objects.requireNonNull(amount, "amount");
      keys = List.copyOf(keys);
    }
  }

  /**
   * {@code [name, website, details, securityContact, commissionBps, [[key, pop], …] added, [key, …]
   * removed, reactivate]}.
   */
  record EditValidator(
      Validator.Description description,
      int commissionBps,
      List<KeyWithProof> addKeys,
      List<ValidatorKey> removeKeys,
      boolean reactivate)
      implements StakingTx {
    public EditValidator {
      Objects.requireNonNull(description, "description");
      addKeys = List.copyOf(addKeys);
      removeKeys = List.copyOf(removeKeys);
    }
  }

  /** {@code [validator, amount]}. */
  record Delegate(Address validator, Uint256 amount) implements StakingTx {}

  /** {@code [validator, amount]}: locked for {@code undelegationLockEpochs}, then returned. */
  record Undelegate(Address validator, Uint256 amount) implements StakingTx {}

  /** {@code []}: moves the sender's reward balance to its account. */
  record CollectRewards() implements StakingTx {}

  /**
   * {@code [evidence]}: the {@link DoubleSignEvidence#encode()} of two signatures of one key for
   * different blocks at one height and view; anyone may report it.
   */
  record ReportDoubleSign(DoubleSignEvidence evidence) implements StakingTx {
    public ReportDoubleSign {
      Objects.requireNonNull(evidence, "evidence");
    }
  }

  /** The transaction type of this body. */
  default int type() {
    if (this instanceof CreateValidator) {
      return CREATE_VALIDATOR;
    } else if (this instanceof EditValidator) {
      return EDIT_VALIDATOR;
    } else if (this instanceof Delegate) {
      return DELEGATE;
    } else if (this instanceof Undelegate) {
      return UNDELEGATE;
    } else if (this instanceof ReportDoubleSign) {
      return REPORT_DOUBLE_SIGN;
    }
    return COLLECT_REWARDS;
  }

  /** Every staking transaction type. */
  static List<Integer> types() {
    return List.of(
        CREATE_VALIDATOR,
        EDIT_VALIDATOR,
        DELEGATE,
        UNDELEGATE,
        COLLECT_REWARDS,
        REPORT_DOUBLE_SIGN);
  }

  /** The body as the transaction carries it. */
  default RlpList toRlp() {
    if (this instanceof CreateValidator c) {
      List<RlpItem> keys = new ArrayList<>();
      c.keys().forEach(k -> keys.add(k.toRlp()));
      List<RlpItem> f = new ArrayList<>(description(c.description()));
      f.add(RlpString.ofUint(c.commissionBps()));
      f.add(RlpString.ofUint(c.maxCommissionBps()));
      f.add(RlpString.ofUint(c.maxChangeBps()));
      f.add(RlpString.ofUint256(c.minSelfDelegation()));
      f.add(RlpString.ofUint256(c.maxTotalDelegation()));
      f.add(new RlpList(keys));
      f.add(RlpString.ofUint256(c.amount()));
      return new RlpList(f);
    } else if (this instanceof EditValidator e) {
      List<RlpItem> add = new ArrayList<>();
      e.addKeys().forEach(k -> add.add(k.toRlp()));
      List<RlpItem> remove = new ArrayList<>();
      e.removeKeys().forEach(k -> remove.add(RlpString.of(k.bytes())));
      List<RlpItem> f = new ArrayList<>(description(e.description()));
      f.add(RlpString.ofUint(e.commissionBps()));
      f.add(new RlpList(add));
      f.add(new RlpList(remove));
      f.add(RlpString.of(e.reactivate()));
      return new RlpList(f);
    } else if (this instanceof Delegate d) {
      return RlpList.of(RlpString.of(d.validator()), RlpString.ofUint256(d.amount()));
    } else if (this instanceof Undelegate u) {
      return RlpList.of(RlpString.of(u.validator()), RlpString.ofUint256(u.amount()));
    } else if (this instanceof ReportDoubleSign r) {
      return RlpList.of(RlpString.of(r.evidence().encode()));
    }
    return RlpList.of();
  }

  /**
   * Decodes the body of a transaction of {@code type}.
   *
   * @throws CodecException naming what is wrong
   */
  static StakingTx decode(int type, RlpList b, int maxKeys) {
    try {
      return switch (type) {
        case CREATE_VALIDATOR -> {
          b.expectSize(11, "CreateValidator body");
          yield new CreateValidator(
              description(b, 0),
              bps(b.string(4), "commission rate"),
              bps(b.string(5), "max commission rate"),
              bps(b.string(6), "max commission change"),
              b.string(7).asUint256(),
              b.string(8).asUint256(),
              keysWithProofs(b.list(9), maxKeys),
              b.string(10).asUint256());
        }
        case EDIT_VALIDATOR -> {
          b.expectSize(8, "EditValidator body");
          RlpList removed = b.list(6);
          if (removed.size() > maxKeys) {
            throw new CodecException("more than " + maxKeys + " keys to remove");
          }
          List<ValidatorKey> remove = new ArrayList<>();
          for (int i = 0; i < removed.size(); i++) {
            remove.add(key(removed.string(i)));
          }
          yield new EditValidator(
              description(b, 0),
              bps(b.string(4), "commission rate"),
              keysWithProofs(b.list(5), maxKeys),
              remove,
              b.string(7).asBoolean());
        }
        case DELEGATE -> {
          b.expectSize(2, "Delegate body");
          yield new Delegate(b.string(0).asAddress(), b.string(1).asUint256());
        }
        case UNDELEGATE -> {
          b.expectSize(2, "Undelegate body");
          yield new Undelegate(b.string(0).asAddress(), b.string(1).asUint256());
        }
        case COLLECT_REWARDS -> {
          b.expectSize(0, "CollectRewards body");
          yield new CollectRewards();
        }
        case REPORT_DOUBLE_SIGN -> {
          b.expectSize(1, "ReportDoubleSign body");
          yield new ReportDoubleSign(
              DoubleSignEvidence.decode(b.string(0).asBytes(DoubleSignEvidence.ENCODED_SIZE)));
        }
        default -> throw new CodecException(String.format("not a staking type: 0x%02x", type));
      };
    } catch (IllegalArgumentException | ClassCastException | IndexOutOfBoundsException e) {
      throw new CodecException("malformed staking body: " + e.getMessage(), e);
    }
  }

  private static List<RlpItem> description(Validator.Description d) {
    return List.of(text(d.name()), text(d.website()), text(d.details()), text(d.securityContact()));
  }

  private static RlpString text(String s) {
    return RlpString.of(Bytes.of(s.getBytes(StandardCharsets.UTF_8)));
  }

  private static Validator.Description description(RlpList b, int from) {
    return new Validator.Description(
        utf8(b.string(from), "name", Validator.Description.MAX_NAME),
        utf8(b.string(from + 1), "website", Validator.Description.MAX_WEBSITE),
        utf8(b.string(from + 2), "details", Validator.Description.MAX_DETAILS),
        utf8(b.string(from + 3), "security contact", Validator.Description.MAX_CONTACT));
  }

  private static String utf8(RlpString s, String what, int max) {
    Bytes raw = s.asBytesAtMost(max, what);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(raw.toArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CodecException(what + " is not valid UTF-8", e);
    }
  }

  private static int bps(RlpString s, String what) {
    long v = s.asUint64();
    if (v > StakingParams.BPS) {
      throw new CodecException(what + " " + v + " exceeds " + StakingParams.BPS + " bps");
    }
    return (int) v;
  }

  private static ValidatorKey key(RlpString s) {
    return new ValidatorKey(s.asBytes(BlsPublicKey.SIZE));
  }

  private static List<KeyWithProof> keysWithProofs(RlpList l, int maxKeys) {
    if (l.size() > maxKeys) {
      throw new CodecException("more than " + maxKeys + " keys");
    }
    List<KeyWithProof> out = new ArrayList<>();
    for (int i = 0; i < l.size(); i++) {
      RlpList pair = l.list(i).expectSize(2, "key with proof");
      out.add(new KeyWithProof(key(pair.string(0)), pair.string(1).asBytes(BlsSignature.SIZE)));
    }
    return out;
  }
}
