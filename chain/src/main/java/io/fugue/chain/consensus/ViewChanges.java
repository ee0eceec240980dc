package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.AggregateVote;
import io.fugue.chain.consensus.ConsensusMessage.M1Group;
import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.PreparedClaim;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import io.fugue.chain.primitives.Hash32;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** Checking VIEWCHANGE messages and turning a quorum of them into a NEWVIEW. */
final class ViewChanges {
  private ViewChanges() {}

  /** Checks the M3 signature and the M1 claim (certificate and signature) or the M2 signature. */
  static Optional<Rejection> verify(
      ViewChange vc, Committee committee, CertificateVerifier verifier, int shard) {
    long h = vc.height();
    long t = vc.viewId();
    if (!verifier.verifySingle(vc.sender(), SigningPayloads.m3(shard, h, t), vc.m3Signature())) {
      return Optional.of(Rejection.BAD_SIGNATURE);
    }
    if (vc.nilSignature().isPresent()) {
      return verifier.verifySingle(
              vc.sender(), SigningPayloads.m2(shard, h, t), vc.nilSignature().get())
          ? Optional.empty()
          : Optional.of(Rejection.BAD_SIGNATURE);
    }
    PreparedClaim claim = vc.prepared().orElseThrow();
    QuorumCertificate qc = claim.prepared();
    if (qc.viewId() >= t) {
      return Optional.of(Rejection.BAD_VIEW);
    }
    Optional<Rejection> bad = verifier.verify(qc, committee);
    if (bad.isPresent()) {
      return bad;
    }
    return verifier.verifySingle(
            vc.sender(),
            SigningPayloads.m1(shard, h, t, qc.blockHash(), qc.viewId()),
            claim.m1Signature())
        ? Optional.empty()
        : Optional.of(Rejection.BAD_SIGNATURE);
  }

  /**
   * The block of the highest prepared view among the claims, which the new leader must re-propose.
   */
  static Optional<ProposedBlock> reproposal(
      Collection<ViewChange> vcs, Map<Hash32, ProposedBlock> blocks) {
    QuorumCertificate best = null;
    for (ViewChange vc : vcs) {
      if (vc.prepared().isPresent()) {
        QuorumCertificate qc = vc.prepared().get().prepared();
        if (best == null || qc.viewId() > best.viewId()) {
          best = qc;
        }
      }
    }
    return best == null ? Optional.empty() : Optional.of(blocks.get(best.blockHash()));
  }

  /**
   * Aggregates the collected votes: M3 over all, M2 over the nil votes, one M1 group per
   * certificate.
   */
  static NewView newView(
      int shard,
      long height,
      long t,
      ValidatorKey sender,
      ProposedBlock block,
      ValidatorSignature proposerSignature,
      SortedMap<Integer, ViewChange> vcs,
      int committeeSize,
      SignatureScheme scheme) {
    List<ValidatorSignature> m3 = new ArrayList<>();
    List<ValidatorSignature> m2 = new ArrayList<>();
    List<Integer> m2Signers = new ArrayList<>();
    Map<List<Object>, TreeMap<Integer, ViewChange>> groups = new LinkedHashMap<>();
    for (Map.Entry<Integer, ViewChange> e : vcs.entrySet()) {
      ViewChange vc = e.getValue();
      m3.add(vc.m3Signature());
      if (vc.nilSignature().isPresent()) {
        m2.add(vc.nilSignature().get());
        m2Signers.add(e.getKey());
      } else {
        QuorumCertificate qc = vc.prepared().orElseThrow().prepared();
        groups
            .computeIfAbsent(List.of(qc.viewId(), qc.blockHash()), k -> new TreeMap<>())
            .put(e.getKey(), vc);
      }
    }
    List<M1Group> m1 = new ArrayList<>();
    for (TreeMap<Integer, ViewChange> g : groups.values()) {
      List<ValidatorSignature> sigs = new ArrayList<>();
      g.values().forEach(vc -> sigs.add(vc.prepared().orElseThrow().m1Signature()));
      QuorumCertificate qc = g.firstEntry().getValue().prepared().orElseThrow().prepared();
      m1.add(
          new M1Group(
              qc,
              new AggregateVote(
                  scheme.aggregate(sigs), SignerBitmap.of(committeeSize, g.keySet()))));
    }
    AggregateVote m3Vote =
        new AggregateVote(scheme.aggregate(m3), SignerBitmap.of(committeeSize, vcs.keySet()));
    Optional<AggregateVote> m2Vote =
        m2.isEmpty()
            ? Optional.empty()
            : Optional.of(
                new AggregateVote(scheme.aggregate(m2), SignerBitmap.of(committeeSize, m2Signers)));
    return new NewView(
        shard,
        height,
        t,
        sender,
        block.hash(),
        block.encoded(),
        proposerSignature,
        m3Vote,
        m2Vote,
        m1);
  }
}
