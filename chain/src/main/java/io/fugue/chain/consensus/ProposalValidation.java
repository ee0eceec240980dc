package io.fugue.chain.consensus;

import java.util.Objects;

/** Result of checking a proposed block: the decoded block, or why it is ignored or rejected. */
public sealed interface ProposalValidation {
  /** The block is valid on its parent; consensus may vote for it. */
  record Accept(ProposedBlock block) implements ProposalValidation {
    public Accept {
      Objects.requireNonNull(block, "block");
    }
  }

  /** Not decidable now (e.g. a dependency missing); not evidence of misbehaviour. */
  record Ignore(String reason) implements ProposalValidation {
    public Ignore {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The block is invalid. */
  record Reject(String reason) implements ProposalValidation {
    public Reject {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
