package io.fugue.api.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue attest}: publish an attestation as an approved issuer. With {@code --value} (a
 * chain-backed build), it commits to the value with a fresh blinding, signs the shard transaction
 * with the {@code --as} key, submits it, and prints the attestation id and the opening sealed to
 * the holder's account key ({@code --holder-key}, which the holder gets from {@code fugue keys
 * show}; a key of another account than {@code --holder} is refused). Only the holder can open it;
 * she proves queries with it or re-seals it for the vault ({@code fugue vault store}). With {@code
 * --commitment} it calls {@code POST /v1/attestations} with the caller's token instead.
 */
@Command(
    name = "attest",
    mixinStandardHelpOptions = true,
    description = "Publish an attestation (a Pedersen commitment) about a subject.")
final class AttestCommand implements Callable<Integer> {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Option(names = "--subject", required = true, description = "did:fugue:... or a 0x pseudonym.")
  String subject;

  @Option(names = "--schema", required = true)
  String schema;

  @Option(
      names = "--commitment",
      paramLabel = "HEX",
      description = "The 32-byte compressed ristretto255 commitment (API-applied publication).")
  String commitment;

  @Option(names = "--valid-from", paramLabel = "EPOCH_SECONDS", description = "Default: now.")
  Long validFrom;

  @Option(names = "--valid-until", paramLabel = "EPOCH_SECONDS")
  Long validUntil;

  @Option(
      names = "--valid-days",
      description = "Validity from --valid-from, instead of --valid-until.")
  Long validDays;

  @Option(names = "--value", description = "The attested value: commit to it and sign locally.")
  Long value;

  @Option(names = "--holder", paramLabel = "ADDRESS", description = "Who receives the opening.")
  String holder;

  @Option(names = "--nonce", description = "The issuer's next nonce on --shard.")
  Long nonce;

  @Option(names = "--shard", defaultValue = "1")
  int shard;

  @Option(
      names = "--holder-key",
      paramLabel = "HEX",
      description =
          "The holder's 64-byte secp256k1 public key (fugue keys show); the opening is"
              + " sealed to it. Its address must be --holder.")
  String holderKey;

  @Override
  public Integer call() {
    long from = validFrom != null ? validFrom : Instant.now().getEpochSecond();
    long until =
        validUntil != null
            ? validUntil
            : validDays != null ? from + Duration.ofDays(validDays).toSeconds() : -1;
    if (until <= from) {
      throw new CliException(
          FugueCli.EXIT_USAGE, "give --valid-until after --valid-from, or --valid-days");
    }
    FugueClient client = api.client();
    if (value != null) {
      return signed(client, from, until);
    }
    if (commitment == null) {
      throw new CliException(FugueCli.EXIT_USAGE, "give --value (sign locally) or --commitment");
    }
    Hex.digest(commitment, "--commitment");
    String token = api.token(client, parent.services());
    return Printer.print(
        spec.commandLine().getOut(),
        client.post(
            "/v1/attestations",
            token,
            FugueClient.object()
                .put("subject", subject)
                .put("schema", schema)
                .put("commitment", commitment)
                .put("validFrom", from)
                .put("validUntil", until)));
  }

  private int signed(FugueClient client, long from, long until) {
    if (holder == null || nonce == null || holderKey == null) {
      throw new CliException(
          FugueCli.EXIT_USAGE, "--value needs --holder, --holder-key and --nonce");
    }
    ChainWriter writer = ChainWrites.writer(parent.services(), "fugue attest");
    ChainWriter.Attested a =
        writer.attest(
            ChainWrites.signer(api),
            nonce,
            shard,
            subject,
            Hex.address(holder, "--holder"),
            schema,
            value,
            from * 1000,
            until * 1000,
            Hex.bytes(holderKey, "--holder-key"));
    var submitted = ChainWrites.submit(client, a.rawTransaction());
    return Printer.print(
        spec.commandLine().getOut(),
        FugueClient.object()
            .put("attestation", a.attestation().toHex())
            .put("transaction", submitted.path("hash").asText(submitted.toString()))
            .put("sealedOpening", a.sealedOpening().toHex()));
  }
}
