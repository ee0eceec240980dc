package io.fugue.chain.node;

import io.fugue.chain.consensus.Rejection;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.service.Service;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one shard node, for operators, tests and the devnet API.
 *
 * @param headNumber the last finalized and applied block
 * @param consensusHeight the height consensus is deciding
 * @param viewId the current view at that height
 * @param rejected consensus inputs refused, by reason
 * @param gossipRejected gossip refused before it reached the machine (malformed, non-member)
 * @param syncRejected sync responses refused (bad proof, wrong blocks, malformed)
 * @param beaconHead the latest verified beacon header followed, if this is not the beacon shard
 * @param txGossipAccepted gossiped transactions this node's pool newly took (and so forwarded)
 * @param txGossipIgnored gossiped transactions dropped without blame (known, stale, pool full)
 * @param txGossipRejected gossiped transactions refused as invalid (malformed, bad signature, wrong
 *     chain or shard)
 * @param pendingTransactions the transactions in this node's pool
 * @param importsReused blocks imported by replaying their execution at validation or proposal
 * @param importsExecuted blocks executed in full on import (synced, or not validated here)
 */
public record NodeStatus(
    int shard,
    Service.State state,
    long headNumber,
    Hash32 headHash,
    long consensusHeight,
    long viewId,
    long finalizedBlocks,
    long viewChanges,
    long evidence,
    Map<Rejection, Long> rejected,
    long gossipRejected,
    long syncRequests,
    long syncedBlocks,
    long syncRejected,
    Optional<Long> beaconHead,
    long beaconRejected,
    int peers,
    long txGossipAccepted,
    long txGossipIgnored,
    long txGossipRejected,
    int pendingTransactions,
    long importsReused,
    long importsExecuted) {
  public NodeStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(headHash, "headHash");
    rejected = Map.copyOf(rejected);
    Objects.requireNonNull(beaconHead, "beaconHead");
  }

  public long rejected(Rejection reason) {
    return rejected.getOrDefault(reason, 0L);
  }
}
