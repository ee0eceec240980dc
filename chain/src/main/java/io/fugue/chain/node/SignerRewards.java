package io.fugue.chain.node;

import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.execution.RewardRecipients;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The consensus reward rule: a block's reward and fees go to the signers of its parent's commit
 * (the header's {@code lastCommitBitmap}), each {@code floor(amount · power_i / signedPower)}, in
 * committee order, the rounding remainder to the first signer. Block 1 (no parent commit) and a
 * field that does not decode for the parent's committee pay the proposer: consensus rejects such
 * headers before execution matters, and the rule must stay total and deterministic.
 */
public final class SignerRewards implements RewardRecipients {
  private final CommitteeSource committees;

  public SignerRewards(CommitteeSource committees) {
    this.committees = Objects.requireNonNull(committees, "committees");
  }

  @Override
  public List<Payout> split(BlockContext ctx, Bytes lastCommitBitmap, Uint256 amount) {
    if (ctx.number() <= 1 || lastCommitBitmap.isEmpty()) {
      return List.of(new Payout(ctx.proposer(), amount));
    }
    Committee committee = committees.committeeFor(ctx.number() - 1);
    SignerBitmap signers;
    try {
      signers = CommitProofCodec.headerSigners(lastCommitBitmap);
    } catch (NodeException e) {
      return List.of(new Payout(ctx.proposer(), amount));
    }
    if (signers.size() != committee.size() || signers.isEmpty()) {
      return List.of(new Payout(ctx.proposer(), amount));
    }
    BigInteger total = amount.toBigInteger();
    BigInteger signedPower = BigInteger.valueOf(committee.power(signers));
    List<Integer> idx = signers.indices();
    BigInteger[] shares = new BigInteger[idx.size()];
    BigInteger paid = BigInteger.ZERO;
    for (int i = 0; i < idx.size(); i++) {
      shares[i] =
          total.multiply(BigInteger.valueOf(committee.power(idx.get(i)))).divide(signedPower);
      paid = paid.add(shares[i]);
    }
    shares[0] = shares[0].add(total.subtract(paid));
    List<Payout> out = new ArrayList<>(idx.size());
    for (int i = 0; i < idx.size(); i++) {
      out.add(
          new Payout(ValidatorAccounts.of(committee.member(idx.get(i))), Uint256.of(shares[i])));
    }
    return out;
  }
}
