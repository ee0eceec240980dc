package io.fugue.chain.consensus;

import java.util.Objects;

/** The ports a machine calls synchronously, bundled for construction. */
public record ConsensusPorts(
    CommitteeSource committees,
    SignatureScheme scheme,
    ConsensusSigner signer,
    BlockSource blockSource,
    ProposalValidator validator,
    LeaderSchedule leaders) {
  public ConsensusPorts {
    Objects.requireNonNull(committees, "committees");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(blockSource, "blockSource");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(leaders, "leaders");
  }
}
