package io.fugue.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fugue revoke}: the issuer revokes an attestation (a signed shard transaction). */
@Command(
    name = "revoke",
    mixinStandardHelpOptions = true,
    description = "Revoke an attestation as its issuer.")
final class RevokeCommand implements Callable<Integer> {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Parameters(index = "0", paramLabel = "ATTESTATION_ID")
  String id;

  @Option(names = "--nonce", required = true, description = "The issuer's next nonce on --shard.")
  long nonce;

  @Option(names = "--shard", defaultValue = "1")
  int shard;

  @Override
  public Integer call() {
    var raw =
        ChainWrites.writer(parent.services(), "fugue revoke")
            .revoke(ChainWrites.signer(api), nonce, shard, Hex.digest(id, "ATTESTATION_ID"));
    return Printer.print(spec.commandLine().getOut(), ChainWrites.submit(api.client(), raw));
  }
}
