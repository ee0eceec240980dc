package io.fugue.datasharing.query;

import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.registry.Schema;
import io.fugue.zk.Commitment;
import io.fugue.zk.Opening;
import io.fugue.zk.ProofResult;
import io.fugue.zk.RangeProver;
import io.fugue.zk.RangeStatement;
import io.fugue.zk.ZkException;
import java.util.List;
import java.util.Objects;

/**
 * The holder's side of a query (a client-side helper; the vault uses it too): builds the statement
 * from the query and the on-chain attestations, and proves it with the holder's openings bound to
 * the query's transcript context. When the predicate is false for the value, the zk prover refuses
 * and the answer is {@link Answer.Cannot}: no proof of a false claim exists.
 */
public final class HolderProver {
  private final RangeProver prover = new RangeProver();

  /**
   * Answers {@code query} over {@code attestations} (in the query's order, as read from the chain)
   * with {@code openings} (same order). Throws {@link DataSharingException} when the inputs do not
   * belong together (another attestation, an opening of another commitment).
   */
  public Answer answer(
      Query query, List<Attestation> attestations, Schema schema, List<Opening> openings) {
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(schema, "schema");
    check(query, attestations, openings);
    List<Commitment> commitments = attestations.stream().map(Attestation::commitment).toList();
    RangeStatement statement;
    try {
      statement = query.request().predicate().statement(commitments, schema.bits());
    } catch (ZkException e) {
      throw new DataSharingException(
          "the query's statement cannot be formed: " + e.getMessage(), e);
    }
    // The prover refuses false predicates and values that do not fit: the holder cannot prove.
    ProofResult result = prover.prove(statement, openings, QueryContexts.of(query, attestations));
    if (result instanceof ProofResult.Proven proven) {
      return new Answer.Proof(proven.proof());
    }
    return new Answer.Cannot(
        "the holder cannot prove the predicate: " + ((ProofResult.Refused) result).reason());
  }

  private static void check(Query query, List<Attestation> attestations, List<Opening> openings) {
    Objects.requireNonNull(attestations, "attestations");
    Objects.requireNonNull(openings, "openings");
    List<?> ids = attestations.stream().map(Attestation::id).toList();
    if (!ids.equals(query.request().attestations())) {
      throw new DataSharingException("the attestations are not the query's, in its order");
    }
    if (openings.size() != attestations.size()) {
      throw new DataSharingException("one opening per attestation is needed");
    }
    for (int i = 0; i < openings.size(); i++) {
      if (!openings.get(i).commitment().equals(attestations.get(i).commitment())) {
        throw new DataSharingException("opening " + i + " does not open the on-chain commitment");
      }
    }
  }
}
