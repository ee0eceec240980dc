package io.fugue.api.node;

import java.nio.file.Path;

/**
 * What {@code fugue devnet} prints once it runs: where things are and commands that work against
 * it.
 */
final class DevnetGuide {
  private DevnetGuide() {}

  static String text(Devnet devnet, Path dataDir, Path keys) {
    DevnetLayout l = devnet.layout();
    String api = "http://127.0.0.1:" + devnet.apiPort();
    String gov = l.account(0).toBytes().toPrefixedHex();
    String issuer = l.account(2).toBytes().toPrefixedHex();
    String holder = l.account(3).toBytes().toPrefixedHex();
    String holderKey = l.accounts().get(3).publicKey().toBytes().toPrefixedHex();
    String client = l.account(4).toBytes().toPrefixedHex();
    String vault = l.vaultKey().publicKey().toBytes().toPrefixedHex();
    String password = NodeCommands.DEVNET_PASSWORD;
    return """

        Fugue devnet running: beacon chain + 2 shards, 4 validators each (%d in this JVM)
          API            %s   (OpenAPI document: %s/openapi.json)
          data           %s   (run again to resume the same chain)
          account keys   %s   (password "%s"; accounts devnet-0 .. devnet-9)
          governance     %s (devnet-0; approvals needed: 1)
          vault key      %s
        Ctrl-C stops it cleanly.

        Try (in another terminal, from the repository root):
          export FUGUE_API=%s FUGUE_KEYS=%s FUGUE_KEY_PASSWORD=%s
          curl -s %s/health
          curl -s %s/v1/chain/shards
          ./fugue keys list
          ./fugue issuer register --as %s --nonce 0 --name "Example Bank" --contact ops@bank.example
          ./fugue issuer approve %s --as %s --nonce 0
          ./fugue schema create --as %s --nonce 1 --id net-worth --attribute "net worth" --unit EUR --bits 32
          curl -s %s/v1/issuers
          ./fugue keys show devnet-3
            (the holder's public key, which she hands to the issuer: %s)
          ./fugue attest --as %s --nonce 0 --shard 1 --subject did:fugue:alice --holder %s \\
              --holder-key %s \\
              --schema net-worth --value 1500000 --valid-days 365
            (prints the attestation id and the opening sealed to the holder's key; then, as the holder:)
          ./fugue vault store ATTESTATION_ID --sealed SEALED_HEX --as %s
          ./fugue query create --as %s --attestation ATTESTATION_ID --predicate gte --threshold 1000000 --purpose "loan check"
          ./fugue query answer QUERY_ID --vault --as %s
            (or prove it yourself, without the vault: ./fugue query answer QUERY_ID --sealed SEALED_HEX --as %s)
          ./fugue query status QUERY_ID --as %s
          ./fugue tx transfer --from %s --to %s --amount 1000 --nonce 0
        """
        .formatted(
            devnet.validators().size(),
            api,
            api,
            dataDir.toAbsolutePath(),
            keys.toAbsolutePath(),
            password,
            gov,
            vault,
            api,
            keys,
            password,
            api,
            api,
            issuer,
            issuer,
            gov,
            issuer,
            api,
            holderKey,
            issuer,
            holder,
            holderKey,
            holder,
            client,
            holder,
            holder,
            client,
            client,
            holder);
  }
}
