package io.fugue.chain.node;

import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.consensus.ConsensusSigner;
import io.fugue.chain.consensus.SignatureScheme;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.txpool.TxPool;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link ShardNode} runs on; {@link ShardNodes} assembles it from a genesis.
 *
 * @param consensus the shard's consensus settings (its {@code shard} is the node's shard)
 * @param beaconCommittee the beacon committees to follow headers of (ignored on shard 0)
 * @param store the chain's database, also holding commit proofs, safety record and evidence
 * @param network this node's endpoint; the node closes it when it stops
 * @param leaderSeed the leader-rotation seed (the shard's genesis hash)
 * @param idleBlockIntervalMillis the empty-block policy ({@link IdlePacing}): while its pool is
 *     empty a leader waits up to this long after the parent; 0 = a block every block interval
 */
public record ShardNodeSetup(
    ConsensusConfig consensus,
    CommitteeSource committees,
    Optional<CommitteeSource> beaconCommittee,
    ConsensusSigner signer,
    SignatureScheme scheme,
    Blockchain chain,
    TxPool pool,
    KeyValueStore store,
    ConsensusNetwork network,
    Bytes leaderSeed,
    Clock clock,
    SyncLimits syncLimits,
    int maxTransactionsPerBlock,
    long idleBlockIntervalMillis) {
  /** A setup without the empty-block policy: a block every block interval. */
  public ShardNodeSetup(
      ConsensusConfig consensus,
      CommitteeSource committees,
      Optional<CommitteeSource> beaconCommittee,
      ConsensusSigner signer,
      SignatureScheme scheme,
      Blockchain chain,
      TxPool pool,
      KeyValueStore store,
      ConsensusNetwork network,
      Bytes leaderSeed,
      Clock clock,
      SyncLimits syncLimits,
      int maxTransactionsPerBlock) {
    this(
        consensus,
        committees,
        beaconCommittee,
        signer,
        scheme,
        chain,
        pool,
        store,
        network,
        leaderSeed,
        clock,
        syncLimits,
        maxTransactionsPerBlock,
        0);
  }

  public ShardNodeSetup {
    Objects.requireNonNull(consensus, "consensus");
    Objects.requireNonNull(committees, "committees");
    Objects.requireNonNull(beaconCommittee, "beaconCommittee");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(leaderSeed, "leaderSeed");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(syncLimits, "syncLimits");
    if (maxTransactionsPerBlock < 0) {
      throw new IllegalArgumentException("maxTransactionsPerBlock >= 0");
    }
    IdlePacing.check(
        idleBlockIntervalMillis, consensus.blockIntervalMillis(), consensus.phaseTimeoutMillis());
  }
}
