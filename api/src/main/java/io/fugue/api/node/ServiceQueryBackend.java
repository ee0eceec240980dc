package io.fugue.api.node;

import io.fugue.api.model.AnswerQueryRequest;
import io.fugue.api.model.Caller;
import io.fugue.api.model.CreateQueryRequest;
import io.fugue.api.model.Digest;
import io.fugue.api.model.QueryResult;
import io.fugue.api.model.QueryView;
import io.fugue.api.port.Outcome;
import io.fugue.api.port.QueryBackend;
import io.fugue.chain.crypto.Secp256k1;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ChainException;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.holder.HolderVault;
import io.fugue.datasharing.query.Consent;
import io.fugue.datasharing.query.Predicate;
import io.fugue.datasharing.query.Query;
import io.fugue.datasharing.query.QueryId;
import io.fugue.datasharing.query.QueryRequest;
import io.fugue.datasharing.query.QueryService;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * {@link QueryBackend} over the node's {@link QueryService} and {@link HolderVault}. A query is
 * visible to its client and to the holder of its attestations, answerable by that holder only
 * (directly with a proof or a signed decline, or through the vault with a signed consent), and its
 * result is the client's. Several attestations with {@code gte} make the aggregate {@code sum_gte}
 * query.
 */
public final class ServiceQueryBackend implements QueryBackend {
  private final QueryService queries;
  private final HolderVault vault;
  private final DataSharingReads reads;

  public ServiceQueryBackend(QueryService queries, HolderVault vault, DataSharingReads reads) {
    this.queries = queries;
    this.vault = vault;
    this.reads = reads;
  }

  @Override
  public Future<Outcome<QueryView>> create(Caller client, CreateQueryRequest r) {
    return LedgerChainBackend.call(
        () -> {
          try {
            List<AttestationId> ids =
                r.attestations().stream().map(d -> new AttestationId(Convert.hash(d))).toList();
            QueryRequest request =
                new QueryRequest(
                    ids,
                    predicate(r, ids.size()),
                    r.purpose(),
                    Convert.bytes(r.nonce()),
                    Convert.address(client.address()));
            return Outcome.done(view(queries.create(request)));
          } catch (DataSharingException | IllegalArgumentException e) {
            return Outcome.rejected(Outcome.Reason.INVALID, e.getMessage());
          }
        });
  }

  @Override
  public Future<Outcome<QueryView>> query(Caller caller, Digest id) {
    return LedgerChainBackend.call(
        () -> {
          Outcome<Query> found = visible(caller, id, true);
          return found instanceof Outcome.Done<Query> d
              ? Outcome.done(view(d.value()))
              : Outcome.<QueryView>rejected(
                  ((Outcome.Rejected<Query>) found).reason(),
                  ((Outcome.Rejected<Query>) found).detail());
        });
  }

  @Override
  public Future<Outcome<QueryResult>> answer(Caller holder, Digest id, AnswerQueryRequest r) {
    return LedgerChainBackend.call(
        () -> {
          Outcome<Query> found = visible(holder, id, false);
          if (found instanceof Outcome.Rejected<Query> no) {
            return Outcome.rejected(no.reason(), no.detail());
          }
          Query query = ((Outcome.Done<Query>) found).value();
          Consent consent = null;
          Secp256k1Signature decline = null;
          try {
            if (r.vaultConsent() != null) {
              consent = Consent.decode(Convert.bytes(r.vaultConsent()));
            } else if (r.decline() != null) {
              decline = Secp256k1Signature.fromBytes(Convert.bytes(r.decline()));
            }
          } catch (DataSharingException | ChainException e) {
            return Outcome.rejected(
                Outcome.Reason.INVALID,
                (r.vaultConsent() != null ? "malformed consent: " : "malformed decline: ")
                    + e.getMessage());
          }
          if (consent != null && !consent.queryId().equals(query.id())) {
            // A consent answers the query it was signed for, and only under that query's own path:
            // otherwise the holder of one query could trigger (and learn) another holder's answer.
            return Outcome.rejected(
                Outcome.Reason.CONFLICT,
                "the consent was signed for another query, not "
                    + id
                    + "; post it under its own query");
          }
          // A signature by another key is an authorization failure (403), not a state conflict.
          Address caller = Convert.address(holder.address());
          Optional<Address> signer =
              consent != null
                  ? consent.signer()
                  : decline != null
                      ? Secp256k1.recoverAddress(QueryService.declineDigest(query.id()), decline)
                      : Optional.of(caller);
          if (!signer.filter(caller::equals).isPresent()) {
            return Outcome.rejected(
                Outcome.Reason.FORBIDDEN,
                (consent != null ? "the consent" : "the decline")
                    + " is not signed by the query's holder "
                    + caller);
          }
          try {
            Query decided =
                consent != null
                    ? vault.answer(consent)
                    : decline != null
                        ? queries.decline(query.id(), decline, r.reason())
                        : queries.answer(query.id(), Convert.bytes(r.proof()));
            return Outcome.done(result(decided));
          } catch (DataSharingException e) {
            return Outcome.rejected(Outcome.Reason.CONFLICT, e.getMessage());
          }
        });
  }

  @Override
  public Future<Outcome<QueryResult>> result(Caller client, Digest id) {
    return LedgerChainBackend.call(
        () -> {
          Optional<Query> q = queries.find(new QueryId(Convert.hash(id)));
          if (q.isEmpty()) {
            return Outcome.rejected(Outcome.Reason.NOT_FOUND, "no query " + id);
          }
          if (!q.get().request().requester().equals(Convert.address(client.address()))) {
            return Outcome.rejected(
                Outcome.Reason.FORBIDDEN, "only the query's client sees its result");
          }
          return Outcome.done(result(q.get()));
        });
  }

  /** The query, if {@code caller} is its holder (or, when {@code clientToo}, its client). */
  private Outcome<Query> visible(Caller caller, Digest id, boolean clientToo) {
    Optional<Query> q = queries.find(new QueryId(Convert.hash(id)));
    if (q.isEmpty()) {
      return Outcome.rejected(Outcome.Reason.NOT_FOUND, "no query " + id);
    }
    Address who = Convert.address(caller.address());
    boolean client = q.get().request().requester().equals(who);
    boolean holder =
        reads
            .attestation(q.get().request().attestations().get(0))
            .map(Attestation::holder)
            .filter(who::equals)
            .isPresent();
    if (holder || (clientToo && client)) {
      return Outcome.done(q.get());
    }
    return Outcome.rejected(
        Outcome.Reason.FORBIDDEN,
        clientToo
            ? "only the query's client and holder see it"
            : "only the attestation's holder answers");
  }

  private static Predicate predicate(CreateQueryRequest r, int attestations) {
    return switch (r.predicate()) {
      case "gte" ->
          attestations > 1
              ? new Predicate.SumAtLeast(r.threshold())
              : new Predicate.AtLeast(r.threshold());
      case "lte" -> new Predicate.AtMost(r.threshold());
      case "between" -> {
        if (r.upper() == null) {
          throw new DataSharingException("between needs upper");
        }
        yield new Predicate.Between(r.threshold(), r.upper());
      }
      default -> throw new DataSharingException("unknown predicate " + r.predicate());
    };
  }

  private QueryView view(Query q) {
    QueryRequest r = q.request();
    List<Long> t = r.predicate().thresholds();
    String name = r.predicate().name().equals("sum_gte") ? "gte" : r.predicate().name();
    return new QueryView(
        Convert.digest(q.id().value()),
        Convert.address(r.requester()),
        r.attestations().stream().map(a -> Convert.digest(a.value())).toList(),
        name,
        t.get(0),
        t.size() > 1 ? t.get(1) : null,
        r.purpose(),
        Convert.hex(r.nonce()),
        status(q),
        Convert.seconds(q.createdAt()));
  }

  static QueryResult result(Query q) {
    String status = status(q);
    Boolean outcome = status.equals("open") ? null : status.equals("verified");
    return new QueryResult(
        Convert.digest(q.id().value()),
        status,
        outcome,
        q.proofHash().map(Convert::digest).orElse(null),
        q.reason().isEmpty() ? null : q.reason());
  }

  static String status(Query q) {
    return switch (q.status()) {
      case PENDING -> "open";
      case PROVEN_TRUE -> "verified";
      case REFUSED -> "refused";
      case FAILED -> "failed";
    };
  }
}
