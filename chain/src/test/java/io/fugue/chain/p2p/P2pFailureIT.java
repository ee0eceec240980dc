package io.fugue.chain.p2p;

import static io.fugue.chain.p2p.Cluster.await;
import static io.fugue.chain.p2p.Cluster.publishWhenReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import io.fugue.nativelib.NativeException;
import io.fugue.nativelib.NativeP2p;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopped peers, restarts, shutdown edge cases and hostile input, each on a fresh small cluster.
 */
class P2pFailureIT {
  private Cluster cluster;
  private P2pHost boot;

  @BeforeEach
  void start() {
    cluster = new Cluster();
    boot = cluster.bootnode();
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private static Bytes filled(int size) {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return Bytes.of(b);
  }

  @Test
  void shouldFailARequestToAStoppedPeerWithAnEventBeforeTheDeadline() {
    P2pHost client = cluster.node(boot);
    P2pHost server = cluster.node(boot);
    PeerId serverId = server.peerId();
    await("connected", () -> client.connectedPeers().contains(serverId));
    server.close();
    await("disconnect seen", () -> !client.connectedPeers().contains(serverId));

    Duration deadline = Duration.ofSeconds(8);
    Instant sent = Instant.now();
    CompletableFuture<Bytes> reply = client.request(serverId, Bytes.of((byte) 1), deadline);

    assertThatThrownBy(() -> reply.get(deadline.toSeconds() + 2, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(P2pException.class)
        .hasMessageContaining("failed:");
    assertThat(Duration.between(sent, Instant.now())).isLessThan(deadline);
    assertThat(client.metrics().outboundRequestFailures()).isPositive();
  }

  @Test
  void shouldKeepItsPeerIdAndRejoinAfterARestart(@TempDir Path dir) {
    Path key = dir.resolve("node.key");
    P2pHost watcher = cluster.node(boot);
    P2pHost first = cluster.node(boot, key);
    PeerId id = first.peerId();
    await("watcher sees the node", () -> watcher.connectedPeers().contains(id));
    first.close();
    await("watcher sees it leave", () -> !watcher.connectedPeers().contains(id));

    P2pHost again = cluster.node(boot, key);
    assertThat(again.peerId()).isEqualTo(id);
    await("watcher sees it rejoin", () -> watcher.connectedPeers().contains(id));
    String topic = Topics.topic(Cluster.NETWORK, 3, Topics.Kind.TXS);
    List<String> got = new CopyOnWriteArrayList<>();
    again.subscribe(
        topic,
        m -> {
          got.add(new String(m.data().toArray(), java.nio.charset.StandardCharsets.UTF_8));
          return GossipValidation.accept();
        });
    publishWhenReady(
        watcher, topic, Bytes.of("tx".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    await("restarted node receives gossip", () -> got.contains("tx"));
  }

  @Test
  void shouldStopTwiceAndFailPendingRequestsOnClose() throws Exception {
    P2pHost silent = cluster.node(boot);
    silent.onRequest((from, req) -> new CompletableFuture<>()); // never answers
    P2pHost client = cluster.node(boot);
    await("connected", () -> client.connectedPeers().contains(silent.peerId()));
    CompletableFuture<Bytes> pending =
        client.request(silent.peerId(), Bytes.of((byte) 9), Duration.ofSeconds(60));

    Instant closing = Instant.now();
    client.close();
    client.close();

    assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(P2pException.class)
        .hasMessageContaining("closed");
    assertThat(Duration.between(closing, Instant.now())).isLessThan(Duration.ofSeconds(10));
    assertThat(client.state()).isEqualTo(P2pHost.State.STOPPED);
    assertThatThrownBy(() -> client.publish("/fugue/it/0/txs", Bytes.of((byte) 1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(client::start).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldReturnNullFromPollAndRefuseCommandsAfterStop() {
    long handle =
        NativeP2p.start(P2pWire.encodeConfig(Cluster.fastConfig().build()), NodeKey.generate());
    assertThat(NativeP2p.poll(handle, 1 << 20, 2_000)).isNotNull();
    assertThat(NativeP2p.stop(handle, 5_000)).isTrue();
    assertThat(NativeP2p.stop(handle, 5_000)).isFalse();
    assertThat(NativeP2p.poll(handle, 1 << 20, 10)).isNull();
    assertThatThrownBy(() -> NativeP2p.command(handle, new byte[] {P2pWire.OP_PEERS}))
        .isInstanceOf(NativeException.class);
    assertThat(NativeP2p.poll(-5, 1024, 0)).isNull();
  }

  @Test
  void shouldRefuseMalformedConfigAndKeyWithAnException() {
    byte[] config = P2pWire.encodeConfig(Cluster.fastConfig().build());
    assertThatThrownBy(() -> NativeP2p.start(new byte[] {1, 2, 3}, NodeKey.generate()))
        .isInstanceOf(NativeException.class)
        .hasMessageContaining("invalid argument");
    assertThatThrownBy(() -> NativeP2p.start(config, new byte[31]))
        .isInstanceOf(NativeException.class)
        .hasMessageContaining("32 bytes");
    byte[] trailing = java.util.Arrays.copyOf(config, config.length + 1);
    assertThatThrownBy(() -> NativeP2p.start(trailing, NodeKey.generate()))
        .isInstanceOf(NativeException.class);
  }

  @Test
  void shouldStopAnAbandonedHostThroughTheCleaner() {
    String address = abandonedHostAddress();
    String[] parts = address.split("/");
    await(
        "abandoned host's port closed",
        () -> {
          System.gc();
          try (Socket probe = new Socket(parts[2], Integer.parseInt(parts[4]))) {
            return false;
          } catch (java.io.IOException refused) {
            return true;
          }
        });
  }

  /** Starts a host and drops every reference to it without closing it. */
  private static String abandonedHostAddress() {
    P2pHost host = P2pHost.start(Cluster.fastConfig().build());
    return host.listenAddresses().get(0);
  }

  @Test
  void shouldDropAndCountOversizeAndMalformedInputWithoutCrashing() throws Exception {
    P2pLimits small =
        P2pLimits.defaults().withMaxGossipBytes(64 * 1024).withMaxRequestBytes(64 * 1024);
    P2pHost strict =
        cluster.node(Cluster.fastConfig().bootnode(boot.dialableAddress()).limits(small));
    P2pHost sender = cluster.node(boot);
    String topic = Topics.topic(Cluster.NETWORK, 8, Topics.Kind.BLOCKS);
    List<Integer> sizes = new CopyOnWriteArrayList<>();
    strict.subscribe(
        topic,
        m -> {
          if (m.data().size() == 3) {
            throw new IllegalArgumentException("undecodable block"); // a malformed payload
          }
          sizes.add(m.data().size());
          return GossipValidation.accept();
        });
    sender.subscribe(topic, m -> GossipValidation.accept());

    publishWhenReady(sender, topic, filled(100 * 1024));
    await("oversize message counted", () -> strict.metrics().gossipOversizeDropped() >= 1);
    publishWhenReady(sender, topic, filled(3));
    await("malformed payload rejected", () -> strict.metrics().handlerErrors() >= 1);
    publishWhenReady(sender, topic, filled(1000));
    await("normal message still delivered", () -> sizes.contains(1000));
    assertThat(sizes).containsExactly(1000);
    assertThat(strict.metrics().rejected()).isGreaterThanOrEqualTo(1);

    assertThatThrownBy(() -> strict.publish(topic, filled(65 * 1024)))
        .isInstanceOf(P2pException.class)
        .hasMessageContaining("exceeds the gossip limit");

    strict.onRequest((from, req) -> CompletableFuture.completedFuture(req));
    CompletableFuture<Bytes> tooBig = sender.request(strict.peerId(), filled(200 * 1024));
    assertThatThrownBy(() -> tooBig.get(20, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(P2pException.class);
    await("oversize request counted", () -> strict.metrics().inboundRequestFailures() >= 1);

    long errorsBefore = strict.metrics().connectionErrors();
    sendGarbage(strict.listenAddresses().get(0));
    await("garbage connection counted", () -> strict.metrics().connectionErrors() > errorsBefore);
    assertThatThrownBy(() -> strict.addPeer("/ip4/127.0.0.1/tcp/1"))
        .isInstanceOf(P2pException.class);
    assertThatThrownBy(() -> strict.dial("not a multiaddr")).isInstanceOf(P2pException.class);

    Bytes echo = sender.request(strict.peerId(), filled(10)).get(20, TimeUnit.SECONDS);
    assertThat(echo).isEqualTo(filled(10));
  }

  @Test
  void shouldGraylistAndThenDisconnectAGarbageSpammerWhileHonestPeersStay() {
    P2pHost victim = cluster.node(boot);
    P2pHost honest = cluster.node(boot);
    P2pHost spammer = cluster.node(boot);
    String topic = Topics.topic(Cluster.NETWORK, 9, Topics.Kind.CONSENSUS);
    GossipHandler validator =
        m ->
            m.data().size() == 1
                ? GossipValidation.accept()
                : GossipValidation.reject("not a consensus message");
    victim.subscribe(topic, validator);
    honest.subscribe(topic, validator);
    spammer.subscribe(topic, m -> GossipValidation.accept());
    PeerId spammerId = spammer.peerId();
    PeerId honestId = honest.peerId();
    await(
        "victim connected to both",
        () -> victim.connectedPeers().containsAll(List.of(spammerId, honestId)));

    publishWhenReady(honest, topic, Bytes.of((byte) 1));
    await("honest message accepted", () -> victim.metrics().accepted() >= 1);

    // Garbage until the spammer's score falls: below the gossip threshold first (observed here),
    // then below the graylist, where the victim's sweep bans and disconnects it.
    Random random = new Random(11);
    Double lowest = 0.0;
    Instant deadline = Instant.now().plus(Cluster.DEADLINE);
    while (victim.connectedPeers().contains(spammerId) && Instant.now().isBefore(deadline)) {
      try {
        spammer.publish(topic, filled(100 + random.nextInt(1000)));
      } catch (P2pException e) {
        // no subscribed peer left: the spammer was cut off
      }
      Double score = victim.peerScores().get(spammerId);
      if (score != null) {
        lowest = Math.min(lowest, score);
      }
      Cluster.pause();
    }
    await("spammer disconnected", () -> !victim.connectedPeers().contains(spammerId));
    assertThat(lowest).as("score seen before the ban").isLessThan(0.0);
    P2pMetrics m = victim.metrics();
    assertThat(m.bans()).isGreaterThanOrEqualTo(1);
    assertThat(m.bannedPeers()).isGreaterThanOrEqualTo(1);
    assertThat(m.verdictsByTopic().get(topic).rejected()).isGreaterThanOrEqualTo(1);
    assertThat(m.verdictsByTopic().get(topic).accepted()).isGreaterThanOrEqualTo(1);

    // The ban holds: the spammer cannot come back, the honest peer is untouched.
    spammer.dial(victim.dialableAddress());
    publishWhenReady(honest, topic, Bytes.of((byte) 2));
    await("second honest message accepted", () -> victim.metrics().accepted() >= 2);
    assertThat(victim.connectedPeers()).contains(honestId).doesNotContain(spammerId);
    assertThat(victim.peerScores().get(honestId)).isGreaterThanOrEqualTo(0.0);
  }

  @Test
  void shouldBanAPeerReportedForRepeatedInvalidSyncRequests() throws Exception {
    P2pHost server = cluster.node(boot);
    P2pHost abuser = cluster.node(boot);
    PeerId abuserId = abuser.peerId();
    server.onRequest(
        (from, req) -> {
          server.penalize(from); // what a sync server does with a malformed request
          return null;
        });
    await("connected", () -> server.connectedPeers().contains(abuserId));
    for (int i = 0; i < 10 && server.connectedPeers().contains(abuserId); i++) {
      CompletableFuture<Bytes> r =
          abuser.request(server.peerId(), Bytes.of((byte) i), Duration.ofSeconds(5));
      assertThatThrownBy(() -> r.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }
    await("abuser banned", () -> !server.connectedPeers().contains(abuserId));
    assertThat(server.metrics().penalties()).isEqualTo(10);
    assertThat(server.metrics().bans()).isEqualTo(1);
    assertThat(server.connectedPeers()).contains(boot.peerId());
  }

  private static void sendGarbage(String multiaddr) throws Exception {
    String[] parts = multiaddr.split("/"); // /ip4/127.0.0.1/tcp/PORT
    try (Socket socket = new Socket(parts[2], Integer.parseInt(parts[4]))) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      byte[] junk = new byte[4096];
      new Random(7).nextBytes(junk);
      out.write(junk);
      out.flush();
      // The host closes (or resets) the connection once negotiation fails.
      while (socket.getInputStream().read(new byte[1024]) >= 0) {
        // drain until closed
      }
    } catch (java.net.SocketException reset) {
      // a reset is the host refusing the garbage: expected
    }
  }
}
