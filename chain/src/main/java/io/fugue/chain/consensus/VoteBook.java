package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** The leader's verified votes of one phase for its proposal in one view. */
final class VoteBook {
  private final Phase phase;
  private final long height;
  private final long viewId;
  private final Hash32 blockHash;
  private final TreeMap<Integer, ValidatorSignature> votes = new TreeMap<>();
  private long power;
  private boolean certified;

  VoteBook(Phase phase, long height, long viewId, Hash32 blockHash) {
    this.phase = phase;
    this.height = height;
    this.viewId = viewId;
    this.blockHash = blockHash;
  }

  Hash32 blockHash() {
    return blockHash;
  }

  /** Adds a verified vote; false if the member already voted. */
  boolean add(int index, ValidatorSignature signature, Committee committee) {
    if (votes.putIfAbsent(index, signature) != null) {
      return false;
    }
    power += committee.power(index);
    return true;
  }

  long viewId() {
    return viewId;
  }

  int size() {
    return votes.size();
  }

  /** The certificate of every vote held, whether or not one was made before (late votes). */
  QuorumCertificate certifyAll(Committee committee, SignatureScheme scheme) {
    List<ValidatorSignature> sigs = new ArrayList<>(votes.values());
    SignerBitmap signers = SignerBitmap.of(committee.size(), votes.keySet());
    return new QuorumCertificate(phase, height, viewId, blockHash, scheme.aggregate(sigs), signers);
  }

  /** The certificate the first time the votes reach a quorum, else null. */
  QuorumCertificate certifyOnce(Committee committee, SignatureScheme scheme) {
    if (certified || !committee.isQuorum(power)) {
      return null;
    }
    certified = true;
    List<ValidatorSignature> sigs = new ArrayList<>(votes.values());
    SignerBitmap signers = SignerBitmap.of(committee.size(), votes.keySet());
    return new QuorumCertificate(phase, height, viewId, blockHash, scheme.aggregate(sigs), signers);
  }
}
