package io.fugue.api.node;

import io.fugue.api.cli.ChainWriter;
import io.fugue.api.cli.CliException;
import io.fugue.api.cli.FugueCli;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.QueryView;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1PublicKey;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.StakingTx;
import io.fugue.chain.staking.Validator;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.holder.SealedOpening;
import io.fugue.zk.Opening;
import io.fugue.zk.ZkException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link ChainWriter} over the key files and {@link ClientFlows}. Clear openings exist here only
 * between decrypting and proving or re-sealing, and are wiped after.
 */
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
  public HexBytes createSchema(
      AccountAddress from,
      long nonce,
      String id,
      String attribute,
      String unit,
      int scale,
      int bits) {
    return raw(
        flows.createSchema(
            keys.privateKey(from),
            nonce,
            id,
            attribute,
            unit,
            scale,
            bits,
            List.of(Convert.address(from))));
  }

  @Override
  public Attested attest(
      AccountAddress issuer,
      long nonce,
      int shard,
      String subject,
      AccountAddress holder,
      String schema,
      long value,
      long validFromMillis,
      long validUntilMillis,
      HexBytes holderKey) {
    Secp256k1PublicKey recipient = publicKey(holderKey, "--holder-key");
    Address holderAddress = Convert.address(holder);
    if (!recipient.address().equals(holderAddress)) {
      throw new CliException(
          FugueCli.EXIT_USAGE,
          "--holder-key is the key of "
              + Convert.address(recipient.address())
              + ", not of --holder "
              + holder
              + ": the opening would go to another account");
    }
    try (Opening opening = Opening.random(value)) {
      Transaction tx =
          flows.publish(
              keys.privateKey(issuer),
              nonce,
              shard,
              subject,
              holderAddress,
              schema,
              opening,
              validFromMillis,
              validUntilMillis);
      AttestationId id =
          ClientFlows.attestationId(shard, Convert.address(issuer), nonce, subject, schema);
      return new Attested(
          raw(tx),
          Convert.digest(id.value()),
          Convert.hex(flows.sealToHolder(opening, holderAddress, recipient, id).encode()));
    }
  }

  @Override
  public HexBytes resealForVault(
      AccountAddress holder, AttestationView attestation, HexBytes sealed, HexBytes depositKey) {
    Secp256k1PublicKey vault = publicKey(depositKey, "the vault's deposit key");
    SealedOpening fromIssuer = sealed(sealed);
    Secp256k1PrivateKey key = keys.privateKey(holder);
    return holderSide(
        () -> Convert.hex(flows.resealForVault(fromIssuer, key, attestation, vault).encode()));
  }

  @Override
  public Optional<HexBytes> prove(
      AccountAddress holder,
      QueryView query,
      List<AttestationView> attestations,
      int schemaBits,
      List<HexBytes> sealed) {
    if (sealed.size() != attestations.size()) {
      throw new CliException(
          FugueCli.EXIT_USAGE,
          "the query is over "
              + attestations.size()
              + " attestation(s): give one --sealed each, in the query's order");
    }
    Secp256k1PrivateKey key = keys.privateKey(holder);
    List<Opening> openings = new ArrayList<>();
    try {
      return holderSide(
          () -> {
            for (int i = 0; i < sealed.size(); i++) {
              openings.add(flows.openFromIssuer(sealed(sealed.get(i)), key, attestations.get(i)));
            }
            return flows
                .prove(query, attestations, Convert.address(holder), openings, schemaBits)
                .map(p -> Convert.hex(Bytes.of(p)));
          });
    } finally {
      openings.forEach(Opening::wipe);
    }
  }

  @Override
  public HexBytes revoke(AccountAddress issuer, long nonce, int shard, Digest attestation) {
    return raw(
        flows.revoke(
            keys.privateKey(issuer), nonce, shard, new AttestationId(Convert.hash(attestation))));
  }

  @Override
  public HexBytes consent(
      AccountAddress holder, Digest queryId, List<Digest> attestations, long expiresAtMillis) {
    var c =
        io.fugue.datasharing.query.Consent.sign(
            new io.fugue.datasharing.query.QueryId(Convert.hash(queryId)),
            attestations.stream().map(d -> new AttestationId(Convert.hash(d))).toList(),
            expiresAtMillis,
            keys.privateKey(holder));
    return Convert.hex(c.encode());
  }

  @Override
  public HexBytes decline(AccountAddress holder, Digest queryId) {
    return Convert.hex(flows.decline(queryId, keys.privateKey(holder)).toBytes());
  }

  /**
   * Runs the holder's side; what she must read (wrong key, another commitment) becomes a CLI
   * failure.
   */
  private static <T> T holderSide(Supplier<T> step) {
    try {
      return step.get();
    } catch (DataSharingException | ZkException | ChainException e) {
      throw new CliException(FugueCli.EXIT_FAILED, e.getMessage());
    }
  }

  private static SealedOpening sealed(HexBytes hex) {
    try {
      return SealedOpening.decode(Convert.bytes(hex));
    } catch (DataSharingException e) {
      throw new CliException(FugueCli.EXIT_USAGE, "--sealed: " + e.getMessage());
    }
  }

  private static Secp256k1PublicKey publicKey(HexBytes hex, String what) {
    try {
      return Secp256k1PublicKey.fromBytes(Convert.bytes(hex));
    } catch (ChainException e) {
      throw new CliException(FugueCli.EXIT_USAGE, what + ": " + e.getMessage());
    }
  }

  @Override
  public HexBytes staking(AccountAddress from, long nonce, StakingWrite write) {
    StakingTx body;
    if (write instanceof StakingWrite.CreateValidator c) {
      body =
          new StakingTx.CreateValidator(
              new Validator.Description(c.name(), c.website(), c.details(), c.securityContact()),
              c.commissionBps(),
              c.maxCommissionBps(),
              c.maxChangeBps(),
              Uint256.of(c.minSelfDelegation()),
              Uint256.of(c.maxTotalDelegation()),
              c.keys().stream()
                  .map(
                      k ->
                          new StakingTx.KeyWithProof(
                              new ValidatorKey(Convert.bytes(k.publicKey())),
                              Convert.bytes(k.proofOfPossession())))
                  .toList(),
              Uint256.of(c.amount()));
    } else if (write instanceof StakingWrite.Delegate d) {
      body = new StakingTx.Delegate(Convert.address(d.validator()), Uint256.of(d.amount()));
    } else if (write instanceof StakingWrite.Undelegate u) {
      body = new StakingTx.Undelegate(Convert.address(u.validator()), Uint256.of(u.amount()));
    } else {
      body = new StakingTx.CollectRewards();
    }
    return raw(flows.staking(keys.privateKey(from), nonce, body));
  }

  private static HexBytes raw(Transaction tx) {
    return Convert.hex(tx.encode());
  }
}
