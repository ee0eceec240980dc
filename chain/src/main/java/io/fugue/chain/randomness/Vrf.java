package io.fugue.chain.randomness;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.BlsSignature;
import io.fugue.chain.crypto.CryptoException;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The beacon proposer's BLS-VRF over its parent hash (docs/randomness.md, "VRF").
 *
 * <ul>
 *   <li>input α = Keccak-256("fugue.vrf.input.v1" ‖ parentHash(32));
 *   <li>proof π = BLS-sign(sk, α) under the ordinary signature ciphersuite {@code
 *       BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_POP_}, 96 bytes compressed G2;
 *   <li>output β = Keccak-256("fugue.vrf.output.v1" ‖ π(96)).
 * </ul>
 *
 * <p>BLS signatures are unique (one valid signature per key and message), so β is a function of the
 * key and the parent alone: the proposer cannot choose among several valid outputs. The tagged
 * input keeps a VRF proof from ever being a valid consensus signature (those sign RLP encodings,
 * never a bare 32-byte hash of this tag). The header's {@code vrf} field carries π only; β is
 * recomputed by every verifier.
 */
public final class Vrf {
  /** Bytes of the header's {@code vrf} field on beacon blocks. */
  public static final int PROOF_SIZE = BlsSignature.SIZE;

  private static final Bytes INPUT_TAG =
      Bytes.of("fugue.vrf.input.v1".getBytes(StandardCharsets.US_ASCII));
  private static final Bytes OUTPUT_TAG =
      Bytes.of("fugue.vrf.output.v1".getBytes(StandardCharsets.US_ASCII));

  private Vrf() {}

  /** A proof with its output. */
  public record Evaluation(BlsSignature proof, Hash32 output) {
    public Evaluation {
      Objects.requireNonNull(proof, "proof");
      Objects.requireNonNull(output, "output");
    }

    /** The header's {@code vrf} field: the 96-byte compressed proof. */
    public Bytes encoded() {
      return proof.toBytes();
    }
  }

  /** The signed message α for {@code parentHash}. */
  public static Hash32 input(Hash32 parentHash) {
    return Hashing.keccak256(INPUT_TAG, parentHash.toBytes());
  }

  /** β for a proof, without checking it. */
  public static Hash32 output(BlsSignature proof) {
    return Hashing.keccak256(OUTPUT_TAG, proof.toBytes());
  }

  public static Evaluation prove(BlsSecretKey key, Hash32 parentHash) {
    BlsSignature proof = key.sign(input(parentHash).toBytes());
    return new Evaluation(proof, output(proof));
  }

  /**
   * The output β if {@code encodedProof} is {@code key}'s valid VRF proof over {@code parentHash};
   * empty for a wrong length, an undecodable point, another key or another parent.
   */
  public static Optional<Hash32> verify(BlsPublicKey key, Hash32 parentHash, Bytes encodedProof) {
    if (encodedProof.size() != PROOF_SIZE) {
      return Optional.empty();
    }
    BlsSignature proof;
    try {
      proof = BlsSignature.fromBytes(encodedProof);
    } catch (CryptoException e) {
      return Optional.empty();
    }
    if (!proof.verify(key, input(parentHash).toBytes())) {
      return Optional.empty();
    }
    return Optional.of(output(proof));
  }
}
