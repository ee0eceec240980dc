/**
 * The ledger's extension point: {@link io.fugue.chain.module.LedgerModule} (validate/apply per
 * transaction type over a namespaced part of the state), the per-node {@link
 * io.fugue.chain.module.ModuleRegistry}, and the first module, {@link
 * io.fugue.chain.module.TransferModule}. Pure: no I/O.
 */
package io.fugue.chain.module;
