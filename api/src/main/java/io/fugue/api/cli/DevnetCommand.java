package io.fugue.api.cli;

import io.fugue.api.logging.LogSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.event.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fugue devnet}: beacon chain and shards with their validators in this JVM. */
@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = "Run a local devnet (beacon + 2 shards, 4 validators each) with the API.")
final class DevnetCommand implements Callable<Integer> {
  @ParentCommand FugueCli parent;

  @Option(
      names = "--data-dir",
      defaultValue = "./devnet-data",
      description =
          "Where the devnet keeps its chain (default ${DEFAULT-VALUE}); reused on restart.")
  Path dataDir;

  @Option(
      names = "--api-port",
      defaultValue = "8645",
      description = "API port (default ${DEFAULT-VALUE}; 0 for any free port).")
  int apiPort;

  @Override
  public Integer call() {
    NodeLauncher nodes =
        parent
            .services()
            .nodes()
            .orElseThrow(
                () ->
                    CliException.unavailable(
                        "fugue devnet",
                        "the chain node (storage, consensus, p2p) and the data-sharing modules"));
    if (!FugueCli.logLevelGiven() && !LogSettings.hasLevel("io.fugue.chain")) {
      // Twelve validators in one process log every finalized block: keep the terminal readable.
      LogSettings.level("io.fugue.chain", Level.WARN);
      if (!LogSettings.hasLevel("io.fugue.chain.p2p")) {
        // ...but every host's start and listen addresses stay visible: an operator dials them.
        LogSettings.level("io.fugue.chain.p2p", Level.INFO);
      }
    }
    return nodes.devnet(dataDir, apiPort);
  }
}
