package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import java.util.List;

/**
 * The multi-signature scheme consensus verifies with (a port: the crypto module supplies the
 * BLS12-381 adapter, tests may supply a cheaper scheme that is just as strict). Implementations
 * never throw on bad input: a key or signature that does not decode simply fails verification.
 */
public interface SignatureScheme {

  /** An aggregate public key, opaque to consensus; cached per committee and signer set. */
  interface AggregateKey {}

  boolean verify(ValidatorKey key, Bytes message, ValidatorSignature signature);

  /** Aggregates signatures of different keys over one message. Inputs were verified before. */
  ValidatorSignature aggregate(List<ValidatorSignature> signatures);

  /** Aggregates committee keys; {@code keys} is non-empty. */
  AggregateKey aggregateKeys(List<ValidatorKey> keys);

  /** Fast-aggregate-verify: every key behind {@code key} signed {@code message}. */
  boolean verifyAggregate(AggregateKey key, Bytes message, ValidatorSignature aggregate);
}
