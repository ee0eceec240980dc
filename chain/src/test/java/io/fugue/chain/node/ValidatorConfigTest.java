package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorConfigTest {
  private static final Path BASE = Path.of("/etc/fugue");

  private static ValidatorConfig parse(String json) {
    return ValidatorConfig.parse(json.replace('\'', '"'), BASE);
  }

  @Test
  void shouldParseAKeyFileConfigAndResolvePathsAgainstTheConfigDirectory() {
    ValidatorConfig c =
        parse(
            "{'genesis':'genesis.json','shard':1,'dataDir':'/var/lib/fugue','listen':['/ip4/0.0.0.0/tcp/9000'],"
                + "'bootnodes':['/ip4/10.0.0.1/tcp/9000/p2p/12D3KooWGzEBSb2SsewnmguKxeVVGyXBcEZ2nxrJaSeEqdUwxQ9F'],'key':{'file':'v.key','passwordFile':'pw'}}");
    assertThat(c.genesis()).isEqualTo(BASE.resolve("genesis.json"));
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/fugue"));
    assertThat(c.shard()).isEqualTo(1);
    assertThat(c.bootnodes()).hasSize(1);
    assertThat(c.key())
        .isEqualTo(new ValidatorConfig.KeyFileSource(BASE.resolve("v.key"), BASE.resolve("pw")));
  }

  @Test
  void shouldParseADevnetKeyWithoutBootnodes() {
    ValidatorConfig c =
        parse(
            "{'genesis':'g.json','shard':0,'dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],"
                + "'devnet':{'seed':'0x0707','validatorsPerShard':4,'index':3}}");
    assertThat(c.key())
        .isEqualTo(new ValidatorConfig.DevnetKeySource(Bytes.fromHex("0x0707"), 4, 3));
    assertThat(c.bootnodes()).isEmpty();
    assertThat(c.api()).isEmpty();
  }

  @Test
  void shouldParseAnApiSection() {
    ValidatorConfig c =
        parse(
            "{'genesis':'g.json','shard':1,'dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],"
                + "'devnet':{'seed':'0x0707','validatorsPerShard':4,'index':3},'api':{'host':'127.0.0.1','port':8645}}");
    assertThat(c.api()).contains(new ValidatorConfig.ApiSection("127.0.0.1", 8645));
  }

  @Test
  void shouldParseApiOperators() {
    ValidatorConfig c =
        parse(
            "{'genesis':'g.json','shard':1,'dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],"
                + "'devnet':{'seed':'0x0707','validatorsPerShard':4,'index':3},'api':{'host':'127.0.0.1','port':0,"
                + "'operators':['0x2c7536e3605d9c16a7a3d7b1898e529396a65c23']}}");
    assertThat(c.api().orElseThrow().operators())
        .extracting(a -> a.toBytes().toHex())
        .containsExactly("2c7536e3605d9c16a7a3d7b1898e529396a65c23");
  }

  @Test
  void shouldNameTheMultiaddrThatIsWrong() {
    String ok =
        "'genesis':'g.json','shard':1,'dataDir':'d','devnet':{'seed':'0x0707','validatorsPerShard':4,'index':3}";
    String peer = "12D3KooWGzEBSb2SsewnmguKxeVVGyXBcEZ2nxrJaSeEqdUwxQ9F";
    for (List<String> bad :
        List.of(
            List.of("'listen':['0.0.0.0:9000']", "'listen[0]' 0.0.0.0:9000: not a multiaddr"),
            List.of("'listen':['/dns4/node.example/tcp/9000']", "'listen[0]'"),
            List.of("'listen':['/ip4/300.0.0.1/tcp/9000']", "'listen[0]'"),
            List.of("'listen':['/ip4/0.0.0.0/tcp/70000']", "'listen[0]'"),
            List.of(
                "'listen':['/ip4/0.0.0.0/tcp/9000'],'bootnodes':['/ip4/10.0.0.1/tcp/9000']",
                "'bootnodes[0]' /ip4/10.0.0.1/tcp/9000: must end in /p2p/<peer id>"),
            List.of(
                "'listen':['/ip4/0.0.0.0/tcp/9000'],'bootnodes':['/ip4/10.0.0.1/tcp/9000/p2p/"
                    + peer
                    + "',"
                    + "'/ip4/10.0.0.2/tcp/9000/p2p/nope']",
                "'bootnodes[1]'"),
            List.of(
                "'listen':['/ip4/0.0.0.0/tcp/9000'],'api':{'host':'h','port':1,'operators':['0x12']}",
                "'api.operators[0]'"))) {
      assertThatThrownBy(() -> parse("{" + ok + "," + bad.get(0) + "}"))
          .as(bad.get(0))
          .isInstanceOf(NodeException.class)
          .hasMessageContaining(bad.get(1));
    }
  }

  @Test
  void shouldRejectABadApiSection() {
    String ok =
        "{'genesis':'g.json','shard':1,'dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],"
            + "'devnet':{'seed':'0x0707','validatorsPerShard':4,'index':3},'api':";
    for (List<String> bad :
        List.of(
            List.of(ok + "{'host':'127.0.0.1','port':8645,'tls':true}}", "unknown field 'api.tls'"),
            List.of(
                ok + "{'host':'127.0.0.1','port':65536}}",
                "'api.port' must be an integer in [0, 65535]"),
            List.of(ok + "{'host':'127.0.0.1','port':-1}}", "'api.port'"),
            List.of(ok + "{'host':'127.0.0.1','port':'80'}}", "'api.port'"),
            List.of(ok + "{'port':8645}}", "'api.host'"),
            List.of(ok + "8645}", "'api' must be an object"))) {
      assertThatThrownBy(() -> parse(bad.get(0)))
          .as(bad.get(0))
          .isInstanceOf(NodeException.class)
          .hasMessageContaining(bad.get(1));
    }
  }

  @Test
  void shouldNameTheFieldThatIsWrong() {
    String ok =
        "'genesis':'g.json','dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],'devnet':{'seed':'07','validatorsPerShard':4,'index':0}";
    for (List<String> bad :
        List.of(
            List.of("{" + ok + ",'shard':0,'extra':1}", "unknown field 'extra'"),
            List.of("{" + ok + "}", "'shard'"),
            List.of("{" + ok + ",'shard':-1}", "'shard'"),
            List.of("{" + ok + ",'shard':'1'}", "'shard'"),
            List.of(
                "{" + ok + ",'shard':0,'key':{'file':'k','passwordFile':'p'}}", "exactly one of"),
            List.of("{" + ok.replace("'index':0", "'index':4") + ",'shard':0}", "'index'"),
            List.of("{" + ok.replace("'07'", "'xyz'") + ",'shard':0}", "devnet.seed"),
            List.of("{" + ok.replace("['/ip4/127.0.0.1/tcp/0']", "[]") + ",'shard':0}", "listen"),
            List.of("{" + ok + ",'shard':0,'shard':1}", "JSON"),
            List.of("[1]", "JSON object"),
            List.of("{" + ok + ",'shard':0} trailing", "JSON"))) {
      assertThatThrownBy(() -> parse(bad.get(0)))
          .as(bad.get(0))
          .isInstanceOf(NodeException.class)
          .hasMessageContaining(bad.get(1));
    }
  }

  private static final String DEVNET =
      "'genesis':'g.json','shard':0,'dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],"
          + "'devnet':{'seed':'0707','validatorsPerShard':4,'index':1}";
  private static final String TIMINGS =
      "'blockIntervalMillis':250,'phaseTimeoutMillis':3000,"
          + "'viewChangeTimeoutMillis':4000,'maxTimeoutMillis':60000";

  @Test
  void shouldLeaveTimingsToGenesisWithoutAConsensusObject() {
    assertThat(parse("{" + DEVNET + "}").consensus()).isEmpty();
  }

  @Test
  void shouldParseTheConsensusTimings() {
    ValidatorConfig c = parse("{" + DEVNET + ",'consensus':{" + TIMINGS + "}}");
    assertThat(c.consensus()).contains(new ConsensusTimings(250, 3000, 4000, 60_000));
  }

  @Test
  void shouldNameTheConsensusFieldThatIsWrong() {
    for (List<String> bad :
        List.of(
            List.of("'consensus':7", "'consensus' must be an object"),
            List.of(
                "'consensus':{" + TIMINGS + ",'announceTimeoutMillis':1}",
                "unknown field 'consensus.announceTimeoutMillis'"),
            List.of(
                "'consensus':{" + TIMINGS.replace("'blockIntervalMillis':250,", "") + "}",
                "'consensus.blockIntervalMillis'"),
            List.of(
                "'consensus':{" + TIMINGS.replace("250", "'250'") + "}",
                "'consensus.blockIntervalMillis'"),
            List.of(
                "'consensus':{" + TIMINGS.replace("3000", "3000.5") + "}",
                "'consensus.phaseTimeoutMillis'"),
            List.of(
                "'consensus':{" + TIMINGS.replace("4000", "0") + "}",
                "'consensus.viewChangeTimeoutMillis'"),
            List.of(
                "'consensus':{" + TIMINGS.replace("60000", "-5") + "}",
                "'consensus.maxTimeoutMillis'"),
            List.of(
                "'consensus':{" + TIMINGS.replace("60000", "99999999999999999999") + "}",
                "'consensus.maxTimeoutMillis'"),
            List.of(
                "'consensus':{" + TIMINGS.replace("3000", "250") + "}",
                "'consensus.phaseTimeoutMillis' (250) must exceed"),
            List.of(
                "'consensus':{" + TIMINGS.replace("60000", "3500") + "}",
                "'consensus.maxTimeoutMillis' (3500)"))) {
      assertThatThrownBy(() -> parse("{" + DEVNET + "," + bad.get(0) + "}"))
          .as(bad.get(0))
          .isInstanceOf(NodeException.class)
          .hasMessageContaining(bad.get(1));
    }
  }

  @Test
  void shouldHandTheFileTimingsToTheShardsConsensusMachine() {
    DevnetGenesis.Devnet devnet =
        DevnetGenesis.generate(
            new DevnetGenesis.Spec(Bytes.fromHex("0707"), 1, 4, 0, 0, RateLimits.none()));
    ValidatorConfig c = parse("{" + DEVNET + ",'consensus':{" + TIMINGS + "}}");
    try (InMemoryNetwork net = new InMemoryNetwork()) {
      ShardNode node =
          ShardNodes.open(
              devnet.config(),
              0,
              devnet.validators().get(0).get(1),
              new InMemoryKeyValueStore(),
              net.endpoint("v1"),
              ValidatorNode.effectiveOptions(c, ShardNodes.Options.defaults()),
              Clock.systemUTC());
      ConsensusConfig used = node.setup().consensus();
      assertThat(
              List.of(
                  used.blockIntervalMillis(),
                  used.phaseTimeoutMillis(),
                  used.viewChangeTimeoutMillis(),
                  used.maxTimeoutMillis()))
          .containsExactly(250L, 3000L, 4000L, 60_000L);
      assertThat(used.shard()).isZero();
      assertThat(used.blocksPerLeader()).isEqualTo(devnet.config().leaderRotationBlocks());
    }
  }

  @Test
  void shouldKeepTheGenesisDerivedTimingsWithoutAConsensusObject() {
    DevnetGenesis.Devnet devnet =
        DevnetGenesis.generate(
            new DevnetGenesis.Spec(Bytes.fromHex("0707"), 1, 4, 0, 0, RateLimits.none()));
    ShardNodes.Options options =
        ValidatorNode.effectiveOptions(parse("{" + DEVNET + "}"), ShardNodes.Options.defaults());
    assertThat(options).isEqualTo(ShardNodes.Options.defaults());
    try (InMemoryNetwork net = new InMemoryNetwork()) {
      ShardNode node =
          ShardNodes.open(
              devnet.config(),
              0,
              devnet.validators().get(0).get(1),
              new InMemoryKeyValueStore(),
              net.endpoint("v1"),
              options,
              Clock.systemUTC());
      long blockTime = devnet.config().blockTimeMillis();
      assertThat(node.setup().consensus().blockIntervalMillis()).isEqualTo(blockTime);
      assertThat(node.setup().consensus().phaseTimeoutMillis()).isEqualTo(2 * blockTime + 2_000);
    }
  }
}
