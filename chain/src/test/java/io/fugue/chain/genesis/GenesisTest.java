package io.fugue.chain.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.execution.GenesisState;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GenesisTest {
  static String fixture() {
    try (InputStream in = GenesisTest.class.getResourceAsStream("/genesis/test-genesis.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void shouldProduceThePinnedGenesisHashesFromTheFixedFile() {
    GenesisConfig config = GenesisParser.parse(fixture());
    // Pinned: a change here changes every node's genesis and must be deliberate.
    assertThat(Genesis.forShard(config, ShardId.of(0)).block().hash())
        .isEqualTo(
            Hash32.fromHex("0x9fcb938e550ce48ac7d2e1a7743ba0b1ce0893badba75048f79e9c84dbed9056"));
    assertThat(Genesis.forShard(config, ShardId.of(1)).block().hash())
        .isEqualTo(
            Hash32.fromHex("0xbfef66f7b01a094ba04dfb6600f042dc5b84a8030f1451c4ffc07fc1f9598bd2"));
  }

  @Test
  void shouldParseEveryField() {
    GenesisConfig c = GenesisParser.parse(fixture());
    assertThat(c.networkId()).isEqualTo("fugue-test");
    assertThat(c.chainId()).isEqualTo(4242);
    assertThat(c.shardCount()).isEqualTo(2);
    assertThat(c.leaderRotationBlocks()).isEqualTo(16);
    assertThat(c.rateLimits().maxTransactionsPerSenderPerHour()).isEqualTo(100);
    assertThat(c.rateLimits().liftedFromEpoch()).isEqualTo(30);
    assertThat(c.rewards().steps()).hasSize(2);
    assertThat(c.rewards().blockReward(9).toString()).isEqualTo("24000000000000000000");
    assertThat(c.rewards().blockReward(10).toString()).isEqualTo("17500000000000000000");
    assertThat(c.shards().get(0).allocations()).hasSize(2);
    assertThat(c.shards().get(1).committee()).hasSize(1);
  }

  @Test
  void shouldBuildTheSameBlockOnEveryRunAndDifferPerShard() {
    GenesisConfig a = GenesisParser.parse(fixture());
    GenesisConfig b = GenesisParser.parse(fixture());
    GenesisState s0 = Genesis.forShard(a, ShardId.of(0));
    assertThat(s0.block()).isEqualTo(Genesis.forShard(b, ShardId.of(0)).block());
    assertThat(s0.block().hash()).isNotEqualTo(Genesis.forShard(a, ShardId.of(1)).block().hash());
    assertThat(s0.block().header().extra()).isEqualTo(Genesis.configHash(a).toBytes());
  }

  @Test
  void shouldChangeTheGenesisHashWhenAnyRuleChanges() {
    String changed =
        fixture().replace("\"maxTransactionsPerBlock\": 1000", "\"maxTransactionsPerBlock\": 999");
    assertThat(Genesis.forShard(GenesisParser.parse(changed), ShardId.of(1)).block().hash())
        .isNotEqualTo(
            Genesis.forShard(GenesisParser.parse(fixture()), ShardId.of(1)).block().hash());
  }

  @Test
  void shouldRoundTripThroughTheWriter() {
    DevnetGenesis.Devnet d =
        DevnetGenesis.generate(DevnetGenesis.Spec.defaults(Bytes.of((byte) 7)));
    GenesisConfig back = GenesisParser.parse(GenesisWriter.toJson(d.config()));
    assertThat(back).isEqualTo(d.config());
  }

  @Test
  void shouldGenerateTheSameDevnetFromTheSameSeed() {
    var a = DevnetGenesis.generate(DevnetGenesis.Spec.defaults(Bytes.of((byte) 1)));
    var b = DevnetGenesis.generate(DevnetGenesis.Spec.defaults(Bytes.of((byte) 1)));
    var c = DevnetGenesis.generate(DevnetGenesis.Spec.defaults(Bytes.of((byte) 2)));
    assertThat(GenesisWriter.toJson(a.config())).isEqualTo(GenesisWriter.toJson(b.config()));
    assertThat(a.accounts()).isEqualTo(b.accounts());
    assertThat(c.accounts().get(0)).isNotEqualTo(a.accounts().get(0));
    assertThat(a.validators().get(1).get(0).publicKey())
        .isEqualTo(a.config().shards().get(1).committee().get(0));
    assertThat(a.config().rateLimits().liftedFromEpoch()).isEqualTo(RateLimits.NEVER_LIFTED);
  }

  private static void rejects(String from, String to, String message) {
    String json = fixture();
    assertThat(json).contains(from);
    assertThatThrownBy(() -> GenesisParser.parse(json.replace(from, to)))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining(message);
  }

  @Test
  void shouldRejectUnknownAndMissingFields() {
    rejects("\"chainId\": 4242,", "\"chainId\": 4242, \"chainID\": 1,", "unknown field 'chainID'");
    rejects("\"chainId\": 4242,", "", "missing field 'chainId'");
    rejects("\"fromEpoch\": 0,", "\"fromEpoch\": 0, \"x\": 1,", "$.rewards[0]: unknown field 'x'");
  }

  @Test
  void shouldRejectBadValues() {
    rejects("\"chainId\": 4242", "\"chainId\": -1", "$.chainId: -1 is outside");
    rejects("\"chainId\": 4242", "\"chainId\": 4242.5", "expected an integer");
    rejects("\"chainId\": 4242", "\"chainId\": \"4242\"", "expected an integer");
    rejects(
        "\"blockReward\": \"24000000000000000000\"",
        "\"blockReward\": \"-24\"",
        "non-negative decimal");
    rejects("\"blockReward\": \"24000000000000000000\"", "\"blockReward\": 24", "in a string");
    rejects("\"shardCount\": 2", "\"shardCount\": 3", "3 shards");
    rejects("\"networkId\": \"fugue-test\"", "\"networkId\": \"Fugue Test\"", "networkId");
    rejects("\"fromEpoch\": 10", "\"fromEpoch\": 0", "strictly ascending");
  }

  @Test
  void shouldRejectBadHexAndKeys() {
    rejects(
        "0x8FFA6D7E1c6B3F1a3B2C4d5e6F708192a3b4C5D6\": \"1000\"",
        "0x8FFA6D7E1c6B3F1a3B2C4d5e6F708192a3b4C5Dz\": \"1000\"",
        "bad address");
    rejects(
        "\"0xa18d6e51242f781c96232ef617ed9cd026b50ad4c6a738d186f3dbdfe534af473da18f6541882c00b6f2d34e0b089249\"",
        "\"0xa572\"",
        "bad BLS public key");
    rejects(
        "\"0xa18d6e51242f781c96232ef617ed9cd026b50ad4c6a738d186f3dbdfe534af473da18f6541882c00b6f2d34e0b089249\"",
        "\"a18d6e51242f781c96232ef617ed9cd026b50ad4c6a738d186f3dbdfe534af473da18f6541882c00b6f2d34e0b089249\"",
        "0x prefix");
  }

  @Test
  void shouldRejectDuplicateAddressesAndKeys() {
    String json = fixture();
    String dupCase =
        json.replace(
            "\"0x00000000000000000000000000000000000000aa\": \"5\"",
            "\"0x00000000000000000000000000000000000000aa\": \"5\", "
                + "\"0x00000000000000000000000000000000000000AA\": \"6\"");
    assertThatThrownBy(() -> GenesisParser.parse(dupCase))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining("duplicate address");
    String dupJson =
        json.replace(
            "\"networkId\": \"fugue-test\",",
            "\"networkId\": \"fugue-test\", \"networkId\": \"x\",");
    assertThatThrownBy(() -> GenesisParser.parse(dupJson))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining("Duplicate field");
  }

  @Test
  void shouldRejectMalformedJson() {
    assertThatThrownBy(() -> GenesisParser.parse("{"))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> GenesisParser.parse(fixture() + "{}"))
        .isInstanceOf(GenesisException.class);
    assertThatThrownBy(() -> GenesisParser.parse("[]"))
        .isInstanceOf(GenesisException.class)
        .hasMessageContaining("expected an object");
  }

  private static final String GOVERNANCE =
      "\"chainId\": 4242, \"governance\": {\"members\": "
          + "[\"0x00000000000000000000000000000000000000aa\", \"0x00000000000000000000000000000000000000bb\"], "
          + "\"threshold\": 2},";

  @Test
  void shouldParseOptionalGovernanceAndBindItIntoTheGenesisHash() {
    GenesisConfig with = GenesisParser.parse(fixture().replace("\"chainId\": 4242,", GOVERNANCE));
    GenesisConfig without = GenesisParser.parse(fixture());
    assertThat(without.governance()).isEmpty();
    assertThat(with.governance().orElseThrow().threshold()).isEqualTo(2);
    assertThat(with.governance().orElseThrow().members())
        .extracting(a -> a.toBytes().toPrefixedHex())
        .containsExactly(
            "0x00000000000000000000000000000000000000aa",
            "0x00000000000000000000000000000000000000bb");
    assertThat(GenesisParser.parse(GenesisWriter.toJson(with))).isEqualTo(with);
    assertThat(GenesisWriter.toJson(without)).doesNotContain("governance");
    assertThat(Genesis.forShard(with, ShardId.of(1)).block().hash())
        .isNotEqualTo(Genesis.forShard(without, ShardId.of(1)).block().hash());
    GenesisConfig otherThreshold =
        GenesisParser.parse(
            fixture()
                .replace(
                    "\"chainId\": 4242,",
                    GOVERNANCE.replace("\"threshold\": 2", "\"threshold\": 1")));
    assertThat(Genesis.forShard(otherThreshold, ShardId.of(0)).block().hash())
        .isNotEqualTo(Genesis.forShard(with, ShardId.of(0)).block().hash());
  }

  @Test
  void shouldRejectBadGovernance() {
    rejects(
        "\"chainId\": 4242,",
        GOVERNANCE.replace("\"threshold\": 2", "\"threshold\": 3"),
        "$.governance.threshold: 3 is outside [1, 2]");
    rejects(
        "\"chainId\": 4242,",
        GOVERNANCE.replace("\"threshold\": 2", "\"threshold\": 2, \"k\": 1"),
        "$.governance: unknown field 'k'");
    rejects("\"chainId\": 4242,", GOVERNANCE.replace("bb\"", "aa\""), "duplicate member");
    rejects(
        "\"chainId\": 4242,",
        GOVERNANCE.replace("0x00000000000000000000000000000000000000bb", "0xbb"),
        "$.governance.members[1]: bad address");
    rejects(
        "\"chainId\": 4242,",
        "\"chainId\": 4242, \"governance\": {\"members\": [], \"threshold\": 1},",
        "needs 1 to 32 accounts");
  }
}
