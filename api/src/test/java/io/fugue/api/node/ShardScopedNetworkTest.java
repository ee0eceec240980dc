package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.node.ConsensusNetwork;
import io.fugue.chain.node.InMemoryNetwork;
import io.fugue.chain.primitives.Bytes;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShardScopedNetworkTest {
  @Test
  void shouldOfferForSyncOnlyPeersWhoseConsensusGossipOnItsShardWasAccepted() {
    try (InMemoryNetwork hub = new InMemoryNetwork()) {
      ShardScopedNetwork mine = new ShardScopedNetwork(hub.endpoint("a"), 1);
      ConsensusNetwork sameShard = hub.endpoint("b");
      ConsensusNetwork otherShard = hub.endpoint("c");
      var received = new CopyOnWriteArrayList<String>();
      mine.subscribe(
          1,
          ConsensusNetwork.Kind.CONSENSUS,
          (from, payload) -> {
            received.add(from.id());
            return from.id().equals("b")
                ? ConsensusNetwork.Verdict.ACCEPT
                : ConsensusNetwork.Verdict.REJECT;
          });
      assertThat(mine.peers()).isEmpty();
      sameShard.publish(1, ConsensusNetwork.Kind.CONSENSUS, Bytes.of((byte) 1));
      otherShard.publish(1, ConsensusNetwork.Kind.CONSENSUS, Bytes.of((byte) 2));
      otherShard.publish(2, ConsensusNetwork.Kind.CONSENSUS, Bytes.of((byte) 3));
      DevnetClient.await("both messages delivered", () -> received.size() == 2);
      assertThat(mine.peers()).extracting(ConsensusNetwork.Peer::id).containsExactly("b");
    }
  }
}
