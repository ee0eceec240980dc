package io.fugue.chain.module;

import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.util.Optional;
import java.util.Set;

/**
 * The extension point of the ledger (DESIGN.md §1): a module owns some transaction types and a
 * namespace of the authenticated state, and is registered in a {@link ModuleRegistry} at node
 * start. Transfers are the first module ({@link TransferModule}); staking, attestations, fences and
 * DIDs follow the same shape.
 *
 * <p>The executor does the checks common to every type before calling a module: envelope decoding
 * and size, signature (the recovered {@code sender} is passed in), chain id, shard, nonce, and that
 * the sender's balance covers {@code tx.fee()}. The module decodes its own payload from {@link
 * Transaction#body()} (an RLP list) and checks the rest.
 *
 * <p>Both methods must be deterministic functions of their arguments: no clocks, no randomness, no
 * I/O, no mutable static state. They are called by the txpool, the block builder and the block
 * validator, possibly from several threads on different states.
 *
 * <p>A module's records live under {@code state.moduleValue(id().bytes(), key)}; a module must
 * write accounts only for value it moves, and records only under its own id.
 */
public interface LedgerModule {
  /** The module's name, which namespaces its state records. Constant for the module's life. */
  ModuleId id();

  /**
   * The transaction types this module executes. Types 0x00..0x0f belong to the chain's built-in
   * modules; other modules take theirs from {@code TransactionTypes.FIRST_MODULE_TYPE} (0x10) up to
   * 0x7f. Constant for the module's life.
   */
  Set<Integer> transactionTypes();

  /**
   * Whether {@code tx} may execute on {@code state}. The state is the one the transaction would
   * execute on, <em>before</em> its fee is charged and its nonce bumped: a module that spends the
   * sender's balance must check {@code balance >= fee + spend}. {@link Validation.Reject}: the
   * transaction is invalid here (a block holding it is invalid, the pool drops it); {@link
   * Validation.Ignore}: not now (the builder defers it, a block holding it is invalid). Must not
   * throw on any input the codec accepted; a malformed body is a Reject. (As a safety net the
   * executor turns a codec, argument, arithmetic, index or null-pointer exception thrown here into
   * a Reject.)
   */
  Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx);

  /**
   * Carries out a transaction that {@link #validate} accepted on this same state, after the
   * executor charged the fee and bumped the nonce. Throw {@link ModuleException} to fail it: the
   * executor reverts every write made here and records a failed receipt, the fee stays charged.
   */
  ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx);

  /**
   * Work the module does once at the end of every block, after its transactions and rewards and
   * before the state root is taken: the staking module's epoch transition on the beacon chain.
   * Returns the shard state the block's header must name in {@code shardStateHash} when this block
   * changes it (the last block of an epoch), else empty; at most one module of a chain may return
   * one. Deterministic like {@link #apply}; an exception here makes the block invalid.
   */
  default Optional<Hash32> endBlock(StateWriter state, BlockContext ctx, BlockEnd end) {
    return Optional.empty();
  }
}
