package io.fugue.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fugue node --config FILE}: one validator or full node. */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Run a node.")
final class NodeCommand implements Callable<Integer> {
  @ParentCommand FugueCli parent;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "The node's configuration file.")
  Path config;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(config)) {
      // A bad config is exit 1 like every other config error; 2 is for the command line itself.
      throw new CliException(
          FugueCli.EXIT_FAILED, "cannot start the node: no configuration file at " + config);
    }
    NodeLauncher nodes =
        parent
            .services()
            .nodes()
            .orElseThrow(
                () ->
                    CliException.unavailable(
                        "fugue node", "the chain node (storage, consensus, p2p)"));
    return nodes.node(config);
  }
}
