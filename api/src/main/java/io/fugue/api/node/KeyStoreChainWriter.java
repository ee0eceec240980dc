package io.fugue.api.node;

import io.fugue.api.cli.ChainWriter;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.chain.crypto.Secp256k1PublicKey;
import io.fugue.chain.ledger.Transaction;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.zk.Opening;
import java.util.List;

/** {@link ChainWriter} over the key files and {@link ClientFlows}. */
public final class KeyStoreChainWriter implements ChainWriter {
  private final KeyFileKeyStore keys;
  private final ClientFlows flows;

  public KeyStoreChainWriter(KeyFileKeyStore keys, ClientFlows flows) {
    this.keys = keys;
    this.flows = flows;
  }

  @Override
  public HexBytes registerIssuer(AccountAddress from, long nonce, String name, String contact) {
    return raw(flows.registerIssuer(keys.privateKey(from), nonce, name, contact));
  }

  @Override
  public HexBytes approveIssuer(AccountAddress governor, long nonce, AccountAddress issuer) {
    return raw(flows.approveIssuer(keys.privateKey(governor), nonce, Convert.address(issuer)));
  }

  @Override
  public HexBytes createSchema(AccountAddress from, long nonce, String id, String attribute, String unit,
      int scale, int bits) {
    return raw(flows.createSchema(keys.privateKey(from), nonce, id, attribute, unit, scale, bits,
        List.of(Convert.address(from))));
  }

  @Override
  public Attested attest(AccountAddress issuer, long nonce, int shard, String subject, AccountAddress holder,
      String schema, long value, long validFromMillis, long validUntilMillis, HexBytes vaultKey) {
    Secp256k1PublicKey vault = Secp256k1PublicKey.fromBytes(Convert.bytes(vaultKey));
    try (Opening opening = Opening.random(value)) {
      Transaction tx = flows.publish(keys.privateKey(issuer), nonce, shard, subject, Convert.address(holder),
          schema, opening, validFromMillis, validUntilMillis);
      AttestationId id = ClientFlows.attestationId(shard, Convert.address(issuer), nonce, subject, schema);
      return new Attested(raw(tx), Convert.digest(id.value()),
          Convert.hex(flows.seal(opening, vault, id).encode()));
    }
  }

  @Override
  public HexBytes revoke(AccountAddress issuer, long nonce, int shard, Digest attestation) {
    return raw(flows.revoke(keys.privateKey(issuer), nonce, shard, new AttestationId(Convert.hash(attestation))));
  }

  @Override
  public HexBytes consent(AccountAddress holder, Digest queryId, List<Digest> attestations, long expiresAtMillis) {
    var c = io.fugue.datasharing.query.Consent.sign(new io.fugue.datasharing.query.QueryId(Convert.hash(queryId)),
        attestations.stream().map(d -> new AttestationId(Convert.hash(d))).toList(), expiresAtMillis,
        keys.privateKey(holder));
    return Convert.hex(c.encode());
  }

  private static HexBytes raw(Transaction tx) {
    return Convert.hex(tx.encode());
  }
}
