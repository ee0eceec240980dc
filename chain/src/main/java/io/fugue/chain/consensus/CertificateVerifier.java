package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.AggregateVote;
import io.fugue.chain.primitives.Bytes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks aggregate signatures against a committee: the bitmap fits the committee and is non-empty,
 * and the aggregate verifies against the aggregated keys of exactly the claimed signers. Aggregate
 * keys are cached per committee and signer set, since the same sets recur round after round.
 */
final class CertificateVerifier {
  private static final int CACHE_SIZE = 256;

  private final SignatureScheme scheme;
  private final int shard;
  private final Map<Committee, Map<SignerBitmap, SignatureScheme.AggregateKey>> keys =
      new LinkedHashMap<>();

  CertificateVerifier(SignatureScheme scheme, int shard) {
    this.scheme = scheme;
    this.shard = shard;
  }

  /** A quorum certificate: signers hold a quorum and signed the phase's vote payload. */
  Optional<Rejection> verify(QuorumCertificate qc, Committee committee) {
    Optional<Rejection> bad =
        verifyAggregate(
            new AggregateVote(qc.aggregate(), qc.signers()),
            SigningPayloads.vote(qc.phase(), shard, qc.height(), qc.blockHash(), qc.viewId()),
            committee);
    if (bad.isPresent()) {
      return bad;
    }
    return committee.hasQuorum(qc.signers()) ? Optional.empty() : Optional.of(Rejection.NO_QUORUM);
  }

  /** Any non-empty signer set over one payload; quorum is the caller's business. */
  Optional<Rejection> verifyAggregate(AggregateVote vote, Bytes payload, Committee committee) {
    if (vote.signers().size() != committee.size() || vote.signers().isEmpty()) {
      return Optional.of(Rejection.BAD_BITMAP);
    }
    SignatureScheme.AggregateKey key = aggregateKey(committee, vote.signers());
    return scheme.verifyAggregate(key, payload, vote.aggregate())
        ? Optional.empty()
        : Optional.of(Rejection.BAD_AGGREGATE);
  }

  boolean verifySingle(ValidatorKey key, Bytes payload, ValidatorSignature signature) {
    return scheme.verify(key, payload, signature);
  }

  private SignatureScheme.AggregateKey aggregateKey(Committee committee, SignerBitmap signers) {
    Map<SignerBitmap, SignatureScheme.AggregateKey> perCommittee =
        keys.computeIfAbsent(committee, c -> lru());
    if (keys.size() > 4) {
      keys.keySet().removeIf(c -> !c.equals(committee));
    }
    return perCommittee.computeIfAbsent(signers, s -> scheme.aggregateKeys(committee.keys(s)));
  }

  private static Map<SignerBitmap, SignatureScheme.AggregateKey> lru() {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(
          Map.Entry<SignerBitmap, SignatureScheme.AggregateKey> eldest) {
        return size() > CACHE_SIZE;
      }
    };
  }
}
