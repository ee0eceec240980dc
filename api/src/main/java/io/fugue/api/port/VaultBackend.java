package io.fugue.api.port;

import io.fugue.api.model.Caller;
import io.fugue.api.model.Digest;
import io.fugue.api.model.StoreOpeningRequest;
import io.fugue.api.model.VaultEntry;
import io.fugue.api.model.VaultKey;
import io.vertx.core.Future;
import java.util.List;

/**
 * The holder vault: openings encrypted to the holder, kept at rest on the node (no geo-fence
 * constrains which node yet), listed and erased by the holder only. Called from a worker thread.
 */
public interface VaultBackend {
  Future<Outcome<VaultEntry>> store(
      Caller holder, Digest attestationId, StoreOpeningRequest request);

  /** The public key openings are sealed to before {@link #store}. */
  Future<VaultKey> depositKey();

  Future<List<VaultEntry>> list(Caller holder);

  /** Erases the opening (GDPR Art. 17); {@code NOT_FOUND} when the holder has none for that id. */
  Future<Outcome<VaultEntry>> erase(Caller holder, Digest attestationId);
}
