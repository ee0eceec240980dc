package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.consensus.DoubleSignEvidence;
import io.fugue.chain.consensus.Phase;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.SigningPayloads;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.StakingState;
import io.fugue.chain.staking.StakingTx;
import io.fugue.chain.staking.Validator;
import io.fugue.chain.state.StateView;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.testing.Await;
import io.fugue.chain.txpool.AddResult;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Staking across more than 50 epoch boundaries with changing committees, on real shard nodes over
 * the in-memory network: two chains (the beacon and shard 1), eight genesis keys, eight seats,
 * four-block epochs, elected committees from epoch 1. Every key's node follows both chains (so a
 * key the election moves is already in step there), votes where it holds a seat and only follows
 * elsewhere. Along the way a new validator joins with a fresh key, a genesis key's node stops and
 * that key is made inactive, a genesis validator undelegates everything and drops out, and a
 * double-signer is reported and slashed. Checked: every block of both chains carries a commit proof
 * of its epoch's elected committee (which differs from the genesis one), no two nodes hold
 * different blocks at one height, both chains pass 50 boundaries, and the beacon chain's supply
 * moves only by the block rewards minted and the slash burned.
 */
class ElectedCommitteesIT {
  private static final long EPOCH = 4;
  private static final int KEYS_PER_SHARD = 4;
  private static final BigInteger COIN = DevnetGenesis.COIN;

  private final DevnetGenesis.Devnet devnet =
      DevnetGenesis.generate(
          new DevnetGenesis.Spec(
                  Bytes.of(new byte[] {5, 1}), 2, KEYS_PER_SHARD, 2, 1_000_000, RateLimits.none())
              .withStaking());
  private final GenesisConfig genesis =
      DevnetGenesis.withEpochs(devnet.config(), EPOCH, 1, StakingEpochIT.AVAILABILITY_BPS);
  private final List<BlsSecretKey> keys = new ArrayList<>();
  private final List<ShardNode> beacon = new ArrayList<>();
  private final List<ShardNode> shard1 = new ArrayList<>();

  @Test
  void shouldKeepFinalizingAcrossFiftyBoundariesWithJoinsLeavesAnInactiveKeyAndASlash() {
    devnet.validators().forEach(keys::addAll);
    BlsSecretKey joiner =
        BlsSecretKey.fromSeed(Hashing.keccak256(Bytes.of(new byte[] {9})).toBytes().toArray());
    keys.add(joiner);
    ShardNodes.Options options =
        ShardNodes.Options.defaults()
            .withTimings(ConsensusConfig.defaults().withTimings(40, 800, 800, 20_000));
    InMemoryNetwork net = new InMemoryNetwork();
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
      Blockchain chain = beacon.get(0).setup().chain();
      ElectedCommittees committees = ElectedCommittees.of(genesis, chain::headState).orElseThrow();
      awaitEpoch(chain, 3);

      // A new operator joins with a fresh key (its node already follows both chains).
      Secp256k1PrivateKey newOperator = devnet.accounts().get(0);
      submit(
          newOperator,
          new StakingTx.CreateValidator(
              new Validator.Description("joiner", "", "", ""),
              500,
              2_000,
              100,
              Uint256.of(COIN.multiply(BigInteger.valueOf(10_000))),
              Uint256.of(COIN.multiply(BigInteger.valueOf(1_000_000))),
              List.of(
                  new StakingTx.KeyWithProof(key(joiner), joiner.proofOfPossession().toBytes())),
              Uint256.of(COIN.multiply(BigInteger.valueOf(150_000)))),
          0);
      Await.until(
          "the new key elected",
          Duration.ofSeconds(60),
          () -> seated(chain, committees.newestEpoch(), key(joiner)));

      // A genesis key's node stops; that key alone becomes inactive and is elected no more.
      int dead = 1;
      beacon.get(dead).stop();
      shard1.get(dead).stop();
      Address deadOperator = operatorOf(keys.get(dead));
      Await.until(
          "the stopped key inactive",
          Duration.ofSeconds(90),
          () ->
              StakingState.validator(chain.headState(), deadOperator)
                  .orElseThrow()
                  .inactiveKeys()
                  .contains(key(keys.get(dead))));
      assertThat(StakingState.validator(chain.headState(), deadOperator).orElseThrow().status())
          .isEqualTo(Validator.Status.ACTIVE);
      long afterInactive = committees.newestEpoch() + 1;
      awaitEpoch(chain, afterInactive);
      assertThat(seated(chain, afterInactive, key(keys.get(dead)))).isFalse();

      // A genesis validator undelegates everything and drops out.
      int leaver = 2;
      Secp256k1PrivateKey leaverOperator = operatorKeyOf(keys.get(leaver));
      submit(
          leaverOperator,
          new StakingTx.Undelegate(
              leaverOperator.address(), Uint256.of(COIN.multiply(BigInteger.valueOf(100_000)))),
          0);
      Await.until(
          "the leaver out of the committees",
          Duration.ofSeconds(60),
          () -> !seated(chain, committees.newestEpoch(), key(keys.get(leaver))));

      // A double-signer is reported by anyone and slashed: banned, stake cut, never elected again.
      int cheat = 3;
      Address cheatOperator = operatorOf(keys.get(cheat));
      BlockHeader beforeSlash = chain.head();
      BigInteger supplyBeforeSlash = supply(chain.stateAt(beforeSlash.stateRoot()));
      long mintedBeforeSlash = beforeSlash.number();
      submit(devnet.accounts().get(1), new StakingTx.ReportDoubleSign(evidence(chain, cheat)), 0);
      Await.until(
          "the double-signer banned",
          Duration.ofSeconds(60),
          () ->
              StakingState.validator(chain.headState(), cheatOperator).orElseThrow().status()
                  == Validator.Status.BANNED);
      long afterBan = committees.newestEpoch() + 1;
      awaitEpoch(chain, afterBan);
      assertThat(seated(chain, afterBan, key(keys.get(cheat)))).isFalse();

      // Liveness: both chains go on past 50 boundaries.
      awaitEpoch(chain, 52);
      Await.until(
          "shard 1 naming epoch 48 or later",
          Duration.ofSeconds(90),
          () -> committees.epochOf(1, head(shard1.get(0)).shardStateHash()).orElse(0L) >= 48);

      // Safety: no two nodes hold different blocks at one height.
      sameBlocks(beacon);
      sameBlocks(shard1);

      // Every block's commit proof is its epoch's elected committee's.
      boolean differed = false;
      CommitProofVerifier beaconProofs = new CommitProofVerifier(new BlsSignatureScheme(), 0);
      for (long h = 1; h < chain.head().number(); h++) {
        long epoch = h <= 1 ? 0 : (h - 1) / EPOCH;
        Committee elected = committees.committee(epoch, 0).orElseThrow();
        assertThat(beaconProofs.verify(proof(chain, h), elected))
            .as("beacon block %d", h)
            .isEmpty();
        differed |= !elected.members().equals(ShardNodes.committee(genesis, 0).members());
      }
      assertThat(differed).as("some epoch's beacon committee differs from the genesis").isTrue();
      Blockchain s1 = shard1.get(0).setup().chain();
      CommitProofVerifier shardProofs = new CommitProofVerifier(new BlsSignatureScheme(), 1);
      long lastEpoch = 0;
      for (long h = 1; h < s1.head().number(); h++) {
        BlockHeader naming = s1.block(Math.max(0, h - 2)).orElseThrow().header();
        long epoch = committees.epochOf(1, naming.shardStateHash()).orElseThrow();
        assertThat(epoch).as("shard 1's epochs never go back").isGreaterThanOrEqualTo(lastEpoch);
        lastEpoch = epoch;
        Committee c = committees.committee(epoch, 1).orElseThrow();
        assertThat(shardProofs.verify(proof(s1, h), c)).as("shard 1 block %d", h).isEmpty();
      }

      // Supply: genesis + every beacon block's reward − the slash's burned part (2 % of the
      // cheat's 100,000 coins, half of it to the reporter).
      BlockHeader end = chain.head();
      StateView state = chain.stateAt(end.stateRoot());
      BigInteger minted = BigInteger.ZERO;
      for (long h = mintedBeforeSlash + 1; h <= end.number(); h++) {
        minted = minted.add(reward(h));
      }
      BigInteger burned = COIN.multiply(BigInteger.valueOf(1_000));
      assertThat(supply(state)).isEqualTo(supplyBeforeSlash.add(minted).subtract(burned));
      BigInteger fromGenesis = BigInteger.ZERO;
      for (long h = 1; h <= mintedBeforeSlash; h++) {
        fromGenesis = fromGenesis.add(reward(h));
      }
      StateView genesisState = chain.stateAt(chain.block(0).orElseThrow().header().stateRoot());
      assertThat(supplyBeforeSlash).isEqualTo(supply(genesisState).add(fromGenesis));
      assertThat(StakingState.rewards(state, devnet.accounts().get(1).address()).toBigInteger())
          .as("the reporter's share")
          .isGreaterThanOrEqualTo(COIN.multiply(BigInteger.valueOf(1_000)));
    } finally {
      shard1.forEach(ShardNode::stop);
      beacon.forEach(ShardNode::stop);
    }
  }

  private static ValidatorKey key(BlsSecretKey k) {
    return new ValidatorKey(k.publicKey().toBytes());
  }

  private static BlockHeader head(ShardNode n) {
    return n.setup().chain().head();
  }

  private BigInteger reward(long height) {
    return genesis.rewards().blockReward(genesis.chainConfig().epochOf(height)).toBigInteger();
  }

  private static QuorumCertificate proof(Blockchain chain, long height) {
    return CommitProofCodec.fromHeader(chain.block(height + 1).orElseThrow().header())
        .orElseThrow();
  }

  private static void awaitEpoch(Blockchain chain, long epoch) {
    Await.until(
        "the beacon chain in epoch " + epoch,
        Duration.ofSeconds(120),
        () -> chain.head().number() >= epoch * EPOCH + 1);
  }

  private static boolean seated(Blockchain chain, long epoch, ValidatorKey key) {
    Optional<ShardState> st = StakingState.shardState(chain.headState(), epoch);
    return st.isPresent()
        && st.get().shards().stream().anyMatch(c -> c.committee().indexOf(key).isPresent());
  }

  private void submit(Secp256k1PrivateKey from, StakingTx body, long nonce) {
    Transaction tx =
        new UnsignedTransaction(
                body.type(), genesis.chainId(), nonce, ShardId.BEACON, Uint256.of(1), body.toRlp())
            .sign(from);
    assertThat(beacon.get(0).submit(tx)).isInstanceOf(AddResult.Added.class);
  }

  /** Two conflicting prepare votes signed with the cheat's key, at a height where it sat. */
  private DoubleSignEvidence evidence(Blockchain chain, int cheat) {
    ValidatorKey k = key(keys.get(cheat));
    long epoch = chain.head().number() / EPOCH;
    ShardState st = StakingState.shardState(chain.headState(), epoch).orElseThrow();
    int shard =
        st.shards().stream()
            .filter(c -> c.committee().indexOf(k).isPresent())
            .mapToInt(c -> c.shard().value())
            .findFirst()
            .orElseThrow();
    long height = shard == 0 ? epoch * EPOCH + 1 : 5;
    Hash32 a = Hashing.keccak256(Bytes.of(new byte[] {1}));
    Hash32 b = Hashing.keccak256(Bytes.of(new byte[] {2}));
    var signer = BlsSignatureScheme.signer(keys.get(cheat));
    return DoubleSignEvidence.of(
        shard,
        Phase.PREPARE,
        height,
        0,
        k,
        a,
        signer.sign(SigningPayloads.vote(Phase.PREPARE, shard, height, a, 0)),
        b,
        signer.sign(SigningPayloads.vote(Phase.PREPARE, shard, height, b, 0)));
  }

  /** Balances, stakes, locked undelegations, reward balances and the pool, on the beacon chain. */
  private BigInteger supply(StateView s) {
    List<Address> accounts = new ArrayList<>();
    devnet.accounts().forEach(a -> accounts.add(a.address()));
    devnet.operators().forEach(ops -> ops.forEach(o -> accounts.add(o.address())));
    BigInteger total = s.account(StakingState.REWARD_POOL.toBytes()).balance();
    for (Address a : accounts) {
      total = total.add(s.account(a.toBytes()).balance());
      total = total.add(StakingState.rewards(s, a).toBigInteger());
    }
    for (Validator v : StakingState.validators(s)) {
      total = total.add(v.totalStake().toBigInteger());
    }
    for (long e = 0; e <= 60; e++) {
      for (var u : StakingState.undelegations(s, e)) {
        total = total.add(u.amount().toBigInteger());
      }
    }
    return total;
  }

  private static void sameBlocks(List<ShardNode> nodes) {
    List<Blockchain> chains = nodes.stream().map(n -> n.setup().chain()).toList();
    long top = chains.stream().mapToLong(c -> c.head().number()).max().orElseThrow();
    for (long h = 1; h <= top; h++) {
      Hash32 seen = null;
      for (Blockchain c : chains) {
        Optional<Hash32> here = c.block(h).map(b -> b.hash());
        if (here.isPresent()) {
          if (seen == null) {
            seen = here.get();
          }
          assertThat(here.get()).as("block %d on every node", h).isEqualTo(seen);
        }
      }
    }
  }

  private Address operatorOf(BlsSecretKey k) {
    return operatorKeyOf(k).address();
  }

  private Secp256k1PrivateKey operatorKeyOf(BlsSecretKey k) {
    for (int s = 0; s < devnet.validators().size(); s++) {
      int i = devnet.validators().get(s).indexOf(k);
      if (i >= 0) {
        return devnet.operators().get(s).get(i);
      }
    }
    throw new IllegalArgumentException("not a genesis key");
  }
}
