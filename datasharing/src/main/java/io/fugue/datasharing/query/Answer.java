package io.fugue.datasharing.query;

import io.fugue.zk.RangeProof;
import java.util.Objects;

/** What the holder's side produces for a query: a proof, or the reason it cannot prove. */
public sealed interface Answer {
  /** A range proof bound to the query. */
  record Proof(RangeProof proof) implements Answer {
    public Proof {
      Objects.requireNonNull(proof, "proof");
    }
  }

  /** No proof: the predicate is false for the committed value(s), or the holder declines. */
  record Cannot(String reason) implements Answer {
    public Cannot {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
