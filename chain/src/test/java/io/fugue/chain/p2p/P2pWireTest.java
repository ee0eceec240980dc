package io.fugue.chain.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class P2pWireTest {
  private static final String PEER = "12D3KooWGjSE7eCu5f1Pa8pGxscmoEcdQ5BRMGqbyMvL2dhrPCS5";

  private static byte[] record(int tag, byte[] body) {
    return new P2pWire.Writer().u8(tag).bytes(body).toArray();
  }

  @Test
  void shouldDecodeAGossipAndAResponseRecord() {
    byte[] gossip =
        new P2pWire.Writer()
            .bytes(new byte[] {1, 2})
            .string(PEER)
            .string(PEER)
            .string("/fugue/it/1/blocks")
            .bytes(new byte[] {9})
            .toArray();
    byte[] response = new P2pWire.Writer().u64(5).string(PEER).bytes(new byte[] {7, 7}).toArray();
    byte[] batch =
        Bytes.concat(Bytes.of(record(5, gossip)), Bytes.of(record(7, response))).toArray();

    List<P2pEvent> events = P2pWire.decodeEvents(batch);

    assertThat(events).hasSize(2);
    P2pEvent.Gossip g = (P2pEvent.Gossip) events.get(0);
    assertThat(g.message().topic()).isEqualTo("/fugue/it/1/blocks");
    assertThat(g.message().source()).isEqualTo(PeerId.of(PEER));
    assertThat(events.get(1))
        .isEqualTo(new P2pEvent.Response(5, PeerId.of(PEER), Bytes.of((byte) 7, (byte) 7)));
  }

  @Test
  void shouldReportTheReasonWhenTheNativeHostFails() {
    byte[] failed = record(10, new P2pWire.Writer().string("swarm task panicked: boom").toArray());
    List<P2pEvent> events = P2pWire.decodeEvents(failed);
    assertThat(events).containsExactly(new P2pEvent.HostFailed("swarm task panicked: boom"));

    EventPump pump =
        new EventPump(
            new NativeHost.Handle(0, PeerId.of(PEER)),
            new PendingRequests(),
            new P2pMetrics.Local(),
            "fugue-test");
    assertThat(pump.failure.get()).isNull();
    pump.dispatch(events.get(0));
    assertThat(pump.failure.get()).isEqualTo("swarm task panicked: boom");
  }

  @Test
  void shouldRejectTruncatedUnknownAndTrailingRecords() {
    byte[] listen = record(1, new P2pWire.Writer().string("/ip4/127.0.0.1/tcp/1").toArray());
    byte[] truncated = java.util.Arrays.copyOf(listen, listen.length - 1);
    assertThatThrownBy(() -> P2pWire.decodeEvents(truncated)).isInstanceOf(P2pException.class);
    assertThatThrownBy(() -> P2pWire.decodeEvents(record(99, new byte[0])))
        .isInstanceOf(P2pException.class);
    byte[] trailing = record(9, new P2pWire.Writer().u64(1).u8(0).toArray());
    assertThatThrownBy(() -> P2pWire.decodeEvents(trailing)).isInstanceOf(P2pException.class);
    byte[] hugeLength = new P2pWire.Writer().u8(1).u32(0xffff_fff0L).toArray();
    assertThatThrownBy(() -> P2pWire.decodeEvents(hugeLength)).isInstanceOf(P2pException.class);
  }

  @Test
  void shouldEncodeTheConfigInTheNativeFieldOrder() {
    byte[] encoded = P2pWire.encodeConfig(P2pConfig.defaults());
    assertThat(encoded[0]).isEqualTo(P2pWire.CONFIG_VERSION);
    // version, "devnet", kad flag, 1 listen address, 0 bootnodes, 15 u32 fields
    int expected = 1 + (4 + 6) + 1 + (4 + 4 + "/ip4/127.0.0.1/tcp/0".length()) + 4 + 15 * 4;
    assertThat(encoded).hasSize(expected);
  }

  @Test
  void shouldBuildTopicAndProtocolNames() {
    assertThat(Topics.topic("main", 3, Topics.Kind.CONSENSUS)).isEqualTo("/fugue/main/3/consensus");
    assertThat(Topics.syncProtocol("main")).isEqualTo("/fugue/main/sync/1");
    assertThat(Topics.kadProtocol("main")).isEqualTo("/fugue/main/kad/1.0.0");
    assertThatThrownBy(() -> Topics.topic("a/b", 0, Topics.Kind.TXS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseInvalidConfigAndLimits() {
    assertThatThrownBy(() -> P2pConfig.builder().workerThreads(3).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> P2pLimits.defaults().withMaxGossipBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> P2pConfig.builder().asBootnode().kadServer(false).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PeerId.of("0OIl")).isInstanceOf(IllegalArgumentException.class);
  }
}
