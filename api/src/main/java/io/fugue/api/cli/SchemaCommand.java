package io.fugue.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fugue schema create}: a signed beacon-chain transaction creating an attribute schema. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Attribute schemas.",
    subcommands = SchemaCommand.Create.class)
final class SchemaCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a schema command: create");
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create a schema (governance or an approved issuer); the creator may attest to it.")
  static final class Create implements Callable<Integer> {
    @ParentCommand SchemaCommand schema;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--nonce", required = true)
    long nonce;

    @Option(names = "--id", required = true)
    String id;

    @Option(names = "--attribute", required = true)
    String attribute;

    @Option(names = "--unit", required = true)
    String unit;

    @Option(names = "--scale", defaultValue = "0")
    int scale;

    @Option(names = "--bits", defaultValue = "32", description = "8, 16, 32 or 64.")
    int bits;

    @Override
    public Integer call() {
      var raw =
          ChainWrites.writer(schema.parent.services(), "fugue schema create")
              .createSchema(ChainWrites.signer(api), nonce, id, attribute, unit, scale, bits);
      return Printer.print(spec.commandLine().getOut(), ChainWrites.submit(api.client(), raw));
    }
  }
}
