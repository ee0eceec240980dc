package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncServerTest {
  private final DevnetGenesis.Devnet devnet =
      DevnetGenesis.generate(
          new DevnetGenesis.Spec(Bytes.of(new byte[] {2}), 1, 4, 1, 10, RateLimits.none()));

  @Test
  void shouldPenalizeAMalformedRequestButNotAnotherShardsRequest() throws Exception {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    Blockchain chain =
        Blockchain.open(
            store,
            devnet.config().chainConfig(),
            Genesis.forShard(devnet.config(), ShardId.of(0)),
            ModuleRegistry.builtInsOnly(),
            new SignerRewards(CommitteeSource.fixed(ShardNodes.committee(devnet.config(), 0))),
            Clock.systemUTC());
    try (InMemoryNetwork net = new InMemoryNetwork()) {
      ConsensusNetwork server = net.endpoint("server");
      ConsensusNetwork client = net.endpoint("client");
      server.onRequest(
          new SyncServer(0, chain, new ConsensusStore(store), SyncLimits.defaults(), server));
      ConsensusNetwork.Peer serverPeer = new ConsensusNetwork.Peer("server");

      Bytes garbage = Bytes.of(new byte[] {1, 2, 3});
      Bytes answer = client.request(serverPeer, garbage, Duration.ofSeconds(5)).get();
      assertThat(SyncCodec.decodeResponse(answer, SyncLimits.defaults()).blocks()).isEmpty();
      assertThat(net.penalties("client")).as("a malformed request is penalized").isEqualTo(1);

      Bytes otherShard = SyncCodec.encode(new SyncCodec.Request(7, 1, 4));
      client.request(serverPeer, otherShard, Duration.ofSeconds(5)).get();
      assertThat(net.penalties("client"))
          .as("a request for a shard we do not hold is not misbehaviour")
          .isEqualTo(1);
    }
  }
}
