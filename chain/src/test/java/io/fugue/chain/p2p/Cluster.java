package io.fugue.chain.p2p;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.testing.Await;
import io.fugue.chain.testing.Loopback;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Test helpers: fast loopback configs, hosts that close after the test, deadline-bound waits. */
final class Cluster implements AutoCloseable {
  static final String NETWORK = "it";
  static final Duration DEADLINE = Duration.ofSeconds(30);

  private final List<P2pHost> hosts = new ArrayList<>();

  static P2pConfig.Builder fastConfig() {
    return Loopback.tune(P2pConfig.builder().network(NETWORK));
  }

  P2pHost bootnode() {
    return track(P2pHost.start(fastConfig().asBootnode().build()));
  }

  P2pHost node(P2pHost boot) {
    return node(fastConfig().bootnode(boot.dialableAddress()));
  }

  P2pHost node(P2pConfig.Builder config) {
    return track(P2pHost.start(config.build()));
  }

  P2pHost node(P2pHost boot, Path keyPath) {
    return node(fastConfig().bootnode(boot.dialableAddress()).keyPath(keyPath));
  }

  P2pHost track(P2pHost host) {
    synchronized (hosts) {
      hosts.add(host);
    }
    return host;
  }

  /** Polls {@code condition} every 20 ms until it holds; fails the test at the deadline. */
  static void await(String what, BooleanSupplier condition) {
    await(what, DEADLINE, condition);
  }

  static void await(String what, Duration deadline, BooleanSupplier condition) {
    Await.until(what, deadline, condition);
  }

  /** Publishes once some peer is subscribed: gossipsub refuses a topic nobody has joined yet. */
  static Bytes publishWhenReady(P2pHost host, String topic, Bytes data) {
    Instant end = Instant.now().plus(DEADLINE);
    while (true) {
      try {
        return host.publish(topic, data);
      } catch (P2pException e) {
        if (!e.getMessage().contains("no peers subscribed") || Instant.now().isAfter(end)) {
          throw e;
        }
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    synchronized (hosts) {
      hosts.forEach(P2pHost::close);
      hosts.clear();
    }
  }
}
