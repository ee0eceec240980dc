package io.fugue.chain.execution;

import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Hash32;
import java.util.Optional;

/**
 * What a block's header names in {@code shardStateHash} (docs/protocol.md, header field 16): the
 * shard state whose committees vote on the next block. {@link #COMPUTED} — the value the ledger
 * modules' end-of-block step gives (the beacon chain's epoch transition, else the parent's) — is
 * the rule of the beacon chain and of every chain of a network without elected committees. A shard
 * other than the beacon with elected committees names the newest shard state its node knows from
 * the beacon chain instead (a port the node implements).
 */
public interface ShardStateRule {
  /** The modules' value, exactly. */
  ShardStateRule COMPUTED =
      new ShardStateRule() {
        @Override
        public Hash32 name(BlockHeader parent, Hash32 computed) {
          return computed;
        }

        @Override
        public Optional<String> check(BlockHeader parent, Hash32 computed, Hash32 named) {
          return named.equals(computed)
              ? Optional.empty()
              : Optional.of("the block's end gives " + computed);
        }
      };

  /** The value a block built on {@code parent} names, given the modules' {@code computed}. */
  Hash32 name(BlockHeader parent, Hash32 computed);

  /** Empty if a block on {@code parent} may name {@code named}; else why it may not. */
  Optional<String> check(BlockHeader parent, Hash32 computed, Hash32 named);
}
