/**
 * RFC 9497 VOPRF (ristretto255-SHA512) for pseudonymous identity: {@link
 * io.fugue.zk.oprf.OprfClient} blinds and finalizes, {@link io.fugue.zk.oprf.OprfServer} evaluates
 * a batch under one batched DLEQ proof, {@link io.fugue.zk.oprf.ThresholdOprf} combines t-of-n node
 * evaluations, and {@link io.fugue.zk.oprf.Dkg} generates a shared key that no party ever holds.
 * docs/identity.md describes the flows and what each party learns.
 */
package io.fugue.zk.oprf;
