package io.fugue.chain.execution;

import io.fugue.chain.module.BlockContext;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import java.util.List;
import java.util.Objects;

/**
 * Who receives a block's reward and fees. A port owned by execution: the node plugs in {@code
 * SignerRewards} (the signers of the previous block, in proportion to voting power, read from the
 * header's lastCommitBitmap and the committee); {@link #PROPOSER} pays everything to the proposer
 * and serves tests and tools. Must be deterministic and pay out exactly {@code amount} in total
 * (any rounding remainder to a named recipient), in a fixed order.
 */
@FunctionalInterface
public interface RewardRecipients {
  /** All of it to the header's proposer. */
  RewardRecipients PROPOSER = (ctx, bitmap, amount) -> List.of(new Payout(ctx.proposer(), amount));

  /**
   * The payouts of {@code amount} for the block of {@code ctx}, whose header carries {@code
   * lastCommitBitmap} (the signers of the parent block).
   */
  List<Payout> split(BlockContext ctx, Bytes lastCommitBitmap, Uint256 amount);

  /** An amount credited to an account. */
  record Payout(Address to, Uint256 amount) {
    public Payout {
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(amount, "amount");
    }
  }
}
