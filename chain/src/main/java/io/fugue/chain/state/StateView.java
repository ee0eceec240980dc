package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import java.util.Optional;

/** Read-only access to the state at one root (or to a block's state while it is being written). */
public interface StateView {
  /** The account at a 20-byte address; {@link Account#EMPTY} if it was never written. */
  Account account(Bytes address);

  /** Record {@code key} of ledger module {@code moduleId}, if present. */
  Optional<Bytes> moduleValue(Bytes moduleId, Bytes key);
}
