/**
 * Privacy-preserving data sharing on top of the chain: issuers and schemas (beacon-chain ledger
 * module, {@link io.fugue.datasharing.registry}), attestations (shard ledger module, {@link
 * io.fugue.datasharing.attestation}), openings and the holder vault ({@link
 * io.fugue.datasharing.holder}) and range queries answered by zero-knowledge proofs ({@link
 * io.fugue.datasharing.query}). Start with {@code docs/data-sharing.md}.
 */
package io.fugue.datasharing;
