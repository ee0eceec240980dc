package io.fugue.api.node;

import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.QueryView;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1PublicKey;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.staking.StakingTx;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.attestation.AttestationStatus;
import io.fugue.datasharing.attestation.AttestationTx;
import io.fugue.datasharing.attestation.Subject;
import io.fugue.datasharing.holder.HolderOpenings;
import io.fugue.datasharing.holder.OpeningSealer;
import io.fugue.datasharing.holder.SealedOpening;
import io.fugue.datasharing.query.Consent;
import io.fugue.datasharing.query.Predicate;
import io.fugue.datasharing.query.Query;
import io.fugue.datasharing.query.QueryContexts;
import io.fugue.datasharing.query.QueryId;
import io.fugue.datasharing.query.QueryRequest;
import io.fugue.datasharing.query.QueryService;
import io.fugue.datasharing.query.QueryStatus;
import io.fugue.datasharing.registry.RegistryTx;
import io.fugue.datasharing.registry.SchemaId;
import io.fugue.zk.BitSize;
import io.fugue.zk.Commitment;
import io.fugue.zk.Opening;
import io.fugue.zk.ProofResult;
import io.fugue.zk.RangeProver;
import io.fugue.zk.RangeStatement;
import io.fugue.zk.ZkException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * The client side of the data-sharing flows, for the CLI and for tests that drive a node through
 * its API only: signed registry and attestation transactions, openings sealed to the holder's key,
 * the holder's opening and re-sealing of them for the vault, her proof for a query as the API shows
 * it, vault consents and declines. Nothing here talks to a node; the results are submitted over
 * HTTP.
 */
public final class ClientFlows {
  private final long chainId;
  private final SecureRandom random = new SecureRandom();
  private final HolderOpenings openings = new HolderOpenings();

  public ClientFlows(long chainId) {
    this.chainId = chainId;
  }

  public Transaction registerIssuer(
      Secp256k1PrivateKey key, long nonce, String name, String contact) {
    return new RegistryTx.Register(name, contact)
        .unsigned(chainId, nonce, ChainTransferSigner.FEE)
        .sign(key);
  }

  /** A staking transaction of {@code key}'s account on the beacon chain. */
  public Transaction staking(Secp256k1PrivateKey key, long nonce, StakingTx body) {
    return new UnsignedTransaction(
            body.type(), chainId, nonce, ShardId.BEACON, ChainTransferSigner.FEE, body.toRlp())
        .sign(key);
  }

  public Transaction approveIssuer(Secp256k1PrivateKey governor, long nonce, Address issuer) {
    return new RegistryTx.Approve(issuer)
        .unsigned(chainId, nonce, ChainTransferSigner.FEE)
        .sign(governor);
  }

  public Transaction createSchema(
      Secp256k1PrivateKey key,
      long nonce,
      String id,
      String attribute,
      String unit,
      int scale,
      int bits,
      List<Address> allowed) {
    return new RegistryTx.CreateSchema(
            SchemaId.of(id), attribute, unit, scale, BitSize.of(bits), allowed)
        .unsigned(chainId, nonce, ChainTransferSigner.FEE)
        .sign(key);
  }

  /** A publication of {@code opening}'s commitment; times in ms since the epoch. */
  public Transaction publish(
      Secp256k1PrivateKey issuer,
      long nonce,
      int shard,
      String subject,
      Address holder,
      String schema,
      Opening opening,
      long validFrom,
      long validUntil) {
    return new AttestationTx.Publish(
            Subject.of(subject),
            holder,
            SchemaId.of(schema),
            opening.commitment(),
            validFrom,
            validUntil)
        .unsigned(chainId, nonce, ShardId.of(shard), ChainTransferSigner.FEE)
        .sign(issuer);
  }

  public Transaction revoke(Secp256k1PrivateKey issuer, long nonce, int shard, AttestationId id) {
    return new AttestationTx.Revoke(id)
        .unsigned(chainId, nonce, ShardId.of(shard), ChainTransferSigner.FEE)
        .sign(issuer);
  }

  /**
   * The id the chain gives the attestation {@link #publish} makes (the module derives it the same
   * way).
   */
  public static AttestationId attestationId(
      int shard, Address issuer, long nonce, String subject, String schema) {
    return AttestationId.derive(
        ShardId.of(shard), issuer, nonce, Subject.of(subject), SchemaId.of(schema));
  }

  /**
   * The holder's proof for a single-attestation query as the API shows it, or empty when the
   * predicate is false for the value (the prover refuses: no proof of a false claim exists).
   */
  public Optional<byte[]> prove(
      QueryView query,
      AttestationView attestation,
      Address holder,
      Opening opening,
      int schemaBits) {
    return prove(query, List.of(attestation), holder, List.of(opening), schemaBits);
  }

  /**
   * The holder's proof for {@code query} over {@code attestations} (the query's, in its order) with
   * one opening each, bound to the query's transcript ({@link QueryContexts}, the context the node
   * verifies against); empty when the predicate is false for the values. Throws {@link
   * DataSharingException} when the views do not belong to the query or an opening opens another
   * commitment.
   */
  public Optional<byte[]> prove(
      QueryView query,
      List<AttestationView> attestations,
      Address holder,
      List<Opening> openings,
      int schemaBits) {
    Query q = query(query);
    List<Attestation> as = attestations.stream().map(v -> attestation(v, holder)).toList();
    if (!as.stream().map(Attestation::id).toList().equals(q.request().attestations())
        || openings.size() != as.size()) {
      throw new DataSharingException(
          "one opening per attestation of the query, in its order, is needed");
    }
    for (int i = 0; i < as.size(); i++) {
      if (!openings.get(i).commitment().equals(as.get(i).commitment())) {
        throw new DataSharingException("opening " + i + " does not open the on-chain commitment");
      }
    }
    List<Commitment> commitments = as.stream().map(Attestation::commitment).toList();
    RangeStatement statement;
    try {
      statement = q.request().predicate().statement(commitments, BitSize.of(schemaBits));
    } catch (ZkException e) {
      throw new DataSharingException(
          "the query's statement cannot be formed: " + e.getMessage(), e);
    }
    return new RangeProver().prove(statement, openings, QueryContexts.of(q, as))
            instanceof ProofResult.Proven p
        ? Optional.of(p.proof().toBytes())
        : Optional.empty();
  }

  /** {@code opening} encrypted to the vault's deposit key, bound to attestation {@code id}. */
  public SealedOpening seal(Opening opening, Secp256k1PublicKey vault, AttestationId id) {
    return new OpeningSealer().seal(opening, vault, id, random);
  }

  /**
   * The issuer's side: {@code opening} encrypted to the holder's account key; throws {@link
   * DataSharingException} when {@code holderKey} is not the key of {@code holder}.
   */
  public SealedOpening sealToHolder(
      Opening opening, Address holder, Secp256k1PublicKey holderKey, AttestationId id) {
    return openings.sealToHolder(opening, holder, holderKey, id, random);
  }

  /**
   * The holder's side: opens what the issuer sealed to her key and checks it against the
   * attestation's commitment as the API shows it. The caller closes the opening.
   */
  public Opening openFromIssuer(
      SealedOpening sealed, Secp256k1PrivateKey holder, AttestationView attestation) {
    return openings.open(
        sealed,
        holder,
        new AttestationId(Convert.hash(attestation.id())),
        Commitment.of(attestation.commitment().toArray()));
  }

  /**
   * Opens as {@link #openFromIssuer} does and seals the opening again to the vault's deposit key.
   */
  public SealedOpening resealForVault(
      SealedOpening sealed,
      Secp256k1PrivateKey holder,
      AttestationView attestation,
      Secp256k1PublicKey depositKey) {
    return openings.reseal(
        sealed,
        holder,
        new AttestationId(Convert.hash(attestation.id())),
        Commitment.of(attestation.commitment().toArray()),
        depositKey,
        random);
  }

  /** The holder's decline of query {@code id}: signed over {@link QueryService#declineDigest}. */
  public Secp256k1Signature decline(Digest id, Secp256k1PrivateKey holder) {
    return holder.sign(QueryService.declineDigest(new QueryId(Convert.hash(id))));
  }

  /** The holder's consent for the vault to answer {@code query} until {@code expiresAt} (ms). */
  public Consent consent(QueryView query, Secp256k1PrivateKey holder, long expiresAt) {
    return Consent.sign(
        new QueryId(Convert.hash(query.id())),
        query.attestations().stream().map(d -> new AttestationId(Convert.hash(d))).toList(),
        expiresAt,
        holder);
  }

  private static Query query(QueryView v) {
    Predicate p =
        switch (v.predicate()) {
          case "gte" ->
              v.attestations().size() > 1
                  ? new Predicate.SumAtLeast(v.threshold())
                  : new Predicate.AtLeast(v.threshold());
          case "lte" -> new Predicate.AtMost(v.threshold());
          case "between" -> new Predicate.Between(v.threshold(), v.upper());
          default -> throw new DataSharingException("unknown predicate " + v.predicate());
        };
    QueryRequest r =
        new QueryRequest(
            v.attestations().stream().map(d -> new AttestationId(Convert.hash(d))).toList(),
            p,
            v.purpose(),
            Convert.bytes(v.nonce()),
            Convert.address(v.client()));
    if (!r.id().value().equals(Convert.hash(v.id()))) {
      throw new DataSharingException("the query's fields do not hash to its id");
    }
    return new Query(r.id(), r, v.createdAt() * 1000, QueryStatus.PENDING, Optional.empty(), "", 0);
  }

  private static Attestation attestation(AttestationView v, Address holder) {
    return new Attestation(
        new AttestationId(Convert.hash(v.id())),
        Convert.address(v.issuer()),
        Subject.of(v.subject()),
        holder,
        SchemaId.of(v.schema()),
        Commitment.of(v.commitment().toArray()),
        v.validFrom() * 1000,
        v.validUntil() * 1000,
        v.validFrom() * 1000,
        AttestationStatus.ACTIVE,
        0);
  }
}
