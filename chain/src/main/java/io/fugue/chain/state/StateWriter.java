package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;

/**
 * Buffered writes to the state of one block, seen by the reads of the same writer. Ledger modules
 * receive this interface; the block executor, which holds the {@link BlockState}, commits it.
 * Checkpoints let the executor undo one transaction's writes when it fails half way.
 */
public interface StateWriter extends StateView {
  /** Sets the account at a 20-byte address; {@link Account#EMPTY} removes it. */
  void setAccount(Bytes address, Account account);

  /** Sets record {@code key} of ledger module {@code moduleId}. */
  void putModuleValue(Bytes moduleId, Bytes key, Bytes value);

  /** Removes record {@code key} of ledger module {@code moduleId} (no effect if absent). */
  void deleteModuleValue(Bytes moduleId, Bytes key);

  /** Marks the current writes; pass the mark to {@link #revertTo} to undo everything after it. */
  int checkpoint();

  /** Undoes every write made after {@code checkpoint} was taken. */
  void revertTo(int checkpoint);
}
