package io.fugue.api.node;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Caller;
import io.fugue.api.model.IssuerStatusRequest;
import io.fugue.api.model.IssuerView;
import io.fugue.api.model.RegisterIssuerRequest;
import io.fugue.api.model.SchemaView;
import io.fugue.api.port.IssuerBackend;
import io.fugue.api.port.Outcome;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.registry.SchemaId;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * {@link IssuerBackend} over the beacon chain's registry. Writes change chain state, so on a node
 * they are signed transactions of the actor's account ({@code RegistryTx} bodies) submitted to
 * {@code POST /v1/chain/transactions}: the node holds no account keys and cannot sign for the
 * caller. The write methods therefore refuse with a pointer to that endpoint (and to the CLI
 * commands that build and sign them) instead of pretending to apply anything.
 */
public final class RegistryIssuerBackend implements IssuerBackend {
  static final String SIGN_IT =
      "on a node, registry changes are transactions signed by the actor's account key: submit the "
          + "signed %s transaction to POST /v1/chain/transactions (the CLI builds it: %s)";

  private final DataSharingReads reads;

  public RegistryIssuerBackend(DataSharingReads reads) {
    this.reads = reads;
  }

  @Override
  public Future<List<IssuerView>> issuers() {
    return LedgerChainBackend.call(
        () -> reads.issuers().stream().map(DataSharingReads::view).toList());
  }

  @Override
  public Future<Optional<IssuerView>> issuer(AccountAddress account) {
    return LedgerChainBackend.call(
        () -> reads.issuer(Convert.address(account)).map(DataSharingReads::view));
  }

  @Override
  public Future<Outcome<IssuerView>> register(Caller caller, RegisterIssuerRequest request) {
    return Future.succeededFuture(
        Outcome.rejected(
            Outcome.Reason.INVALID,
            SIGN_IT.formatted("issuer registration", "fugue issuer register")));
  }

  @Override
  public Future<Outcome<IssuerView>> setStatus(
      Caller caller, AccountAddress account, IssuerStatusRequest request) {
    return Future.succeededFuture(
        Outcome.rejected(
            Outcome.Reason.INVALID,
            SIGN_IT.formatted("issuer approval or suspension", "fugue issuer approve")));
  }

  @Override
  public Future<List<SchemaView>> schemas() {
    return LedgerChainBackend.call(
        () -> reads.schemas().stream().map(DataSharingReads::view).toList());
  }

  @Override
  public Future<Optional<SchemaView>> schema(String id) {
    return LedgerChainBackend.call(
        () -> {
          try {
            return reads.schema(SchemaId.of(id)).map(DataSharingReads::view);
          } catch (DataSharingException e) {
            return Optional.<SchemaView>empty();
          }
        });
  }

  @Override
  public Future<Outcome<SchemaView>> registerSchema(Caller caller, SchemaView schema) {
    return Future.succeededFuture(
        Outcome.rejected(
            Outcome.Reason.INVALID, SIGN_IT.formatted("schema creation", "fugue schema create")));
  }
}
