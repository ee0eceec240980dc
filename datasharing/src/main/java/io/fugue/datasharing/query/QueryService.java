package io.fugue.datasharing.query;

import io.fugue.chain.crypto.Secp256k1;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.IssuerDirectory;
import io.fugue.datasharing.audit.AuditLog;
import io.fugue.zk.RangeProof;
import io.fugue.zk.RangeStatement;
import io.fugue.zk.RangeVerifier;
import io.fugue.zk.Verification;
import io.fugue.zk.ZkException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's query service: creates queries, takes the holder's answer (a proof, or a signed
 * decline) and decides the outcome. A proof is verified against the commitments read from the chain
 * through {@link AttestationLookup}, never against anything the prover sends, after checking that
 * every attestation is active and within its validity at the node's clock, that its issuer is
 * APPROVED and allowed by the schema, and using the schema's bit size. Each transition is stored in
 * the {@link Column#AUDIT} column together with its {@link AuditLog} entry (outcome and proof hash,
 * never a value).
 *
 * <p>Thread-safe: transitions are serialised; a query is decided once.
 */
public final class QueryService {
  private static final Bytes QUERY_PREFIX = Bytes.of((byte) 'Q');
  private static final Bytes DECLINE_DOMAIN =
      Bytes.of("fugue.query.decline.v1".getBytes(StandardCharsets.US_ASCII));

  private final KeyValueStore store;
  private final AuditLog audit;
  private final QueryChecks checks;
  private final Clock clock;
  private final RangeVerifier verifier = new RangeVerifier();

  public QueryService(
      KeyValueStore store,
      AuditLog audit,
      AttestationLookup attestations,
      IssuerDirectory directory,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.checks = new QueryChecks(attestations, directory);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Creates a pending query; throws {@link DataSharingException} with the reason when it cannot be
   * answered (unknown, revoked or expired attestation, mixed holders or schemas, thresholds beyond
   * the schema's range, issuer not approved) or when its id exists (a reused nonce).
   */
  public synchronized Query create(QueryRequest request) {
    Objects.requireNonNull(request, "request");
    long now = clock.millis();
    checks.resolve(request, now);
    if (find(request.id()).isPresent()) {
      throw new DataSharingException("query " + request.id() + " exists; use a fresh nonce");
    }
    Query q = Query.pending(request, now);
    save(q, "query.created");
    return q;
  }

  public Optional<Query> find(QueryId id) {
    return store.get(Column.AUDIT, key(id)).map(Query::decode);
  }

  /** The query, or a {@link DataSharingException} when there is none. */
  public Query get(QueryId id) {
    return find(id).orElseThrow(() -> new DataSharingException("no query " + id));
  }

  /**
   * Takes a proof for a pending query and decides it: PROVEN_TRUE when the proof verifies for the
   * query's statement and transcript over the on-chain commitments and every attestation is still
   * usable; FAILED with the reason otherwise (malformed or invalid proof, a proof for another
   * query, revoked or expired attestation, issuer no longer approved).
   */
  public synchronized Query answer(QueryId id, Bytes proofBytes) {
    Objects.requireNonNull(proofBytes, "proofBytes");
    Query q = pending(id);
    long now = clock.millis();
    Optional<Hash32> proofHash = Optional.of(Hashing.keccak256(proofBytes));
    QueryChecks.Resolved resolved;
    try {
      resolved = checks.resolve(q.request(), now);
    } catch (DataSharingException e) {
      return decide(q, QueryStatus.FAILED, proofHash, e.getMessage(), now);
    }
    return verify(q, resolved, proofBytes) instanceof Verification.Invalid invalid
        ? decide(q, QueryStatus.FAILED, proofHash, invalid.reason(), now)
        : decide(q, QueryStatus.PROVEN_TRUE, proofHash, "", now);
  }

  /**
   * Records that the holder cannot or will not prove the query: REFUSED. The decline must be signed
   * by the attestations' holder over {@link #declineDigest}; otherwise this throws and the query
   * stays pending.
   */
  public synchronized Query decline(QueryId id, Secp256k1Signature holderSignature, String reason) {
    Objects.requireNonNull(holderSignature, "holderSignature");
    Query q = pending(id);
    Address holder = checks.holderOf(q.request());
    Optional<Address> signer = Secp256k1.recoverAddress(declineDigest(id), holderSignature);
    if (signer.isEmpty() || !signer.get().equals(holder)) {
      throw new DataSharingException("the decline is not signed by the attestation's holder");
    }
    return decide(
        q, QueryStatus.REFUSED, Optional.empty(), reason == null ? "" : reason, clock.millis());
  }

  /**
   * Records REFUSED for a query the vault could not prove with the holder's {@code consent} (the
   * predicate is false for the value). The consent must cover the query and be signed by the
   * holder; otherwise this throws and the query stays pending.
   */
  public synchronized Query refuse(QueryId id, Consent consent, String reason) {
    Objects.requireNonNull(consent, "consent");
    Query q = pending(id);
    long now = clock.millis();
    consent.checkCovers(q, checks.holderOf(q.request()), now);
    return decide(q, QueryStatus.REFUSED, Optional.empty(), reason, now);
  }

  /** What a holder signs to decline a query: keccak("fugue.query.decline.v1" ‖ query id). */
  public static Hash32 declineDigest(QueryId id) {
    return Hashing.keccak256(DECLINE_DOMAIN, id.toBytes());
  }

  /** The on-chain attestations and schema of a query, for a prover (the vault, a client). */
  public QueryChecks.Resolved resolve(Query query) {
    return checks.resolve(query.request(), clock.millis());
  }

  /**
   * The proof's verdict; an Invalid reason says whether the proof was malformed or does not verify.
   */
  private Verification verify(Query q, QueryChecks.Resolved r, Bytes proofBytes) {
    RangeStatement statement;
    RangeProof proof;
    try {
      statement = q.request().predicate().statement(r.commitments(), r.schema().bits());
      proof = RangeProof.of(proofBytes.toArray(), statement.bits().bits(), statement.values());
    } catch (ZkException e) {
      return Verification.invalid("malformed proof: " + e.getMessage());
    }
    Verification v = verifier.verify(statement, proof, QueryContexts.of(q, r.attestations()));
    return v instanceof Verification.Invalid i
        ? Verification.invalid("invalid proof: " + i.reason())
        : v;
  }

  private Query pending(QueryId id) {
    Query q = get(id);
    if (q.status().isTerminal()) {
      throw new DataSharingException("query " + id + " is already " + q.status());
    }
    return q;
  }

  private Query decide(Query q, QueryStatus outcome, Optional<Hash32> proof, String why, long now) {
    Query decided = q.decided(outcome, proof, why, now);
    save(decided, "query." + outcome);
    return decided;
  }

  private void save(Query q, String event) {
    audit.append(
        event,
        q.id().value(),
        q.proofHash(),
        q.reason(),
        Math.max(q.createdAt(), q.decidedAt()),
        tx -> tx.put(Column.AUDIT, key(q.id()), q.encode()));
  }

  private static Bytes key(QueryId id) {
    return Bytes.concat(QUERY_PREFIX, id.toBytes());
  }
}
