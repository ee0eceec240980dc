package io.fugue.api.cli;

import java.nio.file.Path;

/**
 * Starts node processes in this JVM and blocks until they stop; each returns an exit code.
 * Implemented by the node wiring (chain + datasharing + ApiServer).
 */
public interface NodeLauncher {
  int devnet(Path dataDir, int apiPort);

  int node(Path config);

  /**
   * A bootnode of {@code network} (the genesis networkId) listening on {@code listen}, its identity
   * in {@code keyFile} (created if absent).
   */
  int bootnode(String network, String listen, Path keyFile);
}
