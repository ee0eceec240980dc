package io.fugue.chain.execution;

import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.module.BlockContext;

/** Derives a {@link BlockContext} from a header. */
public final class BlockContexts {
  private BlockContexts() {}

  public static BlockContext of(ChainConfig config, BlockHeader header) {
    return new BlockContext(
        config.chainId(),
        header.shardId(),
        config.shardCount(),
        header.number(),
        header.epoch(),
        header.timestamp(),
        header.proposer());
  }
}
