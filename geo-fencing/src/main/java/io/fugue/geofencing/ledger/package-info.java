/**
 * The fences ledger module on the beacon chain: compliance officers registered by governance, fence
 * proposals, k-of-n approvals and the kept history of every fence version. Pure and deterministic;
 * start with {@link io.fugue.geofencing.ledger.FenceRules}.
 */
package io.fugue.geofencing.ledger;
