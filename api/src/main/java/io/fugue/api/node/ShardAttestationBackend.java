package io.fugue.api.node;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationProofView;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Caller;
import io.fugue.api.model.Digest;
import io.fugue.api.model.PublishAttestationRequest;
import io.fugue.api.model.RevokeAttestationRequest;
import io.fugue.api.port.AttestationBackend;
import io.fugue.api.port.Outcome;
import io.fugue.chain.primitives.Address;
import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.attestation.AttestationState;
import io.fugue.datasharing.attestation.Subject;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * {@link AttestationBackend} over the shards' attestation records. Publication and revocation are
 * issuer-signed shard transactions ({@code AttestationTx}), submitted to {@code POST
 * /v1/chain/transactions}; the write methods say so (see {@link RegistryIssuerBackend}). Listing by
 * subject shows the caller only the attestations it holds, and refuses a caller who holds none of a
 * subject's attestations.
 */
public final class ShardAttestationBackend implements AttestationBackend {
  private final DataSharingReads reads;

  public ShardAttestationBackend(DataSharingReads reads) {
    this.reads = reads;
  }

  @Override
  public Future<Outcome<AttestationView>> publish(
      Caller issuer, PublishAttestationRequest request) {
    return Future.succeededFuture(
        Outcome.rejected(
            Outcome.Reason.INVALID,
            RegistryIssuerBackend.SIGN_IT.formatted("attestation publication", "fugue attest")));
  }

  @Override
  public Future<Optional<AttestationView>> attestation(Digest id) {
    return LedgerChainBackend.call(
        () -> reads.attestation(new AttestationId(Convert.hash(id))).map(reads::view));
  }

  @Override
  public Future<Optional<AttestationProofView>> proof(Digest id) {
    return LedgerChainBackend.call(() -> reads.proof(new AttestationId(Convert.hash(id))));
  }

  @Override
  public Future<Outcome<AttestationView>> revoke(
      Caller issuer, Digest id, RevokeAttestationRequest request) {
    return Future.succeededFuture(
        Outcome.rejected(
            Outcome.Reason.INVALID,
            RegistryIssuerBackend.SIGN_IT.formatted("attestation revocation", "fugue revoke")));
  }

  @Override
  public Future<Outcome<List<AttestationView>>> bySubject(Caller holder, String subject) {
    return LedgerChainBackend.call(
        () -> {
          List<Attestation> all =
              reads.listed(
                  Subject.of(subject),
                  (state, s) -> AttestationState.bySubject(state, s, 0, DataSharingReads.MAX_LIST));
          Address caller = Convert.address(holder.address());
          List<AttestationView> held =
              all.stream().filter(a -> a.holder().equals(caller)).map(reads::view).toList();
          if (!all.isEmpty() && held.isEmpty()) {
            return Outcome.rejected(
                Outcome.Reason.FORBIDDEN, "the caller holds none of this subject's attestations");
          }
          return Outcome.done(held);
        });
  }

  @Override
  public Future<List<AttestationView>> byIssuer(AccountAddress issuer) {
    return LedgerChainBackend.call(
        () ->
            reads
                .listed(
                    Convert.address(issuer),
                    (state, a) -> AttestationState.byIssuer(state, a, 0, DataSharingReads.MAX_LIST))
                .stream()
                .map(reads::view)
                .toList());
  }
}
