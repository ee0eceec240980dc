package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FanOutNetworkTest {
  /** What the fan-out subscribed on the endpoint below it: the last handler, and how often. */
  private static final class Capturing {
    final AtomicReference<ConsensusNetwork.GossipHandler> subscribed = new AtomicReference<>();
    int subscriptions;
  }

  private static ConsensusNetwork endpoint(Capturing r) {
    InMemoryNetwork net = new InMemoryNetwork();
    ConsensusNetwork real = net.endpoint("x");
    return new ConsensusNetwork() {
      @Override
      public void publish(int shard, Kind kind, Bytes payload) {
        real.publish(shard, kind, payload);
      }

      @Override
      public void subscribe(int shard, Kind kind, GossipHandler handler) {
        r.subscriptions++;
        r.subscribed.set(handler);
      }

      @Override
      public java.util.concurrent.CompletableFuture<Bytes> request(
          Peer peer, Bytes request, java.time.Duration timeout) {
        return real.request(peer, request, timeout);
      }

      @Override
      public void onRequest(RequestHandler handler) {
        real.onRequest(handler);
      }

      @Override
      public List<Peer> peers() {
        return real.peers();
      }

      @Override
      public void penalize(Peer peer, String reason) {
        real.penalize(peer, reason);
      }

      @Override
      public void close() {
        net.close();
      }
    };
  }

  @Test
  void shouldDeliverToEveryHandlerThroughOneSubscriptionAndReturnTheStrictestVerdict() {
    Capturing r = new Capturing();
    try (FanOutNetwork fan = new FanOutNetwork(endpoint(r))) {
      List<String> seen = new ArrayList<>();
      AtomicReference<ConsensusNetwork.Verdict> second =
          new AtomicReference<>(ConsensusNetwork.Verdict.IGNORE);
      fan.subscribe(
          0,
          ConsensusNetwork.Kind.BLOCKS,
          (from, p) -> {
            seen.add("a");
            return ConsensusNetwork.Verdict.ACCEPT;
          });
      fan.subscribe(
          0,
          ConsensusNetwork.Kind.BLOCKS,
          (from, p) -> {
            seen.add("b");
            return second.get();
          });
      assertThat(r.subscriptions).isEqualTo(1);
      ConsensusNetwork.Peer peer = new ConsensusNetwork.Peer("p");
      assertThat(r.subscribed.get().onMessage(peer, Bytes.EMPTY))
          .isEqualTo(ConsensusNetwork.Verdict.ACCEPT);
      second.set(ConsensusNetwork.Verdict.REJECT);
      assertThat(r.subscribed.get().onMessage(peer, Bytes.EMPTY))
          .isEqualTo(ConsensusNetwork.Verdict.REJECT);
      assertThat(seen).containsExactly("a", "b", "a", "b");
      fan.subscribe(
          1, ConsensusNetwork.Kind.CONSENSUS, (from, p) -> ConsensusNetwork.Verdict.IGNORE);
      assertThat(r.subscriptions).as("another channel subscribes on its own").isEqualTo(2);
      assertThat(r.subscribed.get().onMessage(peer, Bytes.EMPTY))
          .isEqualTo(ConsensusNetwork.Verdict.IGNORE);
    }
  }
}
