package io.fugue.chain.node;

import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.LedgerLimits;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client side of block sync for one shard node. One request at a time, to one peer (peers that
 * sent valid gossip of this shard first, in turn); the response is decoded and every block checked
 * before any is handed on: consecutive heights from the one asked for, a commit proof that verifies
 * against the committee (quorum, aggregate over the bitmap's keys), and a block whose hash is the
 * proof's. A response failing any check is dropped whole, counted, and its peer penalized. Verified
 * blocks go to the machine (which validates and applies them) on the driver.
 */
final class BlockSyncer {
  private static final Logger LOG = LoggerFactory.getLogger(BlockSyncer.class);

  private final int shard;
  private final ConsensusNetwork network;
  private final CommitteeSource committees;
  private final CommitProofVerifier verifier;
  private final LedgerLimits ledgerLimits;
  private final SyncLimits limits;
  private final Executor driver;
  private final LongSupplier nextHeight;
  private final Consumer<SyncCodec.SyncedBlock> apply;
  private final Set<ConsensusNetwork.Peer> shardPeers = ConcurrentHashMap.newKeySet();
  // Peers that answered for another shard: honest nodes of other committees share the sync
  // protocol id, so they are skipped, not penalized.
  private final Set<ConsensusNetwork.Peer> otherShardPeers = new HashSet<>();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong synced = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong highestSeen = new AtomicLong();
  private boolean inFlight;
  private int turn;
  // Sync progress for the operator's log (driver thread only).
  private long runStartNanos;
  private long runStartHeight;
  private long lastLogNanos;

  BlockSyncer(
      int shard,
      ConsensusNetwork network,
      CommitteeSource committees,
      CommitProofVerifier verifier,
      LedgerLimits ledgerLimits,
      SyncLimits limits,
      Executor driver,
      LongSupplier nextHeight,
      Consumer<SyncCodec.SyncedBlock> apply) {
    this.shard = shard;
    this.network = Objects.requireNonNull(network);
    this.committees = Objects.requireNonNull(committees);
    this.verifier = Objects.requireNonNull(verifier);
    this.ledgerLimits = Objects.requireNonNull(ledgerLimits);
    this.limits = Objects.requireNonNull(limits);
    this.driver = Objects.requireNonNull(driver);
    this.nextHeight = Objects.requireNonNull(nextHeight);
    this.apply = Objects.requireNonNull(apply);
  }

  /**
   * A consensus message of this shard at {@code height} was seen: the chain is at least that long.
   */
  void noteHeight(long height) {
    highestSeen.accumulateAndGet(height, Math::max);
  }

  /** A peer that sent valid gossip of this shard: asked first. */
  void notePeer(ConsensusNetwork.Peer peer) {
    shardPeers.add(peer);
  }

  /** On the driver: asks a peer for blocks from {@code from}, unless a request is in flight. */
  void request(long from) {
    if (inFlight) {
      return;
    }
    Optional<ConsensusNetwork.Peer> peer = pickPeer();
    if (peer.isEmpty()) {
      return;
    }
    inFlight = true;
    requests.incrementAndGet();
    SyncCodec.Request r = new SyncCodec.Request(shard, from, limits.maxBlocksPerRequest());
    // The handler below sees every outcome, failures included; the returned stage is not needed.
    var unused =
        network
            .request(peer.get(), SyncCodec.encode(r), limits.requestTimeout())
            .whenComplete(
                (bytes, err) -> driver.execute(() -> onResponse(peer.get(), r, bytes, err)));
  }

  private Optional<ConsensusNetwork.Peer> pickPeer() {
    List<ConsensusNetwork.Peer> connected = new ArrayList<>(network.peers());
    connected.removeAll(otherShardPeers);
    List<ConsensusNetwork.Peer> preferred = new ArrayList<>(connected);
    preferred.retainAll(shardPeers);
    List<ConsensusNetwork.Peer> from = preferred.isEmpty() ? connected : preferred;
    if (from.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(from.get(Math.floorMod(turn++, from.size())));
  }

  private void onResponse(
      ConsensusNetwork.Peer peer, SyncCodec.Request r, Bytes bytes, Throwable err) {
    inFlight = false;
    if (err != null) {
      LOG.debug("sync request to {} failed: {}", peer.id(), err.toString());
      return;
    }
    List<SyncCodec.SyncedBlock> blocks;
    try {
      SyncCodec.Response response = SyncCodec.decodeResponse(bytes, limits);
      if (response.shard() != shard && response.blocks().isEmpty()) {
        // The peer serves another shard and said so: ask someone else next time.
        otherShardPeers.add(peer);
        shardPeers.remove(peer);
        LOG.debug("peer {} serves shard {}, not {}", peer.id(), response.shard(), shard);
        request(r.from());
        return;
      }
      blocks = checked(r, response);
    } catch (NodeException e) {
      reject(peer, e);
      return;
    }
    long before = nextHeight.getAsLong();
    for (SyncCodec.SyncedBlock b : blocks) {
      if (b.proof().height() != nextHeight.getAsLong()) {
        continue;
      }
      // Checked one by one as they are applied: on a staking network a block's committee can
      // depend on the blocks before it (the epoch its parent names, the state that elected it).
      try {
        verify(b);
      } catch (NodeException e) {
        reject(peer, e);
        break;
      }
      apply.accept(b);
    }
    long gained = nextHeight.getAsLong() - before;
    synced.addAndGet(gained);
    logProgress(before, gained);
    if (gained > 0 && blocks.size() == r.count()) {
      request(nextHeight.getAsLong());
    }
  }

  /**
   * At most every 10 s while syncing, and once when caught up: the height reached, the height seen
   * in consensus gossip, the rate of this sync run and the time left at that rate.
   */
  private void logProgress(long before, long gained) {
    long now = System.nanoTime();
    if (gained <= 0) {
      return;
    }
    if (runStartNanos == 0 || now - lastLogNanos > 60_000_000_000L) {
      runStartNanos = now;
      runStartHeight = before;
      lastLogNanos = now;
    }
    long at = nextHeight.getAsLong() - 1;
    long target = Math.max(highestSeen.get() - 1, at);
    double seconds = Math.max(1e-3, (now - runStartNanos) / 1e9);
    double rate = (at - runStartHeight + 1) / seconds;
    boolean caughtUp = at >= target;
    if (!caughtUp && now - lastLogNanos < 10_000_000_000L) {
      return;
    }
    lastLogNanos = now;
    if (caughtUp) {
      if (at - runStartHeight + 1 < 2) {
        runStartNanos = 0;
        return;
      }
      LOG.info(
          "shard {} sync: caught up at block {} ({} blocks synced, {} blocks/s)",
          shard,
          at,
          at - runStartHeight + 1,
          Math.round(rate));
      runStartNanos = 0;
    } else {
      long etaSeconds = Math.round((target - at) / Math.max(rate, 1e-6));
      LOG.info(
          "shard {} sync: block {} of {} ({} blocks/s, ETA {} s)",
          shard,
          at,
          target,
          Math.round(rate),
          etaSeconds);
    }
  }

  private void reject(ConsensusNetwork.Peer peer, NodeException e) {
    rejected.incrementAndGet();
    network.penalize(peer, "bad sync response: " + e.getMessage());
    LOG.warn("rejected sync response from {}: {}", peer.id(), e.getMessage());
  }

  /** Every block of the response, checked, commit proofs included; throws on the first failure. */
  List<SyncCodec.SyncedBlock> verified(SyncCodec.Request r, SyncCodec.Response response) {
    List<SyncCodec.SyncedBlock> blocks = checked(r, response);
    blocks.forEach(this::verify);
    return blocks;
  }

  /** The commit proof of {@code b} against its height's committee; throws if it fails. */
  private void verify(SyncCodec.SyncedBlock b) {
    long height = b.proof().height();
    Optional<String> bad = verifier.verify(b.proof(), committees.committeeFor(height));
    if (bad.isPresent()) {
      throw new NodeException("commit proof of " + height + ": " + bad.get());
    }
  }

  /**
   * The response's shape: this shard, at most the count asked, consecutive heights from the one
   * asked, each block the one its proof signs. Throws on the first that fails.
   */
  List<SyncCodec.SyncedBlock> checked(SyncCodec.Request r, SyncCodec.Response response) {
    if (response.shard() != shard) {
      throw new NodeException("response for shard " + response.shard());
    }
    if (response.blocks().size() > r.count()) {
      throw new NodeException(response.blocks().size() + " blocks, " + r.count() + " asked");
    }
    long expected = r.from();
    for (SyncCodec.SyncedBlock b : response.blocks()) {
      if (b.proof().height() != expected) {
        throw new NodeException(
            "proof for height " + b.proof().height() + ", expected " + expected);
      }
      Block block = decode(b.block());
      if (block.header().number() != expected || !block.hash().equals(b.proof().blockHash())) {
        throw new NodeException(
            "block "
                + block.header().number()
                + " is not the one the proof of "
                + expected
                + " signs");
      }
      expected++;
    }
    return response.blocks();
  }

  private Block decode(Bytes encoded) {
    try {
      return Block.decode(encoded, ledgerLimits);
    } catch (ChainException | IllegalArgumentException e) {
      throw new NodeException("undecodable block: " + e.getMessage(), e);
    }
  }

  long requests() {
    return requests.get();
  }

  long syncedBlocks() {
    return synced.get();
  }

  long rejectedResponses() {
    return rejected.get();
  }
}
