package io.fugue.datasharing.identity;

import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.state.StateKeys;
import io.fugue.chain.state.StateProof;
import io.fugue.chain.state.WorldState;
import java.util.Optional;

/**
 * Resolves a did:fugue DID against one beacon state root, with the record's inclusion proof (or,
 * for an unknown DID, the proof that no record exists), and writes the W3C DID Resolution result.
 */
public final class DidResolver {
  private DidResolver() {}

  /** The outcome: {@code error} is {@code invalidDid} or {@code notFound}, or null on success. */
  public record Resolution(
      String did,
      Hash32 root,
      Optional<DidRecord> record,
      Optional<StateProof> proof,
      String error) {}

  public static Resolution resolve(WorldState world, Hash32 root, String did) {
    DidId id;
    try {
      id = DidId.parse(did);
    } catch (IllegalArgumentException e) {
      return new Resolution(did, root, Optional.empty(), Optional.empty(), "invalidDid");
    }
    Optional<DidRecord> record = DidState.did(world.view(root), id);
    StateProof proof = world.proveModuleValue(root, DidState.MODULE_ID, DidState.key(id));
    return new Resolution(
        did, root, record, Optional.of(proof), record.isPresent() ? null : "notFound");
  }

  /** True when the proof binds the resolved record (or its absence) to the root. */
  public static boolean verify(Resolution r) {
    if (r.proof().isEmpty()) {
      return false;
    }
    DidId id = DidId.parse(r.did());
    return r.proof()
        .get()
        .verify(
            r.root(),
            StateKeys.module(DidState.MODULE_ID, DidState.key(id)),
            r.record().map(DidRecord::encode));
  }

  /**
   * The DID Resolution result: {@code {"didDocument", "didResolutionMetadata",
   * "didDocumentMetadata"}}; on error the document is null and the metadata holds {@code error}.
   * The document metadata carries the state root and the hex inclusion proof as {@code
   * fugueStateRoot} and {@code fugueInclusionProof}.
   */
  public static String json(Resolution r, long chainId) {
    if (r.error() != null) {
      return "{\"didDocument\":null,\"didResolutionMetadata\":{\"error\":"
          + DidDocuments.str(r.error())
          + "},\"didDocumentMetadata\":{}}";
    }
    DidRecord rec = r.record().orElseThrow();
    String meta = DidDocuments.metadata(rec);
    String proof = r.proof().map(p -> p.encode().toHex()).orElse("");
    return "{\"didDocument\":"
        + DidDocuments.document(rec, chainId)
        + ",\"didResolutionMetadata\":{\"contentType\":\"application/did+ld+json\"}"
        + ",\"didDocumentMetadata\":"
        + meta.substring(0, meta.length() - 1)
        + ",\"fugueStateRoot\":"
        + DidDocuments.str(r.root().toHex())
        + ",\"fugueInclusionProof\":"
        + DidDocuments.str(proof)
        + "}}";
  }
}
