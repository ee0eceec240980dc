package io.fugue.chain.consensus;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.BlsSignature;
import io.fugue.chain.crypto.CryptoException;
import io.fugue.chain.primitives.Bytes;
import java.util.List;

/**
 * The BLS12-381 (min-pk, proof-of-possession ciphersuite) adapter of {@link SignatureScheme} over
 * {@code io.fugue.chain.crypto}. Committee keys must have passed proof of possession at
 * registration; bytes that do not decode fail verification instead of throwing.
 */
public final class BlsSignatureScheme implements SignatureScheme {
  private record Aggregated(BlsPublicKey key) implements AggregateKey {}

  private record Invalid() implements AggregateKey {}

  @Override
  public boolean verify(ValidatorKey key, Bytes message, ValidatorSignature signature) {
    try {
      return BlsSignature.fromBytes(signature.bytes())
          .verify(BlsPublicKey.fromBytes(key.bytes()), message);
    } catch (CryptoException e) {
      return false;
    }
  }

  @Override
  public ValidatorSignature aggregate(List<ValidatorSignature> signatures) {
    return new ValidatorSignature(
        BlsSignature.aggregate(
                signatures.stream().map(s -> BlsSignature.fromBytes(s.bytes())).toList())
            .toBytes());
  }

  @Override
  public AggregateKey aggregateKeys(List<ValidatorKey> keys) {
    try {
      return new Aggregated(
          BlsPublicKey.aggregate(
              keys.stream().map(k -> BlsPublicKey.fromBytes(k.bytes())).toList()));
    } catch (CryptoException e) {
      return new Invalid();
    }
  }

  @Override
  public boolean verifyAggregate(AggregateKey key, Bytes message, ValidatorSignature aggregate) {
    try {
      return key instanceof Aggregated a
          && BlsSignature.fromBytes(aggregate.bytes()).verify(a.key(), message);
    } catch (CryptoException e) {
      return false;
    }
  }

  /** The local signer over a BLS secret key. */
  public static ConsensusSigner signer(BlsSecretKey secret) {
    ValidatorKey key = new ValidatorKey(secret.publicKey().toBytes());
    return new ConsensusSigner() {
      @Override
      public ValidatorKey publicKey() {
        return key;
      }

      @Override
      public ValidatorSignature sign(Bytes message) {
        return new ValidatorSignature(secret.sign(message).toBytes());
      }
    };
  }
}
