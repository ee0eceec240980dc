package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingState;
import io.fugue.chain.state.StateView;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.testing.Await;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Consensus votes with the elected committees: a network of two chains (the beacon and shard 1),
 * six keys, three seats per shard, four-block epochs, elected committees from epoch 1. Every key's
 * node follows both chains (so a key the election moves is already in step there), votes where it
 * holds a seat and only follows elsewhere. Each epoch's blocks carry commit proofs that verify
 * against that epoch's elected committee — which differs from the genesis one in some epoch, so a
 * node still voting with the genesis committees would fail — and shard 1's headers switch to the
 * shard state the beacon chain elected.
 */
class ElectedCommitteesIT {
  private static final long EPOCH = 4;
  private static final int KEYS_PER_SHARD = 4;

  @Test
  void shouldVoteOnEveryChainWithTheEpochsElectedCommittee() {
    DevnetGenesis.Devnet devnet =
        DevnetGenesis.generate(
            new DevnetGenesis.Spec(
                    Bytes.of(new byte[] {5, 1}), 2, KEYS_PER_SHARD, 2, 1_000, RateLimits.none())
                .withStaking());
    GenesisConfig genesis = elected(devnet.config(), EPOCH, 1);
    List<BlsSecretKey> keys = new ArrayList<>();
    devnet.validators().forEach(keys::addAll);
    ShardNodes.Options options =
        ShardNodes.Options.defaults()
            .withTimings(ConsensusConfig.defaults().withTimings(40, 800, 800, 20_000));
    InMemoryNetwork net = new InMemoryNetwork();
    List<ShardNode> beacon = new ArrayList<>();
    List<ShardNode> shard1 = new ArrayList<>();
    try {
      for (int k = 0; k < keys.size(); k++) {
        ShardNode b =
            ShardNodes.open(
                genesis,
                0,
                keys.get(k),
                new InMemoryKeyValueStore(),
                net.endpoint("0-" + k),
                options,
                Clock.systemUTC());
        beacon.add(b);
        Blockchain beaconChain = b.setup().chain();
        shard1.add(
            ShardNodes.open(
                genesis,
                1,
                BlsSignatureScheme.signer(keys.get(k)),
                new BlsSignatureScheme(),
                new InMemoryKeyValueStore(),
                net.endpoint("1-" + k),
                options,
                Clock.systemUTC(),
                ShardNodes.builtIns(genesis, 1),
                Optional.of(beaconChain::headState)));
      }
      beacon.forEach(ShardNode::start);
      shard1.forEach(ShardNode::start);

      Await.until(
          "the beacon chain in epoch 5 on every node",
          Duration.ofSeconds(90),
          () -> beacon.stream().allMatch(n -> n.setup().chain().head().number() >= 5 * EPOCH + 1));
      Blockchain chain = beacon.get(0).setup().chain();
      ElectedCommittees committees = ElectedCommittees.of(genesis, chain::headState).orElseThrow();
      CommitProofVerifier beaconProofs = new CommitProofVerifier(new BlsSignatureScheme(), 0);
      boolean differed = false;
      for (long h = 1; h < 5 * EPOCH; h++) {
        long epoch = h <= 1 ? 0 : (h - 1) / EPOCH;
        Committee elected = committees.committee(epoch, 0).orElseThrow();
        QuorumCertificate proof =
            CommitProofCodec.fromHeader(chain.block(h + 1).orElseThrow().header()).orElseThrow();
        assertThat(beaconProofs.verify(proof, elected)).as("beacon block %d", h).isEmpty();
        differed |= !elected.members().equals(ShardNodes.committee(genesis, 0).members());
      }
      assertThat(differed).as("some epoch's beacon committee differs from the genesis").isTrue();

      Await.until(
          "shard 1 naming epoch 3 or later",
          Duration.ofSeconds(60),
          () ->
              committees
                      .epochOf(1, shard1.get(0).setup().chain().head().shardStateHash())
                      .orElse(0L)
                  >= 3);
      Blockchain s1 = shard1.get(0).setup().chain();
      CommitProofVerifier shardProofs = new CommitProofVerifier(new BlsSignatureScheme(), 1);
      long head = s1.head().number();
      long lastEpoch = 0;
      boolean shardDiffered = false;
      for (long h = 1; h < head; h++) {
        BlockHeader parent = s1.block(Math.max(0, h - 2)).orElseThrow().header();
        long epoch = committees.epochOf(1, parent.shardStateHash()).orElseThrow();
        assertThat(epoch)
            .as("epochs named by shard 1 never go back")
            .isGreaterThanOrEqualTo(lastEpoch);
        lastEpoch = epoch;
        Committee c = committees.committee(epoch, 1).orElseThrow();
        QuorumCertificate proof =
            CommitProofCodec.fromHeader(s1.block(h + 1).orElseThrow().header()).orElseThrow();
        assertThat(shardProofs.verify(proof, c))
            .as("shard 1 block %d (epoch %d)", h, epoch)
            .isEmpty();
        shardDiffered |= !c.members().equals(ShardNodes.committee(genesis, 1).members());
      }
      assertThat(shardDiffered)
          .as("some epoch's shard-1 committee differs from the genesis")
          .isTrue();
      ShardState named = StakingState.shardState(chain.headState(), lastEpoch).orElseThrow();
      assertThat(named.shard(ShardId.of(1)).slots()).hasSize(KEYS_PER_SHARD);

      // Rewards: every beacon block's reward went to the pool and from it to reward balances of
      // the signers' validators; nothing was minted or lost on the way.
      StateView state = chain.headState();
      long head1 = chain.head().number();
      BigInteger minted = BigInteger.ZERO;
      for (long h = 1; h <= head1; h++) {
        minted =
            minted.add(
                genesis.rewards().blockReward(genesis.chainConfig().epochOf(h)).toBigInteger());
      }
      BigInteger credited = state.account(StakingState.REWARD_POOL.toBytes()).balance();
      int paidOperators = 0;
      for (List<Secp256k1PrivateKey> ops : devnet.operators()) {
        for (Secp256k1PrivateKey op : ops) {
          BigInteger r = StakingState.rewards(state, op.address()).toBigInteger();
          credited = credited.add(r);
          paidOperators += r.signum() > 0 ? 1 : 0;
        }
      }
      assertThat(credited).isEqualTo(minted);
      assertThat(paidOperators).isGreaterThan(KEYS_PER_SHARD);

      // Availability: a key whose node stops stops signing; at the end of an epoch in which it sat
      // on the beacon committee it becomes inactive (that key only) and is elected no more.
      int dead = 1;
      BlsSecretKey deadKey = keys.get(dead);
      beacon.get(dead).stop();
      shard1.get(dead).stop();
      Address deadOperator = operatorOf(devnet, deadKey);
      Await.until(
          "the stopped key inactive",
          Duration.ofSeconds(60),
          () ->
              StakingState.validator(chain.headState(), deadOperator)
                  .orElseThrow()
                  .inactiveKeys()
                  .contains(new ValidatorKey(deadKey.publicKey().toBytes())));
      long after = committees.newestEpoch();
      ShardState next = StakingState.shardState(chain.headState(), after).orElseThrow();
      assertThat(next.shards())
          .allSatisfy(
              c ->
                  assertThat(c.committee().indexOf(new ValidatorKey(deadKey.publicKey().toBytes())))
                      .isEmpty());
    } finally {
      shard1.forEach(ShardNode::stop);
      beacon.forEach(ShardNode::stop);
    }
  }

  private static Address operatorOf(DevnetGenesis.Devnet devnet, BlsSecretKey key) {
    for (int s = 0; s < devnet.validators().size(); s++) {
      int i = devnet.validators().get(s).indexOf(key);
      if (i >= 0) {
        return devnet.operators().get(s).get(i).address();
      }
    }
    throw new IllegalArgumentException("not a devnet key");
  }

  /** {@code c} with {@code n}-block epochs and elected committees from {@code from}. */
  static GenesisConfig elected(GenesisConfig c, long n, long from) {
    StakingGenesis st = c.staking().orElseThrow();
    return new GenesisConfig(
        c.networkId(),
        c.chainId(),
        c.shardCount(),
        c.timestamp(),
        c.blockTimeMillis(),
        n,
        c.leaderRotationBlocks(),
        c.maxClockDriftMillis(),
        c.rateLimits(),
        c.rewards(),
        c.shards(),
        c.governance(),
        Optional.of(
            new StakingGenesis(
                DevnetGenesis.stakingParams(n, st.params().slotsPerShard()),
                st.validators(),
                from)));
  }
}
