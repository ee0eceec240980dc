package io.fugue.chain.node;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.execution.ChainConfig;
import io.fugue.chain.execution.TxRejection;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.txpool.AddResult;
import io.fugue.chain.txpool.TxPool;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives a shard's transaction gossip (docs/protocol.md, "Transaction gossip"): decodes strictly
 * within the chain's size limit, checks chain id, shard and signature, offers the transaction to
 * the pool and answers the verdict. A transaction that can never be valid anywhere (malformed,
 * wrong chain or shard, a signature that recovers no key) is REJECTed; one that this pool merely
 * does not take now (already known, stale or future nonce, pool or sender full, not funded in this
 * node's view of the head) is IGNOREd, since another node's head may differ and the sender is not
 * at fault.
 *
 * <p>Runs on the network thread. The pool is thread-safe (one lock) and its add verifies the
 * signature and reads head state but writes nothing, so no disk write happens here.
 */
final class TxGossipHandler implements ConsensusNetwork.GossipHandler {
  private static final Logger LOG = LoggerFactory.getLogger(TxGossipHandler.class);

  /** Refusals that prove the transaction invalid on every node. */
  private static final Set<TxRejection.Reason> INVALID =
      EnumSet.of(
          TxRejection.Reason.OVERSIZE,
          TxRejection.Reason.UNKNOWN_TYPE,
          TxRejection.Reason.WRONG_CHAIN,
          TxRejection.Reason.WRONG_SHARD,
          TxRejection.Reason.BAD_SIGNATURE);

  private final ChainConfig chain;
  private final ShardId shard;
  private final TxPool pool;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong ignored = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();

  TxGossipHandler(ChainConfig chain, ShardId shard, TxPool pool) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.shard = Objects.requireNonNull(shard, "shard");
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  @Override
  public ConsensusNetwork.Verdict onMessage(ConsensusNetwork.Peer from, Bytes payload) {
    ConsensusNetwork.Verdict v = verdict(payload);
    (switch (v) {
          case ACCEPT -> accepted;
          case IGNORE -> ignored;
          case REJECT -> rejected;
        })
        .incrementAndGet();
    return v;
  }

  private ConsensusNetwork.Verdict verdict(Bytes payload) {
    Transaction tx;
    try {
      tx = Transaction.decode(payload, chain.limits());
    } catch (CodecException e) {
      return ConsensusNetwork.Verdict.REJECT;
    }
    // Checked before the pool so that the verdict does not depend on the pool's order of checks.
    if (tx.chainId() != chain.chainId() || !tx.shardId().equals(shard) || tx.sender().isEmpty()) {
      return ConsensusNetwork.Verdict.REJECT;
    }
    AddResult r;
    try {
      r = pool.add(tx);
    } catch (RuntimeException e) {
      // This node's own failure (e.g. its store closing at shutdown) is not the sender's fault.
      LOG.debug("pool could not take gossiped transaction {}: {}", tx.hash(), e.toString());
      return ConsensusNetwork.Verdict.IGNORE;
    }
    if (r instanceof AddResult.Rejected no) {
      return INVALID.contains(no.rejection().reason())
          ? ConsensusNetwork.Verdict.REJECT
          : ConsensusNetwork.Verdict.IGNORE;
    }
    return ConsensusNetwork.Verdict.ACCEPT;
  }

  long accepted() {
    return accepted.get();
  }

  long ignored() {
    return ignored.get();
  }

  long rejected() {
    return rejected.get();
  }
}
