package io.fugue.chain.node;

import io.fugue.chain.consensus.BlockSource;
import io.fugue.chain.consensus.ProposedBlock;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.BuildRequest;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.randomness.HeaderRandomness;
import io.fugue.chain.txpool.TxPool;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * {@link BlockSource} over the ledger: builds the head's child from the txpool's pending
 * transactions, with the parent's commit proof in the header and this validator's reward account as
 * proposer.
 */
final class LedgerBlockSource implements BlockSource {
  private final Blockchain chain;
  private final TxPool pool;
  private final ValidatorKey self;
  private final LongSupplier view;
  private final Clock clock;
  private final int maxTransactions;
  private final HeaderRandomness randomness;

  LedgerBlockSource(
      Blockchain chain,
      TxPool pool,
      ValidatorKey self,
      LongSupplier view,
      Clock clock,
      int maxTransactions) {
    this(chain, pool, self, view, clock, maxTransactions, HeaderRandomness.NONE);
  }

  /** With the chain's {@code vrf} header rule (the beacon's {@code BeaconVrfRule}). */
  LedgerBlockSource(
      Blockchain chain,
      TxPool pool,
      ValidatorKey self,
      LongSupplier view,
      Clock clock,
      int maxTransactions,
      HeaderRandomness randomness) {
    this.randomness = Objects.requireNonNull(randomness, "randomness");
    this.chain = Objects.requireNonNull(chain, "chain");
    this.pool = Objects.requireNonNull(pool, "pool");
    this.self = Objects.requireNonNull(self, "self");
    this.view = Objects.requireNonNull(view, "view");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.maxTransactions = maxTransactions;
  }

  @Override
  public ProposedBlock build(
      long height, Hash32 parentHash, Optional<QuorumCertificate> parentCommit) {
    BlockHeader head = chain.head();
    if (head.number() != height - 1 || !head.hash().equals(parentHash)) {
      throw new NodeException(
          "asked to build "
              + height
              + " on "
              + parentHash
              + " but the head is "
              + head.number()
              + " "
              + head.hash());
    }
    Bytes sig = parentCommit.map(qc -> qc.aggregate().bytes()).orElse(BlockHeader.NO_SIGNATURE);
    Bytes bitmap = parentCommit.map(CommitProofCodec::headerBitmapField).orElse(Bytes.EMPTY);
    BuildRequest request =
        new BuildRequest(
            ValidatorAccounts.of(self),
            clock.millis(),
            view.getAsLong(),
            sig,
            bitmap,
            randomness.vrf(parentHash),
            Bytes.EMPTY,
            Bytes.EMPTY);
    List<Transaction> candidates = pool.pending(maxTransactions);
    Block block = chain.build(request, candidates).block();
    return new ProposedBlock(height, parentHash, block.hash(), block.encode(), parentCommit);
  }
}
