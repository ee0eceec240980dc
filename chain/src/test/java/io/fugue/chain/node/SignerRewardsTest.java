package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.Phase;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.consensus.ValidatorSignature;
import io.fugue.chain.execution.RewardRecipients.Payout;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SignerRewardsTest {
  private static final Address PROPOSER = Address.of(new byte[20]);
  private final List<ValidatorKey> keys =
      IntStream.range(0, 4)
          .mapToObj(
              i -> {
                byte[] k = new byte[48];
                k[0] = (byte) (i + 1);
                return new ValidatorKey(Bytes.of(k));
              })
          .toList();
  private final Committee weighted = Committee.weighted(keys, List.of(1L, 2L, 3L, 4L));
  private final SignerRewards rewards = new SignerRewards(CommitteeSource.fixed(weighted));

  private static BlockContext ctx(long number) {
    return new BlockContext(1, ShardId.of(0), 1, number, 0, 1, PROPOSER);
  }

  private static Bytes field(List<Integer> signers) {
    return CommitProofCodec.headerBitmapField(
        new QuorumCertificate(
            Phase.COMMIT,
            1,
            0,
            Hash32.ZERO,
            new ValidatorSignature(Bytes.of(new byte[96])),
            SignerBitmap.of(4, signers)));
  }

  private static BigInteger sum(List<Payout> payouts) {
    return payouts.stream()
        .map(p -> p.amount().toBigInteger())
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  @Test
  void shouldSplitInProportionToTheSignersVotingPowerWithTheRemainderToTheFirst() {
    List<Payout> p = rewards.split(ctx(5), field(List.of(0, 2, 3)), Uint256.of(1001));
    // power 1 + 3 + 4 = 8: floor(1001/8)=125, floor(3003/8)=375, floor(4004/8)=500, remainder 1.
    assertThat(p)
        .containsExactly(
            new Payout(ValidatorAccounts.of(keys.get(0)), Uint256.of(126)),
            new Payout(ValidatorAccounts.of(keys.get(2)), Uint256.of(375)),
            new Payout(ValidatorAccounts.of(keys.get(3)), Uint256.of(500)));
    assertThat(sum(p)).isEqualTo(BigInteger.valueOf(1001));
  }

  @Test
  void shouldPayTheProposerForBlockOneAndForUndecodableFields() {
    assertThat(rewards.split(ctx(1), Bytes.EMPTY, Uint256.of(7)))
        .containsExactly(new Payout(PROPOSER, Uint256.of(7)));
    assertThat(rewards.split(ctx(5), Bytes.of(new byte[3]), Uint256.of(7)))
        .containsExactly(new Payout(PROPOSER, Uint256.of(7)));
  }

  @Test
  void shouldDeriveDistinctRewardAccountsFromKeys() {
    assertThat(keys.stream().map(ValidatorAccounts::of).distinct()).hasSize(4);
  }
}
