package io.fugue.chain.randomness;

import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Validation;

/**
 * What a chain puts in and requires of a header's {@code vrf} field: the proposer's block source
 * asks {@link #vrf} when building, the proposal validator asks {@link #check} before executing.
 * Shards other than the beacon keep {@link #NONE}; the beacon uses {@link BeaconVrfRule}.
 */
public interface HeaderRandomness {
  /** Today's behaviour: an empty field when building, no requirement when validating. */
  HeaderRandomness NONE =
      new HeaderRandomness() {
        @Override
        public Bytes vrf(Hash32 parentHash) {
          return Bytes.EMPTY;
        }

        @Override
        public Validation check(BlockHeader header) {
          return Validation.ACCEPT;
        }
      };

  /** The {@code vrf} field this node, as proposer, puts on a child of {@code parentHash}. */
  Bytes vrf(Hash32 parentHash);

  /** Accept if the header's {@code vrf} field satisfies this chain's rule, else a reason. */
  Validation check(BlockHeader header);
}
