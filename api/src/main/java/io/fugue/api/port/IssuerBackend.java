package io.fugue.api.port;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Caller;
import io.fugue.api.model.IssuerStatusRequest;
import io.fugue.api.model.IssuerView;
import io.fugue.api.model.RegisterIssuerRequest;
import io.fugue.api.model.SchemaView;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The beacon-chain registries of issuers and schemas (datasharing). Writes are made on behalf of
 * the authenticated {@link Caller}; the implementation turns them into ledger-module transactions.
 * Called from a worker thread.
 */
public interface IssuerBackend {
  Future<List<IssuerView>> issuers();

  Future<Optional<IssuerView>> issuer(AccountAddress account);

  Future<Outcome<IssuerView>> register(Caller caller, RegisterIssuerRequest request);

  /** Governance approves or suspends an issuer. */
  Future<Outcome<IssuerView>> setStatus(
      Caller caller, AccountAddress account, IssuerStatusRequest request);

  Future<List<SchemaView>> schemas();

  Future<Optional<SchemaView>> schema(String id);

  Future<Outcome<SchemaView>> registerSchema(Caller caller, SchemaView schema);
}
