package io.fugue.chain.p2p;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link P2pHost} starts: its network name (part of every protocol id and topic), listen
 * multiaddrs, bootnode multiaddrs ({@code .../p2p/<peer id>}), the node key file, whether Kademlia
 * serves others, limits and timings. {@link #defaults()} listens on an OS-chosen loopback port.
 *
 * @param keyPath the ed25519 node key file, created on first start; empty for a fresh key per start
 *     (a new peer id each time, for tests and tools)
 * @param kadServer serve Kademlia queries, so that others can find this node; nodes of a validator
 *     network and bootnodes do; a node that others cannot dial (behind NAT) should not
 * @param bootnode bootnode mode: a Kademlia server that joins no topics
 */
public record P2pConfig(
    String network,
    List<String> listenAddresses,
    List<String> bootnodes,
    Optional<Path> keyPath,
    boolean kadServer,
    boolean bootnode,
    P2pLimits limits,
    Duration requestTimeout,
    Duration heartbeat,
    Duration bootstrapInterval,
    Duration idleTimeout,
    int workerThreads) {

  public P2pConfig {
    checkNetworkName(network);
    listenAddresses = List.copyOf(listenAddresses);
    bootnodes = List.copyOf(bootnodes);
    Objects.requireNonNull(keyPath, "keyPath");
    Objects.requireNonNull(limits, "limits");
    for (Duration d : List.of(requestTimeout, heartbeat, bootstrapInterval, idleTimeout)) {
      if (d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("durations must be positive and fit in int millis");
      }
    }
    if (heartbeat.toMillis() < 10) {
      throw new IllegalArgumentException("heartbeat must be at least 10 ms");
    }
    if (workerThreads < 1 || workerThreads > 2) {
      throw new IllegalArgumentException("workerThreads must be 1 or 2");
    }
    if (bootnode && !kadServer) {
      throw new IllegalArgumentException("a bootnode must serve Kademlia");
    }
  }

  /** Loopback, OS-chosen port, network {@code devnet}, a fresh key, default limits. */
  public static P2pConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.network = network;
    b.listen = new ArrayList<>(listenAddresses);
    b.bootnodes = new ArrayList<>(bootnodes);
    b.keyPath = keyPath.orElse(null);
    b.kadServer = kadServer;
    b.bootnode = bootnode;
    b.limits = limits;
    b.requestTimeout = requestTimeout;
    b.heartbeat = heartbeat;
    b.bootstrapInterval = bootstrapInterval;
    b.idleTimeout = idleTimeout;
    b.workerThreads = workerThreads;
    return b;
  }

  static String checkNetworkName(String network) {
    Objects.requireNonNull(network, "network");
    if (network.isEmpty() || network.length() > 64 || !network.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("network name must be 1-64 letters, digits or '-'");
    }
    return network;
  }

  /** Builds a {@link P2pConfig}; unset fields keep the {@link #defaults()} values. */
  public static final class Builder {
    private String network = "devnet";
    private List<String> listen = new ArrayList<>(List.of("/ip4/127.0.0.1/tcp/0"));
    private List<String> bootnodes = new ArrayList<>();
    private Path keyPath;
    private boolean kadServer = true;
    private boolean bootnode;
    private P2pLimits limits = P2pLimits.defaults();
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration heartbeat = Duration.ofSeconds(1);
    private Duration bootstrapInterval = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofSeconds(60);
    private int workerThreads = 2;

    private Builder() {}

    public Builder network(String network) {
      this.network = network;
      return this;
    }

    /** Replaces the listen addresses, e.g. {@code /ip4/0.0.0.0/tcp/9000}. */
    public Builder listen(String... multiaddrs) {
      this.listen = new ArrayList<>(List.of(multiaddrs));
      return this;
    }

    public Builder bootnode(String multiaddrWithPeerId) {
      this.bootnodes.add(multiaddrWithPeerId);
      return this;
    }

    public Builder bootnodes(List<String> multiaddrs) {
      this.bootnodes = new ArrayList<>(multiaddrs);
      return this;
    }

    public Builder keyPath(Path keyPath) {
      this.keyPath = keyPath;
      return this;
    }

    public Builder kadServer(boolean kadServer) {
      this.kadServer = kadServer;
      return this;
    }

    /** Bootnode mode: serve Kademlia, join no topics. */
    public Builder asBootnode() {
      this.bootnode = true;
      this.kadServer = true;
      return this;
    }

    public Builder limits(P2pLimits limits) {
      this.limits = limits;
      return this;
    }

    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = timeout;
      return this;
    }

    /** Gossipsub heartbeat; 100-200 ms suits tests, 1 s (the default) production. */
    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = heartbeat;
      return this;
    }

    public Builder bootstrapInterval(Duration interval) {
      this.bootstrapInterval = interval;
      return this;
    }

    public Builder idleTimeout(Duration timeout) {
      this.idleTimeout = timeout;
      return this;
    }

    public Builder workerThreads(int threads) {
      this.workerThreads = threads;
      return this;
    }

    public P2pConfig build() {
      return new P2pConfig(
          network,
          listen,
          bootnodes,
          Optional.ofNullable(keyPath),
          kadServer,
          bootnode,
          limits,
          requestTimeout,
          heartbeat,
          bootstrapInterval,
          idleTimeout,
          workerThreads);
    }
  }
}
