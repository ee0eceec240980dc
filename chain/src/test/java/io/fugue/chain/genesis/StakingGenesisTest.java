package io.fugue.chain.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.node.ShardNodes;
import io.fugue.chain.node.SignerRewards;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.StakingState;
import io.fugue.chain.staking.Validator;
import io.fugue.chain.state.StateView;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.math.BigInteger;
import java.time.Clock;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The genesis {@code staking} section: written and read back unchanged, bound into the genesis
 * hash, turned into the beacon chain's block-0 staking records and epoch-0 shard state, and every
 * broken rule refused with the path and the reason.
 */
class StakingGenesisTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DevnetGenesis.Devnet devnet =
      DevnetGenesis.generate(
          new DevnetGenesis.Spec(Bytes.of(new byte[] {9}), 2, 3, 2, 1_000, RateLimits.none())
              .withStaking());
  private final GenesisConfig config = devnet.config();

  @Test
  void shouldReadBackWhatItWritesAndBindStakingIntoTheGenesisHash() {
    GenesisConfig read = GenesisParser.parse(GenesisWriter.toJson(config));

    assertThat(read).isEqualTo(config);
    assertThat(Genesis.configHash(read)).isEqualTo(Genesis.configHash(config));
    GenesisConfig unstaked =
        DevnetGenesis.generate(
                new DevnetGenesis.Spec(Bytes.of(new byte[] {9}), 2, 3, 2, 1_000, RateLimits.none()))
            .config();
    assertThat(Genesis.configHash(unstaked)).isNotEqualTo(Genesis.configHash(config));
    ObjectNode other = tree();
    ((ObjectNode) other.get("staking").get("validators").get(0)).put("commissionBps", 999);
    assertThat(Genesis.configHash(GenesisParser.parse(other.toString())))
        .isNotEqualTo(Genesis.configHash(config));
  }

  @Test
  void shouldHoldTheValidatorsTheirStakeAndTheEpochZeroCommitteesInBeaconBlockZero() {
    ShardState epochZero = config.epochZero().orElseThrow();
    Blockchain beacon =
        Blockchain.open(
            new InMemoryKeyValueStore(),
            config.chainConfig(),
            Genesis.forShard(config, ShardId.BEACON),
            ShardNodes.builtIns(config, 0),
            new SignerRewards(CommitteeSource.fixed(ShardNodes.committee(config, 0))),
            Clock.systemUTC());
    StateView state = beacon.headState();

    assertThat(beacon.head().shardStateHash()).isEqualTo(epochZero.hash());
    assertThat(StakingState.shardState(state, 0)).contains(epochZero);
    assertThat(StakingState.validators(state)).hasSize(6);
    BigInteger stake =
        DevnetGenesis.COIN.multiply(BigInteger.valueOf(DevnetGenesis.VALIDATOR_STAKE));
    for (int s = 0; s < 2; s++) {
      for (int i = 0; i < 3; i++) {
        var op = devnet.operators().get(s).get(i).address();
        Validator v = StakingState.validator(state, op).orElseThrow();
        assertThat(v.totalStake().toBigInteger()).isEqualTo(stake);
        assertThat(v.selfStake().toBigInteger()).isEqualTo(stake);
        assertThat(StakingState.delegation(state, op, op)).isEqualTo(Uint256.of(stake));
        // Staked at genesis, not taken from the operator's fee balance.
        assertThat(state.account(op.toBytes()).balance())
            .isEqualTo(
                DevnetGenesis.COIN.multiply(BigInteger.valueOf(DevnetGenesis.OPERATOR_BALANCE)));
      }
      // The elected committee indexes signers exactly as consensus' genesis committee does.
      assertThat(epochZero.shard(ShardId.of(s)).committee().members())
          .isEqualTo(ShardNodes.committee(config, s).members());
    }
    // A shard other than the beacon keeps its committee hash and holds no staking records.
    assertThat(Genesis.forShard(config, ShardId.of(1)).block().header().shardStateHash())
        .isEqualTo(Genesis.committeeHash(ShardId.of(1), config.shard(ShardId.of(1)).committee()));
  }

  @Test
  void shouldRefuseBrokenStakingSectionsNamingWhere() {
    refuses(
        t -> ((ObjectNode) t.get("staking")).put("votingPower", 1),
        "$.staking: unknown field 'votingPower'");
    refuses(
        t -> ((ObjectNode) t.get("staking")).remove("minDelegation"),
        "$.staking: missing field 'minDelegation'");
    refuses(t -> validator(t, 0).put("stake", "1"), "below minSelfDelegation");
    refuses(
        t -> validator(t, 0).put("commissionBps", 3_000),
        "commissionBps must be 0..maxCommissionBps");
    refuses(
        t -> validator(t, 0).put("operator", validator(t, 1).get("operator").textValue()),
        "is listed twice");
    refuses(
        t -> ((ArrayNode) validator(t, 0).get("keys")).set(0, validator(t, 1).get("keys").get(0)),
        "belongs to two validators");
    refuses(
        t -> ((ArrayNode) t.get("staking").get("validators")).remove(5),
        "belongs to no staking validator");
    refuses(
        t -> {
          ArrayNode c = (ArrayNode) t.get("shards").get(0).get("committee");
          var first = c.get(0);
          c.set(0, c.get(1));
          c.set(1, first);
        },
        "ascending byte order");
    refuses(t -> ((ObjectNode) t.get("staking")).put("shardCapBps", 0), "shardCapBps");
  }

  private ObjectNode tree() {
    try {
      return (ObjectNode) JSON.readTree(GenesisWriter.toJson(config));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static ObjectNode validator(ObjectNode t, int i) {
    return (ObjectNode) t.get("staking").get("validators").get(i);
  }

  private void refuses(Consumer<ObjectNode> edit, String reason) {
    ObjectNode t = tree();
    edit.accept(t);
    assertThatThrownBy(() -> GenesisParser.parse(t.toString()))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining(reason);
  }
}
