package io.fugue.api.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue node-key new|show}: a node's or bootnode's libp2p identity (ed25519) and the
 * multiaddr others put in their {@code bootnodes}.
 */
@Command(
    name = "node-key",
    mixinStandardHelpOptions = true,
    description = "Make or show a libp2p node key (peer id) and its multiaddr.",
    subcommands = {NodeKeyCommand.New.class, NodeKeyCommand.Show.class})
final class NodeKeyCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a node-key command: new, show");
  }

  /** The address options: where others reach the node. */
  static final class Where {
    @Option(
        names = "--host",
        paramLabel = "IP",
        required = true,
        description = "The IPv4 or IPv6 address others dial (not 0.0.0.0).")
    String host;

    @Option(
        names = "--port",
        defaultValue = "9000",
        description = "Its TCP port (default ${DEFAULT-VALUE}).")
    int port;
  }

  static int print(CommandLine.Model.CommandSpec spec, Path file, String peerId, Where where) {
    var json = FugueClient.object().put("file", file.toString()).put("peerId", peerId);
    if (where != null) {
      if (where.host.equals("0.0.0.0") || where.host.equals("::")) {
        throw CliChecks.usage(
            "--host " + where.host + ": give the address others dial, not a wildcard");
      }
      json.put("multiaddr", CliChecks.listenAddress(where.host, where.port) + "/p2p/" + peerId);
    }
    return Printer.print(spec.commandLine().getOut(), json);
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description =
          "Write a new node key file; print its peer id and, with --host, the full multiaddr.")
  static final class New implements Callable<Integer> {
    @ParentCommand NodeKeyCommand nodeKey;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        defaultValue = "node.key",
        description =
            "The key file (default ${DEFAULT-VALUE}); never overwritten. A node reads "
                + "dataDir/node.key, a bootnode its --key.")
    Path out;

    @CommandLine.ArgGroup(exclusive = false)
    Where where;

    @Override
    public Integer call() {
      if (where != null) {
        CliChecks.listenAddress(where.host, where.port);
      }
      String peerId = nodeKey.parent.services().operatorTools("fugue node-key new").newNodeKey(out);
      return print(spec, out, peerId, where);
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Print the peer id of a node key file and, with --host, the full multiaddr.")
  static final class Show implements Callable<Integer> {
    @ParentCommand NodeKeyCommand nodeKey;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE")
    Path file;

    @CommandLine.ArgGroup(exclusive = false)
    Where where;

    @Override
    public Integer call() {
      return print(
          spec,
          file,
          nodeKey.parent.services().operatorTools("fugue node-key show").peerIdOf(file),
          where);
    }
  }
}
