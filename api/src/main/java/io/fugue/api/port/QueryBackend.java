package io.fugue.api.port;

import io.fugue.api.model.AnswerQueryRequest;
import io.fugue.api.model.Caller;
import io.fugue.api.model.CreateQueryRequest;
import io.fugue.api.model.Digest;
import io.fugue.api.model.QueryResult;
import io.fugue.api.model.QueryView;
import io.vertx.core.Future;

/**
 * Range and aggregate queries (datasharing): a client creates, the holder (or the vault with the
 * holder's consent) answers with a proof, the node verifies and records the outcome. Reads are
 * scoped to the query's client and holder. Called from a worker thread.
 */
public interface QueryBackend {
  Future<Outcome<QueryView>> create(Caller client, CreateQueryRequest request);

  Future<Outcome<QueryView>> query(Caller caller, Digest id);

  /**
   * Verifies the proof against the on-chain commitment; a failed proof is a result, not an error.
   */
  Future<Outcome<QueryResult>> answer(Caller holder, Digest id, AnswerQueryRequest request);

  Future<Outcome<QueryResult>> result(Caller client, Digest id);
}
