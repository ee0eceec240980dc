package io.fugue.chain.node;

import io.fugue.chain.consensus.Committee;
import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.execution.ShardStateRule;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingState;
import io.fugue.chain.state.StateView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * The committees of a staking network (docs/staking.md, "Committees in consensus"), read from the
 * beacon chain's staking state as this node holds it: the shard state of epoch e is elected at the
 * last beacon block of epoch e − 1 and stored under e; shard s's committee in epoch e is its slots
 * in that state (keys ascending, their voting power), or the genesis committee while e is before
 * the genesis' {@code electedFromEpoch}.
 *
 * <ul>
 *   <li>The beacon chain's block h is voted on by the committee of epoch ⌊(h − 1) / epochBlocks⌋
 *       ({@link io.fugue.chain.staking.StakingParams#votingEpoch}): the state the epoch's last
 *       block elects is stored before the first height it seats.
 *   <li>Another shard's block h is voted on by the committee of the epoch whose shard state its
 *       grandparent header (block h − 2; block 0 for h ≤ 2) names in {@code shardStateHash} (block
 *       0 names its genesis committee: epoch 0). A leader names the newest shard state its node has
 *       known for at least the settle time ({@link #shardRule}); a validator accepts the parent's
 *       value or any later epoch it knows.
 * </ul>
 *
 * <p>Both shifts exist because a consensus machine enters height h + 1 as it finalizes block h,
 * before its node has stored h: the committee of h + 1 must not depend on block h.
 *
 * <p>Thread-safe: consensus, sync and gossip threads ask concurrently; shard states are read from
 * the beacon state on demand and the few most recent kept.
 */
public final class ElectedCommittees {
  private static final int CACHED_STATES = 8;

  private final StakingGenesis staking;
  private final Supplier<StateView> beacon;
  private final List<Committee> genesisCommittees = new ArrayList<>();
  private final List<Hash32> genesisNames = new ArrayList<>();
  private final Map<Hash32, Long> epochByHash = new ConcurrentHashMap<>();
  private final Map<Long, Long> firstSeenNanos = new ConcurrentHashMap<>();
  private final Map<Long, ShardState> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, ShardState> eldest) {
          return size() > CACHED_STATES;
        }
      };
  private volatile long newest;

  private ElectedCommittees(GenesisConfig genesis, Supplier<StateView> beacon) {
    this.staking = genesis.staking().orElseThrow();
    this.beacon = Objects.requireNonNull(beacon, "beacon");
    for (int s = 0; s < genesis.shardCount(); s++) {
      genesisCommittees.add(ShardNodes.committee(genesis, s));
      genesisNames.add(Genesis.forShard(genesis, ShardId.of(s)).block().header().shardStateHash());
    }
    firstSeenNanos.put(0L, Long.MIN_VALUE / 2);
  }

  /**
   * The committees of {@code genesis}' network if it stakes with elected committees (a finite
   * {@code electedFromEpoch}), reading the beacon state from {@code beacon} (the node's beacon
   * chain or replica head).
   */
  public static Optional<ElectedCommittees> of(GenesisConfig genesis, Supplier<StateView> beacon) {
    return genesis.staking().isPresent()
            && genesis.staking().get().electedFromEpoch() != StakingGenesis.NEVER
        ? Optional.of(new ElectedCommittees(genesis, beacon))
        : Optional.empty();
  }

  /** The committee of {@code shard} in {@code epoch}, if this node knows that epoch's state. */
  public Optional<Committee> committee(long epoch, int shard) {
    if (!staking.elected(epoch)) {
      return Optional.of(genesisCommittees.get(shard));
    }
    return shardState(epoch).map(st -> st.shard(ShardId.of(shard)).committee());
  }

  /** The newest epoch whose shard state the beacon state holds. */
  public long newestEpoch() {
    long e = newest;
    StateView state = beacon.get();
    while (StakingState.shardState(state, e + 1).isPresent()) {
      e++;
      firstSeenNanos.putIfAbsent(e, System.nanoTime());
    }
    newest = e;
    return e;
  }

  /** The epoch whose shard state hashes to {@code named}, on {@code shard}'s chain. */
  public Optional<Long> epochOf(int shard, Hash32 named) {
    if (named.equals(genesisNames.get(shard))) {
      return Optional.of(0L);
    }
    Long known = epochByHash.get(named);
    if (known != null) {
      return Optional.of(known);
    }
    for (long e = newestEpoch(); e >= 0; e--) {
      Optional<ShardState> st = shardState(e);
      if (st.isEmpty()) {
        break;
      }
      if (st.get().hash().equals(named)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  private Optional<ShardState> shardState(long epoch) {
    synchronized (recent) {
      ShardState cached = recent.get(epoch);
      if (cached != null) {
        return Optional.of(cached);
      }
    }
    Optional<ShardState> st = StakingState.shardState(beacon.get(), epoch);
    st.ifPresent(
        s -> {
          epochByHash.put(s.hash(), epoch);
          synchronized (recent) {
            recent.put(epoch, s);
          }
        });
    return st;
  }

  private Committee committeeOrNewest(long epoch, int shard) {
    return committee(epoch, shard)
        .or(() -> committee(newestEpoch(), shard))
        .orElse(genesisCommittees.get(shard));
  }

  /**
   * The beacon chain's committees: height h votes in epoch ⌊(h − 1) / epochBlocks⌋. A height past
   * what the beacon state has elected (a message from the future) gets the newest committee and is
   * not {@linkplain CommitteeSource#knows known}.
   */
  public CommitteeSource beacon() {
    return new CommitteeSource() {
      @Override
      public Committee committeeFor(long height) {
        return committeeOrNewest(staking.params().votingEpoch(height), 0);
      }

      @Override
      public boolean knows(long height) {
        long epoch = staking.params().votingEpoch(height);
        return !staking.elected(epoch) || epoch <= newestEpoch();
      }
    };
  }

  /**
   * Shard {@code shard}'s committees on a chain whose headers {@code headerAt} returns: height h
   * votes in the epoch its grandparent header names; a height past that (a message from the future)
   * gets the head's and is not {@linkplain CommitteeSource#knows known}.
   */
  public CommitteeSource shard(
      int shard, LongFunction<Optional<BlockHeader>> headerAt, Supplier<BlockHeader> head) {
    if (shard == 0) {
      throw new IllegalArgumentException("the beacon chain's committees follow its heights");
    }
    Map<Long, Committee> byHeight = new ConcurrentHashMap<>();
    return new CommitteeSource() {
      @Override
      public Committee committeeFor(long height) {
        Committee cached = byHeight.get(height);
        if (cached != null) {
          return cached;
        }
        Optional<BlockHeader> parent = headerAt.apply(namingHeight(height));
        BlockHeader named = parent.orElseGet(head);
        Optional<Committee> exact =
            epochOf(shard, named.shardStateHash()).flatMap(e -> committee(e, shard));
        if (parent.isPresent() && exact.isPresent()) {
          if (byHeight.size() > 64) {
            byHeight.clear();
          }
          byHeight.put(height, exact.get());
          return exact.get();
        }
        return exact.orElseGet(() -> committeeOrNewest(newestEpoch(), shard));
      }

      @Override
      public boolean knows(long height) {
        return byHeight.containsKey(height) || headerAt.apply(namingHeight(height)).isPresent();
      }
    };
  }

  /**
   * The header whose {@code shardStateHash} names the committee of shard block {@code height}: the
   * grandparent (block 0 for heights 0..2), so that the block a machine has just finalized — not
   * yet stored when it enters the next height — never decides that next height's committee.
   */
  private static long namingHeight(long height) {
    return Math.max(0, height - 2);
  }

  /**
   * The header rule of shard {@code shard} (not the beacon chain): a leader names the newest shard
   * state after its parent's that this node has known for at least {@code settle} (so that the
   * other validators' beacon chains have it too), else its parent's; a validator accepts its
   * parent's or a later epoch it knows.
   */
  public ShardStateRule shardRule(int shard, Duration settle) {
    long settleNanos = settle.toNanos();
    return new ShardStateRule() {
      @Override
      public Hash32 name(BlockHeader parent, Hash32 computed) {
        Optional<Long> parentEpoch = epochOf(shard, parent.shardStateHash());
        if (parentEpoch.isEmpty()) {
          return parent.shardStateHash();
        }
        long now = System.nanoTime();
        for (long e = newestEpoch(); e > parentEpoch.get(); e--) {
          Long seen = firstSeenNanos.get(e);
          if (seen != null && now - seen >= settleNanos) {
            Optional<ShardState> st = shardState(e);
            if (st.isPresent()) {
              return st.get().hash();
            }
          }
        }
        return parent.shardStateHash();
      }

      @Override
      public Optional<String> check(BlockHeader parent, Hash32 computed, Hash32 named) {
        if (named.equals(parent.shardStateHash())) {
          return Optional.empty();
        }
        Optional<Long> parentEpoch = epochOf(shard, parent.shardStateHash());
        Optional<Long> epoch = epochOf(shard, named);
        if (epoch.isEmpty()) {
          return Optional.of(
              "names a shard state this node's beacon chain does not hold (it may be behind)");
        }
        if (parentEpoch.isPresent() && epoch.get() <= parentEpoch.get()) {
          return Optional.of(
              "names epoch " + epoch.get() + ", not after its parent's " + parentEpoch.get());
        }
        return Optional.empty();
      }
    };
  }
}
