package io.fugue.api.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue attest}: publish an attestation as an approved issuer. The commitment is given as
 * hex; computing it from a value and blinding belongs to the zk module, not to this command yet.
 */
@Command(name = "attest", mixinStandardHelpOptions = true,
    description = "Publish an attestation (a Pedersen commitment) about a subject.")
final class AttestCommand implements Callable<Integer> {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Option(names = "--subject", required = true, description = "did:fugue:... or a 0x pseudonym.")
  String subject;
  @Option(names = "--schema", required = true) String schema;
  @Option(names = "--commitment", required = true, paramLabel = "HEX",
      description = "The 32-byte compressed ristretto255 commitment.") String commitment;
  @Option(names = "--valid-from", required = true, paramLabel = "EPOCH_SECONDS") long validFrom;
  @Option(names = "--valid-until", required = true, paramLabel = "EPOCH_SECONDS") long validUntil;

  @Override
  public Integer call() {
    Hex.digest(commitment, "--commitment");
    if (validUntil <= validFrom) {
      throw new CliException(FugueCli.EXIT_USAGE, "--valid-until must be after --valid-from");
    }
    FugueClient client = api.client();
    String token = api.token(client, parent.services());
    return Printer.print(spec.commandLine().getOut(), client.post("/v1/attestations", token,
        FugueClient.object().put("subject", subject).put("schema", schema)
            .put("commitment", commitment).put("validFrom", validFrom)
            .put("validUntil", validUntil)));
  }
}
