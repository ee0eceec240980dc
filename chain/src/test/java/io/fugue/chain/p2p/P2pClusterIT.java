package io.fugue.chain.p2p;

import static io.fugue.chain.p2p.Cluster.await;
import static io.fugue.chain.p2p.Cluster.publishWhenReady;
import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One bootnode and five nodes on 127.0.0.1 in this JVM, shared by the tests. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class P2pClusterIT {
  private final Cluster cluster = new Cluster();
  private P2pHost boot;
  private List<P2pHost> nodes;
  private final Map<PeerId, List<String>> received = new ConcurrentHashMap<>();

  @BeforeAll
  void startCluster() {
    boot = cluster.bootnode();
    nodes =
        List.of(
            cluster.node(boot),
            cluster.node(boot),
            cluster.node(boot),
            cluster.node(boot),
            cluster.node(boot));
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  private static Bytes text(String s) {
    return Bytes.of(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(Bytes b) {
    return new String(b.toArray(), StandardCharsets.UTF_8);
  }

  /** A handler that records "topic|payload" per node and answers with {@code verdict}. */
  private GossipHandler recorder(
      P2pHost node, java.util.function.Function<String, GossipValidation> verdict) {
    PeerId id = node.peerId();
    return m -> {
      String payload = text(m.data());
      received
          .computeIfAbsent(id, k -> new CopyOnWriteArrayList<>())
          .add(m.topic() + "|" + payload);
      return verdict.apply(payload);
    };
  }

  private List<String> got(P2pHost node) {
    return received.getOrDefault(node.peerId(), List.of());
  }

  @Test
  void shouldDiscoverEveryNodeKnowingOnlyTheBootnode() {
    for (P2pHost node : nodes) {
      Set<PeerId> others = new HashSet<>();
      nodes.stream().filter(n -> n != node).forEach(n -> others.add(n.peerId()));
      await(
          node.peerId() + " connected to all others",
          () -> node.connectedPeers().containsAll(others));
      assertThat(node.config().bootnodes()).containsExactly(boot.dialableAddress());
    }
  }

  @Test
  void shouldDeliverAShardTopicToExactlyItsSubscribersOnceEach() {
    String shard1 = Topics.topic(Cluster.NETWORK, 1, Topics.Kind.BLOCKS);
    String shard2 = Topics.topic(Cluster.NETWORK, 2, Topics.Kind.BLOCKS);
    for (int i = 0; i < 5; i++) {
      P2pHost n = nodes.get(i);
      n.subscribe(i < 3 ? shard1 : shard2, recorder(n, p -> GossipValidation.accept()));
    }
    publishWhenReady(nodes.get(0), shard1, text("block-1"));
    await(
        "shard 1 subscribers got block-1",
        () ->
            got(nodes.get(1)).contains(shard1 + "|block-1")
                && got(nodes.get(2)).contains(shard1 + "|block-1"));
    // Messages published later on the same path: once they arrive, any duplicate of block-1
    // would have arrived too.
    publishWhenReady(nodes.get(0), shard1, text("block-2"));
    publishWhenReady(nodes.get(3), shard2, text("other-shard"));
    await(
        "later messages arrived",
        () ->
            got(nodes.get(1)).contains(shard1 + "|block-2")
                && got(nodes.get(2)).contains(shard1 + "|block-2")
                && got(nodes.get(4)).contains(shard2 + "|other-shard"));
    for (int i = 1; i < 3; i++) {
      assertThat(got(nodes.get(i))).filteredOn(s -> s.equals(shard1 + "|block-1")).hasSize(1);
    }
    assertThat(got(nodes.get(0))).doesNotContain(shard1 + "|block-1");
    for (int i = 3; i < 5; i++) {
      assertThat(got(nodes.get(i))).noneMatch(s -> s.startsWith(shard1));
    }
    assertThat(nodes.get(1).metrics().accepted()).isPositive();
  }

  @Test
  void shouldNotForwardAMessageJavaRejects() {
    String topic = Topics.topic(Cluster.NETWORK, 7, Topics.Kind.CONSENSUS);
    P2pHost origin = nodes.get(0);
    P2pHost relay = nodes.get(1);
    P2pHost target = nodes.get(2);
    origin.ban(target.peerId());
    target.ban(origin.peerId());
    try {
      await(
          "origin and target disconnected",
          () ->
              !origin.connectedPeers().contains(target.peerId())
                  && !target.connectedPeers().contains(origin.peerId()));
      origin.subscribe(topic, recorder(origin, p -> GossipValidation.accept()));
      relay.subscribe(
          topic,
          recorder(
              relay,
              p ->
                  p.startsWith("bad")
                      ? GossipValidation.reject("invalid block")
                      : GossipValidation.accept()));
      target.subscribe(topic, recorder(target, p -> GossipValidation.accept()));

      publishUntilReceived(origin, target, topic, "warmup");
      long rejectedBefore = relay.metrics().rejected();
      publishWhenReady(origin, topic, text("bad-1"));
      await("relay saw and rejected bad-1", () -> got(relay).contains(topic + "|bad-1"));
      publishUntilReceived(origin, target, topic, "after");

      assertThat(got(target)).noneMatch(s -> s.contains("bad-1"));
      assertThat(relay.metrics().rejected()).isGreaterThan(rejectedBefore);
    } finally {
      origin.unban(target.peerId());
      target.unban(origin.peerId());
    }
  }

  /** Publishes numbered messages until {@code to} has one: the relay mesh may still be forming. */
  private void publishUntilReceived(P2pHost from, P2pHost to, String topic, String prefix) {
    for (int i = 0; i < 100; i++) {
      String payload = prefix + "-" + i;
      publishWhenReady(from, topic, text(payload));
      try {
        await(
            payload + " reached " + to.peerId(),
            java.time.Duration.ofMillis(500),
            () -> got(to).stream().anyMatch(s -> s.startsWith(topic + "|" + prefix + "-")));
        return;
      } catch (AssertionError notYet) {
        // next message
      }
    }
    throw new AssertionError("no " + prefix + " message reached " + to.peerId());
  }

  @Test
  void shouldReturnAMultiMegabyteSyncResponseIntact() throws Exception {
    P2pHost server = nodes.get(3);
    P2pHost client = nodes.get(4);
    byte[] body = new byte[9 * 1024 * 1024 + 7];
    new java.util.Random(42).nextBytes(body);
    Bytes response = Bytes.of(body);
    server.onRequest(
        (from, req) ->
            CompletableFuture.completedFuture(
                text(req).equals("blocks 0..500") ? response : Bytes.EMPTY));
    await("client connected to server", () -> client.connectedPeers().contains(server.peerId()));

    Bytes answer = client.request(server.peerId(), text("blocks 0..500")).get(30, TimeUnit.SECONDS);

    assertThat(answer.size()).isEqualTo(body.length);
    assertThat(answer).isEqualTo(response);
    assertThat(client.metrics().responseBytesIn()).isGreaterThanOrEqualTo(body.length);
  }
}
