/**
 * Geo-fencing (DESIGN.md §8): country fences on shards and data classes set by compliance officers
 * with k-of-n approval. Start with {@link io.fugue.geofencing.policy.FencePolicy} (what a fence
 * says) and {@link io.fugue.geofencing.ledger.FenceModule} (how it changes on the beacon chain).
 */
package io.fugue.geofencing;
