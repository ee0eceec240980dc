/**
 * Epoch randomness of the beacon chain (docs/randomness.md): the proposers' BLS-VRF outputs ({@link
 * io.fugue.chain.randomness.Vrf}), their combination into the epoch's pRnd, the VDF difficulty rule
 * and the fallback seed ({@link io.fugue.chain.randomness.EpochRandomness}). Pure functions; the
 * VDF evaluation itself lives in the native library.
 */
package io.fugue.chain.randomness;
