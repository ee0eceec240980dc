package io.fugue.chain.module;

import io.fugue.chain.primitives.ChainException;

/**
 * Thrown by {@link LedgerModule#apply} when a transaction that passed validation cannot be carried
 * out. The executor undoes the transaction's writes (the fee stays charged) and records a failed
 * receipt (status FAILED, no logs). The message is logged, not stored, so it need not be
 * byte-identical across nodes; the outcome (throw or not) must be deterministic.
 */
public class ModuleException extends ChainException {
  public ModuleException(String message) {
    super(message);
  }

  public ModuleException(String message, Throwable cause) {
    super(message, cause);
  }
}
