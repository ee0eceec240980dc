package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;

/** The local validator's key: the only place a secret is used. */
public interface ConsensusSigner {
  ValidatorKey publicKey();

  ValidatorSignature sign(Bytes message);
}
