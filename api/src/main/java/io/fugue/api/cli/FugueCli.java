package io.fugue.api.cli;

import io.fugue.api.logging.LogSettings;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fugue}: the command line of a Fugue node. Node commands ({@code devnet}, {@code node},
 * {@code bootnode}) run in this JVM; {@code keys} uses the local key store; {@code tx}, {@code
 * issuer}, {@code attest} and {@code query} are clients of a running node's HTTP API.
 */
@Command(
    name = "fugue",
    mixinStandardHelpOptions = true,
    version = "fugue 0.1.0",
    description = "Fugue: a sharded proof-of-stake chain for privacy-preserving data sharing.",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:success",
      "1:failed: the node refused or could not be reached, or a file or config is bad",
      "2:invalid usage (an option or value the CLI rejects itself)",
      "3:not available in this build",
      "4:wrong key password (or the key file was altered)"
    })
public final class FugueCli implements Runnable {
  /**
   * The subcommands, in help order. Built lazily (see {@link #run}): picocli reflects over a
   * command class when it is added, and a CLI call needs only the one it runs.
   */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          DevnetCommand.class,
          NodeCommand.class,
          BootnodeCommand.class,
          KeysCommand.class,
          NodeKeyCommand.class,
          GenesisCommand.class,
          AuthCommand.class,
          TxCommand.class,
          IssuerCommand.class,
          SchemaCommand.class,
          AttestCommand.class,
          RevokeCommand.class,
          VaultCommand.class,
          QueryCommand.class,
          ComplianceCommand.class,
          StakingCommand.class);

  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILED = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_UNAVAILABLE = 3;
  public static final int EXIT_KEY_PASSWORD = 4;

  private final CliServices services;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Whether --log-level was given (the devnet quiets the chain's logs unless it was). */
  private static volatile boolean logLevelGiven;

  @CommandLine.Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      scope = CommandLine.ScopeType.INHERIT,
      description = "error, warn, info (default), debug or trace.")
  void logLevel(String level) {
    try {
      LogSettings.level(LogSettings.parseLevel(level, "--log-level"));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    logLevelGiven = true;
  }

  @CommandLine.Option(
      names = "--log-format",
      paramLabel = "FORMAT",
      scope = CommandLine.ScopeType.INHERIT,
      description = "text (default) or json: one JSON object per line on stderr.")
  void logFormat(String format) {
    try {
      LogSettings.format(LogSettings.parseFormat(format));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  static boolean logLevelGiven() {
    return logLevelGiven;
  }

  public FugueCli(CliServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  CliServices services() {
    return services;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
  }

  public static void main(String[] args) {
    System.exit(
        run(
            CliServices.thisBuild(),
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
            new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
            args));
  }

  /**
   * The subcommands a command line needs: only the one it names when it names a known one (its
   * first word that is not an option or a --log-* value), none for a bare {@code --version}, else
   * all (top-level help, a typo that should list what exists).
   */
  static List<Class<?>> subcommandsFor(String... args) {
    boolean versionOnly = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--log-level") || a.equals("--log-format")) {
        i++;
      } else if (a.equals("--version") || a.equals("-V")) {
        versionOnly = true;
      } else if (!a.startsWith("-")) {
        for (Class<?> c : SUBCOMMANDS) {
          if (c.getAnnotation(Command.class).name().equals(a)) {
            return List.of(c);
          }
        }
        return SUBCOMMANDS;
      } else if (!a.startsWith("--log-")) {
        return SUBCOMMANDS; // --help, -h, or an unknown option: help lists every command
      }
    }
    return versionOnly ? List.of() : SUBCOMMANDS;
  }

  /** Runs one command line with the given ports and streams; returns the exit code. */
  public static int run(CliServices services, PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new FugueCli(services));
    subcommandsFor(args).forEach(cli::addSubcommand);
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof CliException c) {
            commandLine.getErr().println("fugue: " + c.getMessage());
            return c.exitCode();
          }
          throw e;
        });
    return cli.execute(args);
  }
}
