package io.fugue.api.cli;

import java.util.Objects;
import java.util.Optional;

/**
 * The ports the CLI can use in this build. A command whose port is absent prints that it is not
 * available in this build and exits with {@link FugueCli#EXIT_UNAVAILABLE}.
 */
public record CliServices(
    Optional<KeyStore> keys,
    Optional<TransferSigner> transfers,
    Optional<NodeLauncher> nodes,
    Optional<ChainWriter> writer,
    Optional<OperatorTools> tools) {
  public CliServices {
    Objects.requireNonNull(tools, "tools");
    Objects.requireNonNull(writer, "writer");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(transfers, "transfers");
    Objects.requireNonNull(nodes, "nodes");
  }

  public CliServices(
      Optional<KeyStore> keys, Optional<TransferSigner> transfers, Optional<NodeLauncher> nodes) {
    this(keys, transfers, nodes, Optional.empty(), Optional.empty());
  }

  public CliServices(
      Optional<KeyStore> keys,
      Optional<TransferSigner> transfers,
      Optional<NodeLauncher> nodes,
      Optional<ChainWriter> writer) {
    this(keys, transfers, nodes, writer, Optional.empty());
  }

  OperatorTools operatorTools(String command) {
    return tools.orElseThrow(
        () -> CliException.unavailable(command, "the chain's crypto and genesis code"));
  }

  /** What this build of the api module has on its own: none of the chain-backed ports yet. */
  public static CliServices thisBuild() {
    return new CliServices(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
