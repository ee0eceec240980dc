package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.M1Group;
import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.primitives.Hash32;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that a NEWVIEW is justified: M3 votes of a quorum for the view; every M1 group's prepared
 * certificate and aggregate, and the M2 aggregate, verify; M1 and M2 signers are disjoint and
 * together exactly the M3 signers; and the proposed block is the one of the highest prepared view
 * among them (any block if nobody reported one).
 */
final class NewViewChecker {
  /** Why the NEWVIEW is not justified, or empty when it is. */
  static Optional<String> check(
      NewView nv, Committee committee, CertificateVerifier verifier, int shard) {
    long h = nv.height();
    long t = nv.viewId();
    if (verifier.verifyAggregate(nv.m3(), SigningPayloads.m3(shard, h, t), committee).isPresent()) {
      return Optional.of("M3 aggregate does not verify");
    }
    if (!committee.hasQuorum(nv.m3().signers())) {
      return Optional.of("M3 signers hold no quorum");
    }
    SignerBitmap union = SignerBitmap.empty(committee.size());
    if (nv.m2().isPresent()) {
      if (verifier
          .verifyAggregate(nv.m2().get(), SigningPayloads.m2(shard, h, t), committee)
          .isPresent()) {
        return Optional.of("M2 aggregate does not verify");
      }
      union = nv.m2().get().signers();
    }
    Set<GroupKey> seen = new HashSet<>();
    M1Group highest = null;
    boolean tie = false;
    for (M1Group g : nv.m1Groups()) {
      QuorumCertificate qc = g.prepared();
      Optional<String> bad = checkGroup(g, union, committee, verifier, shard, t);
      if (bad.isPresent()) {
        return bad;
      }
      if (!seen.add(new GroupKey(qc.viewId(), qc.blockHash()))) {
        return Optional.of("two M1 groups for one prepared certificate");
      }
      union = union.union(g.m1().signers());
      if (highest == null || qc.viewId() > highest.prepared().viewId()) {
        highest = g;
        tie = false;
      } else if (qc.viewId() == highest.prepared().viewId()) {
        tie = true;
      }
    }
    if (!union.equals(nv.m3().signers())) {
      return Optional.of("M1 and M2 signers are not the M3 signers");
    }
    if (tie) {
      return Optional.of("two blocks prepared in one view");
    }
    if (highest != null && !highest.prepared().blockHash().equals(nv.blockHash())) {
      return Optional.of("NEWVIEW drops the highest prepared block");
    }
    return Optional.empty();
  }

  private static Optional<String> checkGroup(
      M1Group g,
      SignerBitmap union,
      Committee committee,
      CertificateVerifier verifier,
      int shard,
      long t) {
    QuorumCertificate qc = g.prepared();
    if (qc.viewId() >= t) {
      return Optional.of("prepared certificate not from an earlier view");
    }
    if (verifier.verify(qc, committee).isPresent()) {
      return Optional.of("prepared certificate does not verify");
    }
    var payload = SigningPayloads.m1(shard, qc.height(), t, qc.blockHash(), qc.viewId());
    if (verifier.verifyAggregate(g.m1(), payload, committee).isPresent()) {
      return Optional.of("M1 aggregate does not verify");
    }
    if (g.m1().signers().intersects(union)) {
      return Optional.of("a member signed M1 or M2 twice");
    }
    return Optional.empty();
  }

  /** (prepared view, hash) identifies an M1 group. */
  private record GroupKey(long preparedView, Hash32 hash) {}

  private NewViewChecker() {}
}
