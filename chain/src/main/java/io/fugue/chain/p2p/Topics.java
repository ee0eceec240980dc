package io.fugue.chain.p2p;

/**
 * The names Fugue uses on the wire, documented in {@code docs/protocol.md} (Networking): gossip
 * topics {@code /fugue/<network>/<shard>/<kind>}, the sync protocol and the Kademlia protocol.
 */
public final class Topics {
  /** What a shard topic carries. */
  public enum Kind {
    BLOCKS("blocks"),
    CONSENSUS("consensus"),
    TXS("txs");

    private final String segment;

    Kind(String segment) {
      this.segment = segment;
    }

    public String segment() {
      return segment;
    }
  }

  private Topics() {}

  public static String topic(String network, int shard, Kind kind) {
    P2pConfig.checkNetworkName(network);
    if (shard < 0) {
      throw new IllegalArgumentException("shard must be non-negative: " + shard);
    }
    return "/fugue/" + network + "/" + shard + "/" + kind.segment();
  }

  public static String syncProtocol(String network) {
    return "/fugue/" + P2pConfig.checkNetworkName(network) + "/sync/1";
  }

  public static String kadProtocol(String network) {
    return "/fugue/" + P2pConfig.checkNetworkName(network) + "/kad/1.0.0";
  }
}
