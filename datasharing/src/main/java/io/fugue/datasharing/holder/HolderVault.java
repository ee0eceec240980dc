package io.fugue.datasharing.holder;

import io.fugue.chain.crypto.Secp256k1;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1PublicKey;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.KeyRange;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.Keys;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.audit.AuditLog;
import io.fugue.datasharing.query.Answer;
import io.fugue.datasharing.query.AttestationLookup;
import io.fugue.datasharing.query.Consent;
import io.fugue.datasharing.query.HolderProver;
import io.fugue.datasharing.query.Query;
import io.fugue.datasharing.query.QueryChecks;
import io.fugue.datasharing.query.QueryService;
import io.fugue.zk.Opening;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The holder vault on a node (no geo-fence constrains which node yet). Holders deposit openings
 * sealed (by {@link OpeningSealer}) to the vault's deposit key; the vault checks that the opening
 * opens the on-chain commitment and keeps the sealed bytes as they came, so openings are encrypted
 * at rest under the node's vault key, one record per holder and attestation ({@link Column#VAULT},
 * key {@code 'O' ‖ holder(20) ‖ attestation id(32)} → {@code storedAt(8) ‖ sealed opening}). It
 * decrypts an opening only to answer a query the holder consented to with a signature, and wipes it
 * after proving. Erasure deletes the record and leaves an {@link ErasureRecord} without personal
 * data.
 *
 * <p>Nothing here logs or returns an opening. Thread-safe: the store and the services are.
 */
public final class HolderVault {
  private static final Bytes OPENING = Bytes.of((byte) 'O');
  private static final Bytes ERASURE = Bytes.of((byte) 'E');

  private final KeyValueStore store;
  private final Secp256k1PrivateKey vaultKey;
  private final AttestationLookup attestations;
  private final QueryService queries;
  private final AuditLog audit;
  private final Clock clock;
  private final OpeningSealer sealer = new OpeningSealer();
  private final HolderProver prover = new HolderProver();

  public HolderVault(
      KeyValueStore store,
      Secp256k1PrivateKey vaultKey,
      AttestationLookup attestations,
      QueryService queries,
      AuditLog audit,
      Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.vaultKey = Objects.requireNonNull(vaultKey, "vaultKey");
    this.attestations = Objects.requireNonNull(attestations, "attestations");
    this.queries = Objects.requireNonNull(queries, "queries");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The public key holders seal openings to before depositing them. */
  public Secp256k1PublicKey depositKey() {
    return vaultKey.publicKey();
  }

  /**
   * Stores an opening for attestation {@code id}. The signature must recover the attestation's
   * holder over {@link VaultRequests#depositDigest}, and the sealed opening must decrypt with the
   * vault key and open the on-chain commitment; otherwise nothing is stored.
   */
  public VaultRecord deposit(
      AttestationId id, SealedOpening sealed, Secp256k1Signature holderSignature) {
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(holderSignature, "holderSignature");
    Address signer =
        Secp256k1.recoverAddress(VaultRequests.depositDigest(id, sealed), holderSignature)
            .orElseThrow(() -> new DataSharingException("the deposit signature recovers no key"));
    return depositAuthenticated(signer, id, sealed);
  }

  /**
   * Stores an opening for a holder the caller has already authenticated by an account-key signature
   * (the API's signed-challenge token). {@code holder} must be the attestation's holder and the
   * sealed opening must decrypt with the vault key and open the on-chain commitment.
   */
  public VaultRecord depositAuthenticated(Address holder, AttestationId id, SealedOpening sealed) {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(sealed, "sealed");
    Attestation a = onChain(id);
    if (!holder.equals(a.holder())) {
      throw new DataSharingException("the deposit is not signed by the attestation's holder");
    }
    try (Opening opening = sealer.open(sealed, vaultKey, id)) {
      if (!opening.commitment().equals(a.commitment())) {
        throw new DataSharingException("the opening does not open the on-chain commitment");
      }
    }
    VaultRecord record = new VaultRecord(id, clock.millis());
    audit.append(
        "vault.deposited",
        ErasureRecord.idOf(holder, id),
        Optional.empty(),
        "",
        record.storedAt(),
        tx ->
            tx.put(
                Column.VAULT,
                key(holder, id),
                Bytes.concat(Keys.u64(record.storedAt()), sealed.encode())));
    return record;
  }

  /** The attestations whose openings the vault holds for {@code holder}, with deposit times. */
  public List<VaultRecord> list(Address holder) {
    Objects.requireNonNull(holder, "holder");
    List<VaultRecord> out = new ArrayList<>();
    Bytes prefix = Bytes.concat(OPENING, holder.toBytes());
    store.scan(
        Column.VAULT,
        KeyRange.prefix(prefix),
        kv -> {
          Hash32 id = Hash32.of(kv.key().slice(prefix.size(), Hash32.SIZE));
          out.add(new VaultRecord(new AttestationId(id), Keys.readU64(kv.value(), 0)));
          return true;
        });
    return out;
  }

  /** Whether the vault holds an opening of {@code holder} for attestation {@code id}. */
  public boolean holds(Address holder, AttestationId id) {
    return store.contains(Column.VAULT, key(holder, id));
  }

  /**
   * Answers a pending query with the holder's consent: proves it with the stored openings and hands
   * the proof to the query service (PROVEN_TRUE or FAILED there), or, when the predicate is false
   * for the values, records REFUSED. Throws, leaving the query pending, when the consent is missing
   * its mark (another query, other attestations, expired, not the holder's signature), the query
   * cannot be resolved on chain, or an opening is not in the vault.
   */
  public Query answer(Consent consent) {
    Objects.requireNonNull(consent, "consent");
    Query query = queries.get(consent.queryId());
    QueryChecks.Resolved resolved = queries.resolve(query);
    Address holder = resolved.attestations().get(0).holder();
    consent.checkCovers(query, holder, clock.millis());
    List<Opening> openings = new ArrayList<>();
    try {
      for (Attestation a : resolved.attestations()) {
        openings.add(sealer.open(stored(holder, a.id()), vaultKey, a.id()));
      }
      Answer answer = prover.answer(query, resolved.attestations(), resolved.schema(), openings);
      if (answer instanceof Answer.Proof p) {
        return queries.answer(query.id(), Bytes.of(p.proof().toBytes()));
      }
      return queries.refuse(query.id(), consent, ((Answer.Cannot) answer).reason());
    } finally {
      openings.forEach(Opening::wipe);
    }
  }

  /**
   * Erases the signer's opening for attestation {@code id}: the signature over {@link
   * VaultRequests#eraseDigest} names the holder by recovery. Deletes the record and stores an
   * {@link ErasureRecord} (and an audit entry) in one atomic write.
   */
  public ErasureRecord erase(AttestationId id, Secp256k1Signature holderSignature) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(holderSignature, "holderSignature");
    Address holder =
        Secp256k1.recoverAddress(VaultRequests.eraseDigest(id), holderSignature)
            .orElseThrow(() -> new DataSharingException("the erasure signature recovers no key"));
    return eraseAuthenticated(holder, id);
  }

  /**
   * Erases {@code holder}'s opening for attestation {@code id}, for a holder the caller has already
   * authenticated by an account-key signature (the API's token).
   */
  public ErasureRecord eraseAuthenticated(Address holder, AttestationId id) {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(id, "id");
    if (!holds(holder, id)) {
      throw new DataSharingException("the vault holds no opening of the signer for " + id);
    }
    ErasureRecord record = new ErasureRecord(ErasureRecord.idOf(holder, id), clock.millis());
    audit.append(
        "vault.erased",
        record.erasureId(),
        Optional.empty(),
        "",
        record.erasedAt(),
        tx -> {
          tx.delete(Column.VAULT, key(holder, id));
          tx.put(
              Column.AUDIT, Bytes.concat(ERASURE, record.erasureId().toBytes()), record.encode());
        });
    return record;
  }

  /** The erasure record with {@code erasureId}, if that erasure happened here. */
  public Optional<ErasureRecord> erasure(Hash32 erasureId) {
    return store
        .get(Column.AUDIT, Bytes.concat(ERASURE, erasureId.toBytes()))
        .map(ErasureRecord::decode);
  }

  private SealedOpening stored(Address holder, AttestationId id) {
    return store
        .get(Column.VAULT, key(holder, id))
        .map(v -> SealedOpening.decode(v.slice(8, v.size() - 8)))
        .orElseThrow(() -> new DataSharingException("the vault holds no opening for " + id));
  }

  private Attestation onChain(AttestationId id) {
    Objects.requireNonNull(id, "id");
    return attestations
        .attestation(id)
        .orElseThrow(() -> new DataSharingException("unknown attestation " + id));
  }

  private static Bytes key(Address holder, AttestationId id) {
    return Bytes.concat(OPENING, holder.toBytes(), id.toBytes());
  }
}
