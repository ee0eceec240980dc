package io.fugue.chain.p2p;

import io.fugue.chain.primitives.Bytes;
import io.fugue.nativelib.NativeP2p;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gossip latency and throughput across 6 hosts on loopback (1 publisher, 5 subscribers, one topic,
 * one JVM), and the JNI poll cost per message. Not a test: run it by hand, see docs/benchmarks.md.
 */
public final class P2pBench {
  private static final int SUBSCRIBERS = 5;

  public static void main(String[] args) throws Exception {
    System.out.println("size,phase,messages,p50_us,p99_us,msgs_per_s,mb_per_s");
    for (int size : new int[] {1024, 256 * 1024}) {
      runGossip(size, size == 1024 ? 2000 : 100, size == 1024 ? 5000 : 200);
    }
    pollOverhead(20_000);
  }

  private static P2pConfig.Builder config() {
    // Rate limiting off: the benchmark measures the transport, not the per-peer limit.
    return Cluster.fastConfig().workerThreads(2).limits(P2pLimits.defaults().withPeerRate(0, 0));
  }

  private static void runGossip(int size, int latencyMessages, int burstMessages) throws Exception {
    String topic = Topics.topic(Cluster.NETWORK, 1, Topics.Kind.BLOCKS);
    try (Cluster cluster = new Cluster()) {
      P2pHost publisher = cluster.node(config());
      List<P2pHost> subs = new ArrayList<>();
      ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
      AtomicLong delivered = new AtomicLong();
      for (int i = 0; i < SUBSCRIBERS; i++) {
        P2pHost s = cluster.node(config().bootnode(publisher.dialableAddress()));
        s.subscribe(
            topic,
            m -> {
              long sent = ByteBuffer.wrap(m.data().toArray(), 8, 8).getLong();
              latencies.add(System.nanoTime() - sent);
              delivered.incrementAndGet();
              return GossipValidation.accept();
            });
        subs.add(s);
      }
      publisher.subscribe(topic, m -> GossipValidation.accept());
      for (P2pHost s : subs) {
        Cluster.await(
            "subscriber connected", () -> publisher.connectedPeers().contains(s.peerId()));
      }
      Cluster.publishWhenReady(publisher, topic, payload(size, -1));
      Cluster.await("warm-up delivered", () -> delivered.get() >= SUBSCRIBERS);
      Thread.sleep(1000); // let meshes settle after the warm-up before measuring

      latencies.clear();
      delivered.set(0);
      long pace = size == 1024 ? 2_000_000L : 20_000_000L;
      for (int i = 0; i < latencyMessages; i++) {
        long next = System.nanoTime() + pace;
        publish(publisher, topic, payload(size, i));
        while (System.nanoTime() < next) {
          Thread.onSpinWait();
        }
      }
      long want = (long) latencyMessages * SUBSCRIBERS;
      Cluster.await("paced messages delivered", () -> delivered.get() >= want);
      long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      report(size, "paced", latencyMessages, sorted, 0, 0);

      latencies.clear();
      delivered.set(0);
      long start = System.nanoTime();
      for (int i = 0; i < burstMessages; i++) {
        publish(publisher, topic, payload(size, i));
      }
      long wantAll = (long) burstMessages * SUBSCRIBERS;
      Cluster.await("burst delivered", () -> delivered.get() >= wantAll);
      double seconds = (System.nanoTime() - start) / 1e9;
      long[] burst = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
      double perSec = burstMessages / seconds;
      report(size, "burst", burstMessages, burst, perSec, perSec * size / 1e6);
      System.out.printf(
          Locale.ROOT,
          "# %d B: dropped events %d, rate-limited %d%n",
          size,
          subs.stream().mapToLong(s -> s.metrics().eventsDropped()).sum(),
          subs.stream().mapToLong(s -> s.metrics().rateLimitedDropped()).sum());
    }
  }

  /** Publishes, waiting while gossipsub's per-peer send queues are full (backpressure). */
  private static void publish(P2pHost host, String topic, Bytes data) {
    while (true) {
      try {
        host.publish(topic, data);
        return;
      } catch (P2pException e) {
        if (!e.getMessage().contains("AllQueuesFull")) {
          throw e;
        }
        Thread.yield();
      }
    }
  }

  private static Bytes payload(int size, long seq) {
    ByteBuffer b = ByteBuffer.allocate(size);
    b.putLong(seq).putLong(System.nanoTime());
    return Bytes.of(b.array());
  }

  private static void report(
      int size, String phase, int n, long[] sorted, double perSec, double mb) {
    System.out.printf(
        Locale.ROOT,
        "%d,%s,%d,%.0f,%.0f,%.0f,%.1f%n",
        size,
        phase,
        n,
        sorted[sorted.length / 2] / 1e3,
        sorted[(int) (sorted.length * 0.99)] / 1e3,
        perSec,
        mb);
  }

  /**
   * Lets {@code n} 1 KB messages queue up in a receiver that is not polled, then times draining
   * them: the JNI poll (copying batches into Java) alone, and poll plus decoding into events.
   */
  private static void pollOverhead(int n) throws Exception {
    String topic = Topics.topic(Cluster.NETWORK, 2, Topics.Kind.TXS);
    try (Cluster cluster = new Cluster()) {
      P2pHost publisher = cluster.node(config());
      publisher.subscribe(topic, m -> GossipValidation.accept());
      P2pConfig rc = config().bootnode(publisher.dialableAddress()).build();
      for (boolean decode : new boolean[] {false, true}) {
        long handle = NativeP2p.start(P2pWire.encodeConfig(rc), NodeKey.generate());
        try {
          NativeP2p.command(handle, P2pWire.command(P2pWire.OP_SUBSCRIBE).string(topic).toArray());
          drain(handle, Integer.MAX_VALUE, false, 300); // connection events
          Cluster.publishWhenReady(publisher, topic, payload(1024, -1));
          Cluster.await("receiver got warm-up", () -> NativeP2p.stats(handle)[1] >= 1);
          drain(handle, Integer.MAX_VALUE, false, 100);
          for (int i = 0; i < n; i++) {
            publish(publisher, topic, payload(1024, i));
          }
          Cluster.await(
              "all queued", Duration.ofSeconds(60), () -> NativeP2p.stats(handle)[1] >= n + 1);
          long start = System.nanoTime();
          long events = drain(handle, n, decode, 0);
          double perMessage = (System.nanoTime() - start) / (double) events;
          System.out.printf(
              Locale.ROOT,
              "# JNI poll%s per 1 KB message: %.0f ns (%d messages)%n",
              decode ? " + decode" : "",
              perMessage,
              events);
        } finally {
          NativeP2p.stop(handle, 5_000);
        }
      }
    }
  }

  /** Polls until {@code wanted} gossip records were drained or a poll comes back empty. */
  private static long drain(long handle, int wanted, boolean decode, int timeoutMs) {
    long gossip = 0;
    while (gossip < wanted) {
      byte[] batch = NativeP2p.poll(handle, 1 << 20, timeoutMs);
      if (batch == null || batch.length == 0) {
        break;
      }
      gossip += decode ? countDecoded(batch) : countRecords(batch);
    }
    return gossip;
  }

  private static long countDecoded(byte[] batch) {
    return P2pWire.decodeEvents(batch).stream().filter(e -> e instanceof P2pEvent.Gossip).count();
  }

  /** Walks the TLV headers only, so the timing excludes Java-side decoding. */
  private static long countRecords(byte[] batch) {
    ByteBuffer b = ByteBuffer.wrap(batch);
    long count = 0;
    while (b.hasRemaining()) {
      int tag = b.get();
      int len = b.getInt();
      b.position(b.position() + len);
      count += tag == 5 ? 1 : 0;
    }
    return count;
  }

  private P2pBench() {}
}
