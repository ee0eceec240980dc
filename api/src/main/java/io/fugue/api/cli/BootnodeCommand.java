package io.fugue.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fugue bootnode}: a libp2p peer that only helps others find each other. */
@Command(name = "bootnode", mixinStandardHelpOptions = true, description = "Run a bootnode.")
final class BootnodeCommand implements Callable<Integer> {
  @ParentCommand FugueCli parent;

  @Option(names = "--data-dir", defaultValue = "./bootnode-data",
      description = "Where the bootnode keeps its identity key (default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--port", defaultValue = "9000",
      description = "libp2p listen port (default ${DEFAULT-VALUE}).")
  int port;

  @Override
  public Integer call() {
    NodeLauncher nodes = parent.services().nodes().orElseThrow(() -> CliException.unavailable(
        "fugue bootnode", "the libp2p host (native) and chain p2p"));
    return nodes.bootnode(dataDir, port);
  }
}
