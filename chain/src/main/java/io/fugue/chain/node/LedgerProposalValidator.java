package io.fugue.chain.node;

import io.fugue.chain.consensus.ProposalValidation;
import io.fugue.chain.consensus.ProposalValidator;
import io.fugue.chain.consensus.ProposedBlock;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.randomness.HeaderRandomness;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ProposalValidator} over the ledger: decodes the block strictly, requires it to extend the
 * head, runs the full {@code BlockValidator} (re-execution, roots) and reads the parent's commit
 * proof out of the header for consensus to verify. Never throws on bad bytes.
 */
final class LedgerProposalValidator implements ProposalValidator {
  private final Blockchain chain;
  private final HeaderRandomness randomness;

  LedgerProposalValidator(Blockchain chain) {
    this(chain, HeaderRandomness.NONE);
  }

  /** With the chain's {@code vrf} header rule (the beacon's {@code BeaconVrfRule}). */
  LedgerProposalValidator(Blockchain chain, HeaderRandomness randomness) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.randomness = Objects.requireNonNull(randomness, "randomness");
  }

  @Override
  public ProposalValidation validate(Bytes encodedBlock, long expectedHeight, Hash32 parentHash) {
    Block block;
    Optional<QuorumCertificate> parentCommit;
    try {
      block = Block.decode(encodedBlock, chain.config().limits());
      parentCommit =
          block.header().number() >= 1
              ? CommitProofCodec.fromHeader(block.header())
              : Optional.empty();
    } catch (ChainException | IllegalArgumentException e) {
      return new ProposalValidation.Reject("undecodable block: " + e.getMessage());
    }
    long number = block.header().number();
    if (number != expectedHeight || !block.header().parentHash().equals(parentHash)) {
      return new ProposalValidation.Reject(
          "block "
              + number
              + " on "
              + block.header().parentHash()
              + " is not the child of "
              + parentHash);
    }
    if (!chain.head().hash().equals(parentHash)) {
      return new ProposalValidation.Ignore("parent " + parentHash + " is not this node's head");
    }
    io.fugue.chain.primitives.Validation header = randomness.check(block.header());
    if (!header.isAccepted()) {
      return new ProposalValidation.Reject(header.reason());
    }
    io.fugue.chain.primitives.Validation v;
    try {
      v = chain.validate(block);
    } catch (ChainException | IllegalArgumentException | IllegalStateException e) {
      return new ProposalValidation.Reject("block does not execute: " + e.getMessage());
    }
    if (v instanceof io.fugue.chain.primitives.Validation.Ignore i) {
      return new ProposalValidation.Ignore(i.reason());
    }
    if (!v.isAccepted()) {
      return new ProposalValidation.Reject(v.reason());
    }
    try {
      return new ProposalValidation.Accept(
          new ProposedBlock(number, parentHash, block.hash(), encodedBlock, parentCommit));
    } catch (IllegalArgumentException e) {
      return new ProposalValidation.Reject(e.getMessage());
    }
  }
}
