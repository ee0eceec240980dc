package io.fugue.chain.ledger;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.Objects;

/**
 * The signed part of a transaction. Fields common to every type come first (the pool and the block
 * builder read them without knowing the type); {@code body} holds the type's own fields.
 *
 * @param type transaction type, 0x00..0x7f; see {@link TransactionTypes}
 * @param chainId the chain this transaction is valid on (replay protection across networks)
 * @param nonce the sender's sequence number, from 0
 * @param shardId the shard that executes it (the sender's shard)
 * @param fee the total fee the sender pays
 * @param body the type-specific fields, an RLP list
 */
public record UnsignedTransaction(
    int type, long chainId, long nonce, ShardId shardId, Uint256 fee, RlpList body) {

  public UnsignedTransaction {
    if (type < 0 || type > Rlp.MAX_TYPE) {
      throw new IllegalArgumentException("transaction type must be in [0, 0x7f], got " + type);
    }
    if (chainId < 0 || nonce < 0) {
      throw new IllegalArgumentException("chain id and nonce must not be negative");
    }
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(fee, "fee");
    Objects.requireNonNull(body, "body");
  }

  /** {@code type ‖ rlp([chainId, nonce, shardId, fee, body])}: the bytes whose hash is signed. */
  public Bytes signingPayload() {
    return Rlp.encodeTyped(
        type,
        RlpList.of(
            RlpString.ofUint(chainId),
            RlpString.ofUint(nonce),
            RlpString.of(shardId),
            RlpString.ofUint256(fee),
            body));
  }

  /** keccak-256 of {@link #signingPayload()}. */
  public Hash32 signingHash() {
    return Hashing.keccak256(signingPayload());
  }

  public Transaction sign(Secp256k1PrivateKey key) {
    return new Transaction(this, key.sign(signingHash()));
  }
}
