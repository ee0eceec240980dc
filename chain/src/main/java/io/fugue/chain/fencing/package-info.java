/**
 * The ports chain offers to geo-fencing (DESIGN.md §8): {@link
 * io.fugue.chain.fencing.ShardEligibility} for committee membership of fenced shards and {@link
 * io.fugue.chain.fencing.PeerAdmission} for gossip and sync of fenced shards. Interfaces only; the
 * geo-fencing module implements them and the API's wiring plugs them in.
 */
package io.fugue.chain.fencing;
