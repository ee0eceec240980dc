package io.fugue.chain.p2p;

import static io.fugue.chain.p2p.Cluster.await;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A node whose bootnode runs another network (another genesis networkId): identify still works
 * across networks, so the node sees the peer's protocol version, counts the mismatch and logs it,
 * instead of waiting silently for peers that never share a topic.
 */
class P2pNetworkMismatchIT {
  @Test
  void shouldCountAPeerOfAnotherNetwork() {
    try (P2pHost boot =
            P2pHost.start(P2pConfig.builder().network("fugue-devnet").asBootnode().build());
        P2pHost node =
            P2pHost.start(
                P2pConfig.builder()
                    .network("fugue-optest")
                    .bootnode(boot.dialableAddress())
                    .build());
        P2pHost same =
            P2pHost.start(
                P2pConfig.builder()
                    .network("fugue-devnet")
                    .bootnode(boot.dialableAddress())
                    .build())) {
      await(
          "the optest node to notice the devnet bootnode",
          () -> node.metrics().protocolMismatches() == 1);
      await(
          "the bootnode to notice the optest node", () -> boot.metrics().protocolMismatches() >= 1);
      await(
          "a node of the bootnode's network connected",
          () -> same.connectedPeers().contains(boot.peerId()));
      assertThat(same.metrics().protocolMismatches()).as("same network: no mismatch").isZero();
    }
  }
}
