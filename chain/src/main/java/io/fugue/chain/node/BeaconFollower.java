package io.fugue.chain.node;

import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.LedgerLimits;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.primitives.ShardId;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Follows the beacon chain's headers from its blocks topic: each announcement (a header with its
 * commit proof, {@link #encodeAnnouncement}) is accepted only if the proof is a valid commit quorum
 * of the beacon committee for exactly that header (ignored while that header's epoch is beyond what
 * this node knows); the highest such header is kept. Thread-safe.
 */
public final class BeaconFollower implements ConsensusNetwork.GossipHandler {
  private final CommitteeSource committees;
  private final CommitProofVerifier verifier;
  private final LedgerLimits limits;
  private final AtomicReference<BlockHeader> latest = new AtomicReference<>();
  private final AtomicLong rejected = new AtomicLong();

  public BeaconFollower(
      CommitteeSource beaconCommittees,
      io.fugue.chain.consensus.SignatureScheme scheme,
      LedgerLimits limits) {
    this.committees = Objects.requireNonNull(beaconCommittees, "beaconCommittees");
    this.verifier = new CommitProofVerifier(scheme, ShardId.BEACON.value());
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * {@code u32 len ‖ header(len) ‖ commitProof}: what a node publishes on its shard's blocks topic.
   */
  public static Bytes encodeAnnouncement(BlockHeader header, QuorumCertificate proof) {
    Bytes h = header.encode();
    Bytes p = CommitProofCodec.encode(proof);
    return Bytes.of(
        ByteBuffer.allocate(4 + h.size() + p.size())
            .putInt(h.size())
            .put(h.toArray())
            .put(p.toArray())
            .array());
  }

  @Override
  public ConsensusNetwork.Verdict onMessage(ConsensusNetwork.Peer from, Bytes payload) {
    BlockHeader header;
    QuorumCertificate proof;
    try {
      ByteBuffer b = ByteBuffer.wrap(payload.toArray());
      int len = b.getInt();
      if (len < 0 || len > b.remaining()) {
        return reject();
      }
      header = BlockHeader.decode(payload.slice(4, len), limits);
      proof = CommitProofCodec.decode(payload.slice(4 + len, payload.size() - 4 - len));
    } catch (ChainException | IllegalArgumentException | BufferUnderflowException e) {
      return reject();
    }
    if (!header.shardId().isBeacon()
        || header.number() != proof.height()
        || !header.hash().equals(proof.blockHash())) {
      return reject();
    }
    if (!committees.knows(header.number())) {
      // A header of an epoch this node's beacon state has not reached: it cannot be judged yet.
      return ConsensusNetwork.Verdict.IGNORE;
    }
    if (verifier.verify(proof, committees.committeeFor(header.number())).isPresent()) {
      return reject();
    }
    BlockHeader before =
        latest.getAndAccumulate(
            header, (cur, next) -> cur == null || next.number() > cur.number() ? next : cur);
    return before == null || header.number() > before.number()
        ? ConsensusNetwork.Verdict.ACCEPT
        : ConsensusNetwork.Verdict.IGNORE;
  }

  private ConsensusNetwork.Verdict reject() {
    rejected.incrementAndGet();
    return ConsensusNetwork.Verdict.REJECT;
  }

  /** The highest verified beacon header seen. */
  public Optional<BlockHeader> latest() {
    return Optional.ofNullable(latest.get());
  }

  public long rejected() {
    return rejected.get();
  }
}
