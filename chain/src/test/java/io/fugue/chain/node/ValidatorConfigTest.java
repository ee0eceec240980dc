package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorConfigTest {
  private static final Path BASE = Path.of("/etc/fugue");

  private static ValidatorConfig parse(String json) {
    return ValidatorConfig.parse(json.replace('\'', '"'), BASE);
  }

  @Test
  void shouldParseAKeyFileConfigAndResolvePathsAgainstTheConfigDirectory() {
    ValidatorConfig c = parse("{'genesis':'genesis.json','shard':1,'dataDir':'/var/lib/fugue','listen':['/ip4/0.0.0.0/tcp/9000'],"
        + "'bootnodes':['/ip4/10.0.0.1/tcp/9000/p2p/12D3KooW'],'key':{'file':'v.key','passwordFile':'pw'}}");
    assertThat(c.genesis()).isEqualTo(BASE.resolve("genesis.json"));
    assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/fugue"));
    assertThat(c.shard()).isEqualTo(1);
    assertThat(c.bootnodes()).hasSize(1);
    assertThat(c.key()).isEqualTo(new ValidatorConfig.KeyFileSource(BASE.resolve("v.key"), BASE.resolve("pw")));
  }

  @Test
  void shouldParseADevnetKeyWithoutBootnodes() {
    ValidatorConfig c = parse("{'genesis':'g.json','shard':0,'dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],"
        + "'devnet':{'seed':'0x0707','validatorsPerShard':4,'index':3}}");
    assertThat(c.key()).isEqualTo(new ValidatorConfig.DevnetKeySource(Bytes.fromHex("0x0707"), 4, 3));
    assertThat(c.bootnodes()).isEmpty();
    assertThat(c.api()).isEmpty();
  }

  @Test
  void shouldParseAnApiSection() {
    ValidatorConfig c = parse("{'genesis':'g.json','shard':1,'dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],"
        + "'devnet':{'seed':'0x0707','validatorsPerShard':4,'index':3},'api':{'host':'127.0.0.1','port':8645}}");
    assertThat(c.api()).contains(new ValidatorConfig.ApiSection("127.0.0.1", 8645));
  }

  @Test
  void shouldRejectABadApiSection() {
    String ok = "{'genesis':'g.json','shard':1,'dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],"
        + "'devnet':{'seed':'0x0707','validatorsPerShard':4,'index':3},'api':";
    for (List<String> bad : List.of(
        List.of(ok + "{'host':'127.0.0.1','port':8645,'tls':true}}", "unknown field 'api.tls'"),
        List.of(ok + "{'host':'127.0.0.1','port':65536}}", "'api.port' must be an integer in [0, 65535]"),
        List.of(ok + "{'host':'127.0.0.1','port':-1}}", "'api.port'"),
        List.of(ok + "{'host':'127.0.0.1','port':'80'}}", "'api.port'"),
        List.of(ok + "{'port':8645}}", "'api.host'"),
        List.of(ok + "8645}", "'api' must be an object"))) {
      assertThatThrownBy(() -> parse(bad.get(0))).as(bad.get(0)).isInstanceOf(NodeException.class)
          .hasMessageContaining(bad.get(1));
    }
  }

  @Test
  void shouldNameTheFieldThatIsWrong() {
    String ok = "'genesis':'g.json','dataDir':'d','listen':['/ip4/127.0.0.1/tcp/0'],'devnet':{'seed':'07','validatorsPerShard':4,'index':0}";
    for (List<String> bad : List.of(
        List.of("{" + ok + ",'shard':0,'extra':1}", "unknown field 'extra'"),
        List.of("{" + ok + "}", "'shard'"),
        List.of("{" + ok + ",'shard':-1}", "'shard'"),
        List.of("{" + ok + ",'shard':'1'}", "'shard'"),
        List.of("{" + ok + ",'shard':0,'key':{'file':'k','passwordFile':'p'}}", "exactly one of"),
        List.of("{" + ok.replace("'index':0", "'index':4") + ",'shard':0}", "'index'"),
        List.of("{" + ok.replace("'07'", "'xyz'") + ",'shard':0}", "devnet.seed"),
        List.of("{" + ok.replace("['/ip4/127.0.0.1/tcp/0']", "[]") + ",'shard':0}", "listen"),
        List.of("{" + ok + ",'shard':0,'shard':1}", "JSON"),
        List.of("[1]", "JSON object"),
        List.of("{" + ok + ",'shard':0} trailing", "JSON"))) {
      assertThatThrownBy(() -> parse(bad.get(0))).as(bad.get(0)).isInstanceOf(NodeException.class)
          .hasMessageContaining(bad.get(1));
    }
  }
}
