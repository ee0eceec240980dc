package io.fugue.chain.node;

import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers block sync requests from the local chain: the finalized blocks {@code [from, from+count)}
 * that exist, each with its stored commit proof, stopping before the response would pass {@link
 * SyncLimits#maxResponseBytes()}. A malformed request gets an empty response and its peer a penalty
 * (repeated ones get it banned, as bad sync responses do); one for another shard gets an empty
 * response only (a peer may simply not know which shard we hold). Runs on network threads; reads
 * only.
 */
final class SyncServer implements ConsensusNetwork.RequestHandler {
  private static final Logger LOG = LoggerFactory.getLogger(SyncServer.class);

  private final int shard;
  private final Blockchain chain;
  private final ConsensusStore proofs;
  private final SyncLimits limits;
  private final ConsensusNetwork network;

  SyncServer(
      int shard,
      Blockchain chain,
      ConsensusStore proofs,
      SyncLimits limits,
      ConsensusNetwork network) {
    this.shard = shard;
    this.chain = Objects.requireNonNull(chain, "chain");
    this.proofs = Objects.requireNonNull(proofs, "proofs");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.network = Objects.requireNonNull(network, "network");
  }

  @Override
  public Bytes onRequest(ConsensusNetwork.Peer from, Bytes request) {
    SyncCodec.Request r;
    try {
      r = SyncCodec.decodeRequest(request, limits);
    } catch (NodeException e) {
      LOG.debug("bad sync request from {}: {}", from.id(), e.getMessage());
      network.penalize(from, "malformed sync request: " + e.getMessage());
      return SyncCodec.encodeResponse(shard, List.of());
    }
    List<Bytes[]> entries = new ArrayList<>();
    if (r.shard() == shard) {
      int size = SyncCodec.headerSize();
      long head = chain.head().number();
      for (long n = r.from(); n < r.from() + r.count() && n <= head; n++) {
        Optional<Block> block = chain.block(n);
        Optional<QuorumCertificate> proof = proofs.commitProof(n);
        if (block.isEmpty() || proof.isEmpty()) {
          break;
        }
        Bytes[] entry = {block.get().encode(), CommitProofCodec.encode(proof.get())};
        size += SyncCodec.entrySize(entry[0], entry[1]);
        if (size > limits.maxResponseBytes()) {
          break;
        }
        entries.add(entry);
      }
    }
    return SyncCodec.encodeResponse(shard, entries);
  }
}
