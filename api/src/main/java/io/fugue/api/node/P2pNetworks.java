package io.fugue.api.node;

import io.fugue.chain.node.ConsensusNetwork;
import io.fugue.chain.node.P2pConsensusNetwork;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Real libp2p on 127.0.0.1: one bootnode (Kademlia server, no topics) and one host per validator
 * that dials it, each on an OS-chosen TCP port, scoped to its shard for block sync ({@link
 * ShardScopedNetwork}). Validator hosts keep their node keys under their data directories, so a
 * restarted devnet has the same peer ids. Each endpoint owns its host (the validator closes it when
 * it stops); {@link #close} closes the bootnode.
 */
public final class P2pNetworks implements ValidatorNetworks {
  /**
   * Kademlia's periodic re-bootstrap. Each host bootstraps once as it starts, and every later host
   * dials the earlier ones, so the devnet's fixed set of hosts needs no random walk every second.
   */
  static final Duration BOOTSTRAP_INTERVAL = Duration.ofSeconds(10);

  private final String network;
  private final Path dataDir;
  private final Duration heartbeat;
  private final P2pHost bootnode;

  public P2pNetworks(String network, Path dataDir, Duration heartbeat) {
    this.network = Objects.requireNonNull(network, "network");
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    this.bootnode =
        P2pHost.start(base().asBootnode().keyPath(dataDir.resolve("bootnode.key")).build());
  }

  private P2pConfig.Builder base() {
    return P2pConfig.builder()
        .network(network)
        .listen("/ip4/127.0.0.1/tcp/0")
        .heartbeat(heartbeat)
        .bootstrapInterval(BOOTSTRAP_INTERVAL)
        .workerThreads(1);
  }

  @Override
  public ConsensusNetwork endpoint(int shard, int index) {
    Path key = DevnetLayout.validatorDir(dataDir, shard, index).resolve("node.key");
    P2pHost host = P2pHost.start(base().bootnode(bootnode.dialableAddress()).keyPath(key).build());
    return new ShardScopedNetwork(new P2pConsensusNetwork(host, network), shard);
  }

  @Override
  public String describe() {
    return "libp2p on 127.0.0.1, bootnode " + bootnode.dialableAddress();
  }

  @Override
  public void close() {
    bootnode.close();
  }
}
