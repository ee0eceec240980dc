package io.fugue.chain.testing;

import io.fugue.chain.p2p.P2pConfig;
import java.time.Duration;

/**
 * libp2p on 127.0.0.1 for integration tests: an ephemeral listen address and fast gossip settings.
 */
public final class Loopback {
  /** Listen on an ephemeral loopback port; the host reports the port it got. */
  public static final String LISTEN = "/ip4/127.0.0.1/tcp/0";

  private Loopback() {}

  /** A 100 ms gossip heartbeat and 500 ms Kademlia bootstrap, one worker thread per host. */
  public static P2pConfig.Builder tune(P2pConfig.Builder b) {
    return b.heartbeat(Duration.ofMillis(100))
        .bootstrapInterval(Duration.ofMillis(500))
        .workerThreads(1);
  }
}
