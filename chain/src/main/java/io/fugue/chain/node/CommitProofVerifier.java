package io.fugue.chain.node;

import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.Phase;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.SignatureScheme;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.consensus.SigningPayloads;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a commit proof outside the consensus machine (block sync, beacon following): a COMMIT
 * certificate whose bitmap fits the committee, is a quorum of voting power, and whose aggregate
 * verifies (FastAggregateVerify) over the COMMIT payload for the aggregated keys of exactly the
 * bitmap's members. Aggregate keys are cached per signer set. Thread-safe.
 */
public final class CommitProofVerifier {
  private static final int CACHE = 64;

  private final SignatureScheme scheme;
  private final int shard;
  private final Map<SignerBitmap, SignatureScheme.AggregateKey> keys =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(
            Map.Entry<SignerBitmap, SignatureScheme.AggregateKey> e) {
          return size() > CACHE;
        }
      };
  private Committee cachedFor;

  public CommitProofVerifier(SignatureScheme scheme, int shard) {
    this.scheme = Objects.requireNonNull(scheme, "scheme");
    this.shard = shard;
  }

  /** Empty if valid, else why not. */
  public Optional<String> verify(QuorumCertificate qc, Committee committee) {
    if (qc.phase() != Phase.COMMIT) {
      return Optional.of("not a commit proof");
    }
    if (qc.signers().size() != committee.size()) {
      return Optional.of(
          "bitmap for " + qc.signers().size() + " members, committee has " + committee.size());
    }
    if (qc.signers().isEmpty() || !committee.hasQuorum(qc.signers())) {
      return Optional.of("signers hold no quorum of voting power");
    }
    SignatureScheme.AggregateKey key = aggregateKey(committee, qc.signers());
    boolean ok =
        scheme.verifyAggregate(
            key,
            SigningPayloads.vote(Phase.COMMIT, shard, qc.height(), qc.blockHash(), qc.viewId()),
            qc.aggregate());
    return ok
        ? Optional.empty()
        : Optional.of("aggregate signature does not verify for the bitmap's keys");
  }

  private synchronized SignatureScheme.AggregateKey aggregateKey(
      Committee committee, SignerBitmap signers) {
    if (!committee.equals(cachedFor)) {
      keys.clear();
      cachedFor = committee;
    }
    return keys.computeIfAbsent(signers, s -> scheme.aggregateKeys(committee.keys(s)));
  }
}
