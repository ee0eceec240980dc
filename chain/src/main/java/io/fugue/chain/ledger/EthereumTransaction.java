package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.Secp256k1;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An Ethereum-signed value transfer, executed as a Fugue {@link Transfer} on one shard: legacy with
 * EIP-155 replay protection, EIP-2930 (type 1, empty access list only) or EIP-1559 (type 2). Its
 * bytes are kept as signed, so its hash is Ethereum's: keccak-256 of the (typed) envelope.
 *
 * <p>Each shard is its own Ethereum chain: {@code ethChainId = chainId × 65536 + shard}, where
 * {@code chainId} is the genesis chain id; 16 bits suffice as shard ids are at most {@link
 * ShardId#MAX}. A transaction therefore names its shard, and one signed for another shard or
 * network is refused there.
 *
 * <p>Fees: a transfer always uses {@link #TRANSFER_GAS} gas, there is no base fee, and the Fugue
 * fee is {@code 21000 × effectiveGasPrice} with {@code effectiveGasPrice = gasPrice} (types 0, 1)
 * or {@code min(maxFeePerGas, maxPriorityFeePerGas)} (type 2: Ethereum's rule with a base fee of
 * 0). Contract creation and calls (non-empty data) are refused until contracts exist.
 *
 * @param kind the envelope
 * @param ethChainId the EIP-155 chain id signed over
 * @param nonce the sender's nonce on the shard
 * @param maxPriorityFeePerGas type 2's tip cap; the gas price for types 0 and 1
 * @param maxFeePerGas type 2's fee cap; the gas price for types 0 and 1
 * @param gasLimit at least {@link #TRANSFER_GAS}
 * @param to the recipient, on the same shard
 * @param value the amount in the smallest unit
 * @param signature r, s (low s) and the y parity
 */
public record EthereumTransaction(
    Kind kind,
    long ethChainId,
    long nonce,
    Uint256 maxPriorityFeePerGas,
    Uint256 maxFeePerGas,
    long gasLimit,
    Address to,
    Uint256 value,
    Secp256k1Signature signature) {

  /** Gas used by every transfer, as on Ethereum. */
  public static final long TRANSFER_GAS = 21_000;

  /** Multiplier of the genesis chain id in the per-shard chain id. */
  public static final long SHARD_SPAN = ShardId.MAX + 1L;

  /** Largest chain id wallets handle exactly (JavaScript's safe integers). */
  public static final long MAX_ETH_CHAIN_ID = (1L << 53) - 1;

  private static final int LEGACY_FIELDS = 9;
  private static final int ACCESS_LIST_FIELDS = 11;
  private static final int DYNAMIC_FEE_FIELDS = 12;

  /** The three Ethereum envelopes Fugue accepts. */
  public enum Kind {
    LEGACY(0),
    ACCESS_LIST(TransactionTypes.ETHEREUM_ACCESS_LIST),
    DYNAMIC_FEE(TransactionTypes.ETHEREUM_DYNAMIC_FEE);

    private final int type;

    Kind(int type) {
      this.type = type;
    }

    /** The Ethereum type number (0 for legacy), as reported by eth_ RPC. */
    public int type() {
      return type;
    }
  }

  public EthereumTransaction {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(signature, "signature");
    if (ethChainId <= 0 || ethChainId > MAX_ETH_CHAIN_ID) {
      throw new IllegalArgumentException("chain id must be in [1, 2^53 - 1], got " + ethChainId);
    }
    if (nonce < 0) {
      throw new IllegalArgumentException("nonce must not be negative");
    }
    if (gasLimit < TRANSFER_GAS) {
      throw new IllegalArgumentException(
          "intrinsic gas too low: gas limit " + gasLimit + " < " + TRANSFER_GAS);
    }
    if (kind != Kind.DYNAMIC_FEE && !maxPriorityFeePerGas.equals(maxFeePerGas)) {
      throw new IllegalArgumentException("a legacy or type 1 transaction has one gas price");
    }
    if (maxPriorityFeePerGas.compareTo(maxFeePerGas) > 0) {
      throw new IllegalArgumentException(
          "max priority fee per gas higher than max fee per gas"); // geth's wording
    }
  }

  /** The per-shard chain id of {@code shard} on a network whose genesis chain id is given. */
  public static long chainIdOf(long genesisChainId, int shard) {
    new ShardId(shard);
    if (genesisChainId < 0 || genesisChainId > (MAX_ETH_CHAIN_ID - ShardId.MAX) / SHARD_SPAN) {
      throw new IllegalArgumentException(
          "genesis chain id " + genesisChainId + " leaves no room for Ethereum chain ids");
    }
    return genesisChainId * SHARD_SPAN + shard;
  }

  /** The shard this transaction is signed for. */
  public ShardId shard() {
    return new ShardId((int) (ethChainId % SHARD_SPAN));
  }

  /** The genesis chain id (network) this transaction is signed for. */
  public long genesisChainId() {
    return ethChainId / SHARD_SPAN;
  }

  /** Price per gas actually paid. */
  public Uint256 effectiveGasPrice() {
    return maxPriorityFeePerGas.compareTo(maxFeePerGas) <= 0 ? maxPriorityFeePerGas : maxFeePerGas;
  }

  /** The Fugue fee: {@code 21000 × effectiveGasPrice}. */
  public Uint256 fee() {
    return effectiveGasPrice().multiply(Uint256.of(TRANSFER_GAS));
  }

  /** The equivalent Fugue transfer, whose common fields the pool and executor check. */
  public UnsignedTransaction asFugue() {
    return Transfer.unsigned(
        genesisChainId(), nonce, shard(), fee(), new Transfer(shard(), to, value, Bytes.EMPTY));
  }

  /** The bytes whose keccak-256 the sender signs (EIP-155 / EIP-2930 / EIP-1559). */
  public Bytes signingPayload() {
    return switch (kind) {
      case LEGACY ->
          Rlp.encode(
              list(common(), RlpString.ofUint(ethChainId), RlpString.EMPTY, RlpString.EMPTY));
      case ACCESS_LIST, DYNAMIC_FEE -> Rlp.encodeTyped(kind.type(), list(typedFields()));
    };
  }

  public Hash32 signingHash() {
    return Hashing.keccak256(signingPayload());
  }

  /** The signed envelope, as sent to {@code eth_sendRawTransaction}. */
  public Bytes encode() {
    RlpItem r = RlpString.ofUint256(Uint256.of(signature.r()));
    RlpItem s = RlpString.ofUint256(Uint256.of(signature.s()));
    return switch (kind) {
      case LEGACY -> Rlp.encode(list(common(), RlpString.ofUint(legacyV()), r, s));
      case ACCESS_LIST, DYNAMIC_FEE ->
          Rlp.encodeTyped(
              kind.type(), list(typedFields(), RlpString.ofUint(signature.recoveryId()), r, s));
    };
  }

  /** EIP-155's {@code v = chainId × 2 + 35 + yParity}. */
  public long legacyV() {
    return ethChainId * 2 + 35 + signature.recoveryId();
  }

  /** This transfer as a ledger transaction (same bytes, same hash). */
  public Transaction toTransaction() {
    return new Transaction(this);
  }

  /** Signs a transfer; for tests and tools that hold a key. */
  public static EthereumTransaction sign(
      Kind kind,
      long ethChainId,
      long nonce,
      Uint256 maxPriorityFeePerGas,
      Uint256 maxFeePerGas,
      long gasLimit,
      Address to,
      Uint256 value,
      Secp256k1PrivateKey key) {
    Secp256k1Signature placeholder = new Secp256k1Signature(BigInteger.ONE, BigInteger.ONE, 0);
    EthereumTransaction unsigned =
        new EthereumTransaction(
            kind,
            ethChainId,
            nonce,
            maxPriorityFeePerGas,
            maxFeePerGas,
            gasLimit,
            to,
            value,
            placeholder);
    return new EthereumTransaction(
        kind,
        ethChainId,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        Secp256k1.sign(unsigned.signingHash(), key));
  }

  /** True when {@code encoded} is one of the Ethereum envelopes rather than a Fugue transaction. */
  static boolean isEthereum(Bytes encoded, LedgerLimits limits) {
    if (encoded.isEmpty()) {
      return false;
    }
    int first = encoded.get(0) & 0xff;
    if (first >= 0xc0 || first == TransactionTypes.ETHEREUM_DYNAMIC_FEE) {
      return true;
    }
    // Type 0x01 is both Fugue's transfer (6 fields) and EIP-2930 (11 fields).
    if (first == TransactionTypes.ETHEREUM_ACCESS_LIST) {
      RlpItem payload = Rlp.decodeTyped(encoded, limits.transactionCodec()).payload();
      return payload instanceof RlpList l && l.size() == ACCESS_LIST_FIELDS;
    }
    return false;
  }

  /**
   * Decodes one envelope strictly: canonical RLP, exact field counts, EIP-155 {@code v} (a
   * transaction without a chain id is refused), an empty access list, a recipient, empty data, and
   * a low-s signature. Who signed is recovered by {@link Transaction#sender()}.
   */
  public static EthereumTransaction decode(Bytes encoded, LedgerLimits limits) {
    return Decoding.decoding(
        "ethereum transaction",
        () -> {
          if (encoded.isEmpty()) {
            throw new CodecException("empty");
          }
          int first = encoded.get(0) & 0xff;
          if (first >= 0xc0) {
            return legacy(Rlp.decodeList(encoded, limits.transactionCodec()));
          }
          Rlp.Typed typed = Rlp.decodeTyped(encoded, limits.transactionCodec());
          RlpList f = typed.payload().asList();
          return switch (typed.type()) {
            case TransactionTypes.ETHEREUM_ACCESS_LIST -> typedTx(Kind.ACCESS_LIST, f);
            case TransactionTypes.ETHEREUM_DYNAMIC_FEE -> typedTx(Kind.DYNAMIC_FEE, f);
            default -> throw new CodecException("unsupported transaction type " + typed.type());
          };
        });
  }

  private static EthereumTransaction legacy(RlpList f) {
    f.expectSize(LEGACY_FIELDS, "legacy transaction");
    long v = f.string(6).asUint64();
    if (v == 27 || v == 28) {
      throw new CodecException(
          "pre-EIP-155 transaction (v = " + v + ") has no chain id; sign with a chain id");
    }
    if (v < 37) {
      throw new CodecException("legacy v " + v + " is not an EIP-155 value");
    }
    long chainId = (v - 35) / 2;
    int parity = (int) ((v - 35) % 2);
    Uint256 price = f.string(1).asUint256();
    checkData(f.string(5));
    return new EthereumTransaction(
        Kind.LEGACY,
        chainId,
        f.string(0).asUint64(),
        price,
        price,
        f.string(2).asUint64(),
        recipient(f.string(3)),
        f.string(4).asUint256(),
        signature(f.string(7), f.string(8), parity));
  }

  private static EthereumTransaction typedTx(Kind kind, RlpList f) {
    boolean dynamic = kind == Kind.DYNAMIC_FEE;
    int fields = dynamic ? DYNAMIC_FEE_FIELDS : ACCESS_LIST_FIELDS;
    f.expectSize(
        fields, kind == Kind.DYNAMIC_FEE ? "EIP-1559 transaction" : "EIP-2930 transaction");
    int i = 0;
    long chainId = f.string(i++).asUint64();
    long nonce = f.string(i++).asUint64();
    Uint256 tip = f.string(i++).asUint256();
    Uint256 cap = dynamic ? f.string(i++).asUint256() : tip;
    long gas = f.string(i++).asUint64();
    Address to = recipient(f.string(i++));
    Uint256 value = f.string(i++).asUint256();
    checkData(f.string(i++));
    if (f.list(i++).size() != 0) {
      throw new CodecException("access lists are not supported: send an empty access list");
    }
    long parity = f.string(i++).asUint64();
    if (parity > 1) {
      throw new CodecException("y parity must be 0 or 1, got " + parity);
    }
    Secp256k1Signature sig = signature(f.string(i), f.string(i + 1), (int) parity);
    return new EthereumTransaction(kind, chainId, nonce, tip, cap, gas, to, value, sig);
  }

  private static Address recipient(RlpString to) {
    if (to.value().isEmpty()) {
      throw new CodecException("contract creation is not supported: no contracts yet");
    }
    return to.asAddress();
  }

  private static void checkData(RlpString data) {
    if (!data.value().isEmpty()) {
      throw new CodecException(
          "data must be empty: contract calls are not supported (no contracts yet)");
    }
  }

  private static Secp256k1Signature signature(RlpString r, RlpString s, int parity) {
    return new Secp256k1Signature(
        r.asUint256().toBigInteger(), s.asUint256().toBigInteger(), parity);
  }

  /** nonce, gasPrice, gasLimit, to, value, data: the legacy fields before the signature. */
  private RlpItem[] common() {
    return new RlpItem[] {
      RlpString.ofUint(nonce),
      RlpString.ofUint256(maxFeePerGas),
      RlpString.ofUint(gasLimit),
      RlpString.of(to),
      RlpString.ofUint256(value),
      RlpString.EMPTY
    };
  }

  private RlpItem[] typedFields() {
    RlpItem[] head =
        kind == Kind.DYNAMIC_FEE
            ? new RlpItem[] {
              RlpString.ofUint(ethChainId),
              RlpString.ofUint(nonce),
              RlpString.ofUint256(maxPriorityFeePerGas),
              RlpString.ofUint256(maxFeePerGas)
            }
            : new RlpItem[] {
              RlpString.ofUint(ethChainId),
              RlpString.ofUint(nonce),
              RlpString.ofUint256(maxFeePerGas)
            };
    RlpItem[] tail = {
      RlpString.ofUint(gasLimit),
      RlpString.of(to),
      RlpString.ofUint256(value),
      RlpString.EMPTY,
      RlpList.of()
    };
    RlpItem[] out = new RlpItem[head.length + tail.length];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(tail, 0, out, head.length, tail.length);
    return out;
  }

  private static RlpList list(RlpItem[] first, RlpItem... more) {
    RlpItem[] all = new RlpItem[first.length + more.length];
    System.arraycopy(first, 0, all, 0, first.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return RlpList.of(all);
  }
}
