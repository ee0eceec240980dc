package io.fugue.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue bootnode}: a libp2p peer of one network that only helps others find each other. The
 * network is part of every protocol id, so it must be the genesis {@code networkId}.
 */
@Command(name = "bootnode", mixinStandardHelpOptions = true, description = "Run a bootnode.")
final class BootnodeCommand implements Callable<Integer> {
  @ParentCommand FugueCli parent;

  @Option(
      names = "--network",
      required = true,
      paramLabel = "ID",
      description = "The genesis networkId of the nodes it serves (e.g. fugue-devnet).")
  String network;

  @Option(
      names = "--host",
      defaultValue = "0.0.0.0",
      paramLabel = "IP",
      description = "IPv4 or IPv6 address to listen on (default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "9000",
      description = "TCP port to listen on (default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--key",
      defaultValue = "./bootnode.key",
      paramLabel = "FILE",
      description =
          "Its libp2p identity key, created if absent (default ${DEFAULT-VALUE}); "
              + "keep it to keep the peer id (see fugue node-key new).")
  Path key;

  @Override
  public Integer call() {
    String listen = CliChecks.listenAddress(host, port);
    CliChecks.networkId(network);
    NodeLauncher nodes =
        parent
            .services()
            .nodes()
            .orElseThrow(
                () ->
                    CliException.unavailable(
                        "fugue bootnode", "the libp2p host (native) and chain p2p"));
    return nodes.bootnode(network, listen, key);
  }
}
