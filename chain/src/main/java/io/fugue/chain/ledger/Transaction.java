package io.fugue.chain.ledger;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.Secp256k1;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.Objects;
import java.util.Optional;

/**
 * A signed transaction: {@code type ‖ rlp([chainId, nonce, shardId, fee, body, signature])} with a
 * 65-byte recoverable secp256k1 signature over the keccak of the unsigned payload. Its hash is
 * keccak-256 of the whole encoding; its sender is recovered from the signature.
 *
 * <p>A class rather than a record so that the encoding, hash and recovered sender, which the pool
 * and the block validator ask for repeatedly, are computed once. Immutable and thread-safe.
 */
public final class Transaction {
  private final UnsignedTransaction unsigned;
  private final Secp256k1Signature signature;
  private final Bytes encoded;
  private final Hash32 hash;
  private final Optional<EthereumTransaction> ethereum;
  private volatile Optional<Address> sender;

  public Transaction(UnsignedTransaction unsigned, Secp256k1Signature signature) {
    this.unsigned = Objects.requireNonNull(unsigned, "unsigned");
    this.signature = Objects.requireNonNull(signature, "signature");
    this.ethereum = Optional.empty();
    this.encoded =
        Rlp.encodeTyped(
            unsigned.type(),
            RlpList.of(
                RlpString.ofUint(unsigned.chainId()),
                RlpString.ofUint(unsigned.nonce()),
                RlpString.of(unsigned.shardId()),
                RlpString.ofUint256(unsigned.fee()),
                unsigned.body(),
                RlpString.of(signature.toBytes())));
    this.hash = Hashing.keccak256(encoded);
  }

  /**
   * An Ethereum-signed transfer: its own bytes and Ethereum hash, executed as the equivalent Fugue
   * transfer ({@link EthereumTransaction#asFugue()}).
   */
  Transaction(EthereumTransaction eth) {
    this.unsigned = eth.asFugue();
    this.signature = eth.signature();
    this.ethereum = Optional.of(eth);
    this.encoded = eth.encode();
    this.hash = Hashing.keccak256(encoded);
  }

  /**
   * Decodes and checks the envelope strictly: size limit, field count and canonical forms, a
   * well-formed low-s signature, and for known types a well-formed body. Does not check who signed;
   * see {@link #sender()}.
   */
  public static Transaction decode(Bytes encoded, LedgerLimits limits) {
    if (encoded.size() > limits.maxTransactionBytes()) {
      throw new CodecException(
          "transaction of "
              + encoded.size()
              + " bytes exceeds the limit of "
              + limits.maxTransactionBytes());
    }
    if (EthereumTransaction.isEthereum(encoded, limits)) {
      return EthereumTransaction.decode(encoded, limits).toTransaction();
    }
    return Decoding.decoding(
        "transaction",
        () -> {
          Rlp.Typed typed = Rlp.decodeTyped(encoded, limits.transactionCodec());
          RlpList f = typed.payload().asList().expectSize(6, "transaction");
          UnsignedTransaction u =
              new UnsignedTransaction(
                  typed.type(),
                  f.string(0).asUint64(),
                  f.string(1).asUint64(),
                  f.string(2).asShardId(),
                  f.string(3).asUint256(),
                  f.list(4));
          Secp256k1Signature sig = Secp256k1Signature.fromBytes(f.string(5).asBytes(65));
          Transaction tx = new Transaction(u, sig);
          if (tx.type() == TransactionTypes.TRANSFER) {
            Transfer.fromRlp(u.body(), limits);
          }
          return tx;
        });
  }

  public Bytes encode() {
    return encoded;
  }

  public int size() {
    return encoded.size();
  }

  /** keccak-256 of {@link #encode()}. */
  public Hash32 hash() {
    return hash;
  }

  /** The signer's address, or empty if the signature recovers no key. */
  public Optional<Address> sender() {
    Optional<Address> s = sender;
    if (s == null) {
      s =
          Secp256k1.recoverAddress(
              ethereum.map(EthereumTransaction::signingHash).orElseGet(unsigned::signingHash),
              signature);
      sender = s;
    }
    return s;
  }

  /** The Ethereum form when this transaction was signed by an Ethereum wallet. */
  public Optional<EthereumTransaction> ethereum() {
    return ethereum;
  }

  public UnsignedTransaction unsigned() {
    return unsigned;
  }

  public Secp256k1Signature signature() {
    return signature;
  }

  public int type() {
    return unsigned.type();
  }

  public long chainId() {
    return unsigned.chainId();
  }

  public long nonce() {
    return unsigned.nonce();
  }

  public ShardId shardId() {
    return unsigned.shardId();
  }

  public Uint256 fee() {
    return unsigned.fee();
  }

  public RlpList body() {
    return unsigned.body();
  }

  public boolean isTransfer() {
    return type() == TransactionTypes.TRANSFER;
  }

  /** The transfer body; throws {@link CodecException} if this is not a transfer. */
  public Transfer transfer() {
    if (!isTransfer()) {
      throw new CodecException("transaction type " + type() + " is not a transfer");
    }
    // Size limits were applied when this transaction was decoded.
    return Transfer.fromRlp(body(), Integer.MAX_VALUE);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction other && encoded.equals(other.encoded);
  }

  @Override
  public int hashCode() {
    return hash.hashCode();
  }

  @Override
  public String toString() {
    return "Transaction[type=" + type() + ", hash=" + hash + ", nonce=" + nonce() + "]";
  }
}
