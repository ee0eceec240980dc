/**
 * Attestations on the subject's shard: {@link io.fugue.datasharing.attestation.AttestationModule}
 * (the ledger module), {@link io.fugue.datasharing.attestation.AttestationRules}, the on-chain
 * records and listing indexes ({@link io.fugue.datasharing.attestation.AttestationState}), and the
 * {@link io.fugue.datasharing.attestation.IssuerDirectory} port through which a shard reads the
 * beacon chain's registry. Pure: no I/O.
 */
package io.fugue.datasharing.attestation;
