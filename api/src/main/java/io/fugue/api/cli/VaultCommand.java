package io.fugue.api.cli;

import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue vault store}: as the holder, deposit the opening the issuer sealed to her key. The
 * opening is decrypted here with the {@code --as} key, checked against the attestation's on-chain
 * commitment, sealed again to the vault's deposit key and only then sent; an opening that does not
 * decrypt or does not match is refused before anything reaches the node.
 */
@Command(
    name = "vault",
    mixinStandardHelpOptions = true,
    description = "The holder vault.",
    subcommands = VaultCommand.Store.class)
final class VaultCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a vault command: store");
  }

  @Command(
      name = "store",
      mixinStandardHelpOptions = true,
      description =
          "Re-seal an opening sealed to your key (by the issuer) to the vault, and store it.")
  static final class Store implements Callable<Integer> {
    @ParentCommand VaultCommand vault;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "ATTESTATION_ID")
    String id;

    @Option(
        names = "--sealed",
        required = true,
        paramLabel = "HEX",
        description = "The sealed opening fugue attest printed (sealed to the --as key).")
    String sealed;

    @Option(
        names = "--vault-key",
        paramLabel = "HEX",
        defaultValue = "${env:FUGUE_VAULT_KEY}",
        description =
            "The vault's deposit key (env FUGUE_VAULT_KEY; default: the node's, from"
                + " GET /v1/vault/key).")
    String vaultKey;

    @Override
    public Integer call() {
      Digest attestationId = Hex.digest(id, "ATTESTATION_ID");
      HexBytes fromIssuer = Hex.bytes(sealed, "--sealed");
      ChainWriter writer = ChainWrites.writer(vault.parent.services(), "fugue vault store");
      FugueClient client = api.client();
      String token = api.token(client, vault.parent.services());
      HolderReads reads = new HolderReads(client, token);
      AttestationView attestation = reads.attestation(attestationId);
      HexBytes forVault =
          writer.resealForVault(
              ChainWrites.signer(api), attestation, fromIssuer, reads.depositKey(vaultKey));
      return Printer.print(
          spec.commandLine().getOut(),
          client.send(
              "PUT",
              "/v1/vault/openings/" + attestationId.toHex(),
              token,
              FugueClient.object().put("ciphertext", forVault.toHex())));
    }
  }
}
