package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;

/**
 * Decodes and checks a proposed block's bytes on top of the given parent (header, body, state
 * transition). Consensus itself checks the height, parent hash, announced hash and the parent
 * commit proof in the returned block. Never throws on bad bytes: returns {@link
 * ProposalValidation.Reject}.
 */
@FunctionalInterface
public interface ProposalValidator {
  ProposalValidation validate(Bytes encodedBlock, long expectedHeight, Hash32 parentHash);
}
