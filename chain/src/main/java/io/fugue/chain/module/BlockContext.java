package io.fugue.chain.module;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import java.util.Objects;

/**
 * What a ledger module may know about the block its transaction executes in. The same values on
 * every node, so a module that reads them stays deterministic. Modules must not read clocks.
 *
 * @param chainId the network's chain id (transactions carry it against replay)
 * @param shardId the shard executing the block
 * @param shardCount how many shards the network has (valid destination shards are below it)
 * @param number the block's height
 * @param epoch the block's epoch
 * @param timestamp the block's timestamp, milliseconds since the Unix epoch (UTC)
 * @param proposer the account that proposed the block
 */
public record BlockContext(
    long chainId,
    ShardId shardId,
    int shardCount,
    long number,
    long epoch,
    long timestamp,
    Address proposer) {
  public BlockContext {
    Objects.requireNonNull(shardId, "shardId");
    Objects.requireNonNull(proposer, "proposer");
    if (shardCount < 1 || shardId.value() >= shardCount) {
      throw new IllegalArgumentException("shard " + shardId + " outside " + shardCount + " shards");
    }
    if (chainId < 0 || number < 0 || epoch < 0 || timestamp < 0) {
      throw new IllegalArgumentException("chain id, number, epoch, timestamp must not be negative");
    }
  }
}
