package io.fugue.chain.staking.sim;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.CuckooParams;
import io.fugue.chain.staking.CuckooPlacement;
import io.fugue.chain.staking.Election;
import io.fugue.chain.staking.Placement;
import io.fugue.chain.staking.ShardCommittee;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.Slot;
import io.fugue.chain.staking.StakingParams;
import io.fugue.chain.staking.Validator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * One deterministic run of the resharding simulation (docs/randomness.md, "Simulation"):
 * equal-stake validators with one key each, all elected every epoch through the real {@link
 * Election} with the placement under test. Each epoch the honest side replaces {@code honestChurn}
 * random nodes by new ones, and the adversary, seeing the previous shard state, picks as target the
 * shard where it has the largest share (among shards it does not yet hold with ≥ 2/3 and that have
 * room) and re-stakes up to {@code restakePerEpoch} of its keys from the shards where its share is
 * smallest under fresh keys. Against {@code key mod shards} its fresh keys are ground until they
 * map to the target.
 */
public final class ReshardingSimulation {
  /** The placement rules compared. */
  public enum Rule {
    CUCKOO,
    UNIFORM,
    KEY_MOD_SHARDS
  }

  /** One run's inputs. */
  public record Config(
      Rule rule,
      int nodes,
      int shards,
      int epochs,
      double adversaryFraction,
      int restakePerEpoch,
      int honestChurn,
      CuckooParams cuckoo,
      long seed) {}

  /** One run's outputs; {@code maxSharePerEpoch[e]} is the largest adversary share of epoch e. */
  public record Result(
      Config config, double maxShare, long takeoverEpochs, double[] maxSharePerEpoch, long millis) {
    public double takeoverFraction() {
      return (double) takeoverEpochs / config.epochs();
    }
  }

  private record Node(Validator validator, boolean adversarial) {}

  private final Config config;
  private final StakingParams params;
  private final Random random;
  private final Map<ValidatorKey, Node> nodes = new LinkedHashMap<>();
  private final Set<ValidatorKey> adversaryKeys = new java.util.HashSet<>();
  private long nextId;

  public ReshardingSimulation(Config config) {
    this.config = config;
    int perShard = Math.max(1, config.nodes() / config.shards());
    this.params =
        new StakingParams(
            10,
            Math.min(StakingParams.MAX_SLOTS_PER_SHARD, perShard),
            Uint256.of(100),
            Uint256.of(10),
            1,
            0,
            0,
            0,
            StakingParams.BPS,
            0,
            0);
    if ((long) perShard * config.shards() != config.nodes()) {
      throw new IllegalArgumentException("nodes must be a multiple of shards");
    }
    this.random = new Random(config.seed());
  }

  public Result run() {
    long t0 = System.nanoTime();
    int adversarial = (int) Math.round(config.nodes() * config.adversaryFraction());
    for (int i = 0; i < config.nodes(); i++) {
      add(i < adversarial, -1);
    }
    double[] perEpoch = new double[config.epochs()];
    double max = 0;
    long takeovers = 0;
    ShardState previous = null;
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      if (previous != null) {
        churn(previous);
      }
      Hash32 seed =
          Hashing.keccak256(
              Bytes.of(ByteBuffer.allocate(16).putLong(config.seed()).putLong(epoch).array()));
      ShardState state =
          Election.elect(
              epoch,
              nodes.values().stream().map(Node::validator).toList(),
              params,
              config.shards(),
              seed,
              placement(previous));
      double worst = 0;
      for (ShardCommittee c : state.shards()) {
        worst = Math.max(worst, adversaryShare(c));
      }
      perEpoch[epoch] = worst;
      max = Math.max(max, worst);
      if (worst * 3 >= 1) {
        takeovers++;
      }
      previous = state;
    }
    return new Result(config, max, takeovers, perEpoch, (System.nanoTime() - t0) / 1_000_000);
  }

  private Placement placement(ShardState previous) {
    return switch (config.rule()) {
      case CUCKOO ->
          new CuckooPlacement(previous, config.cuckoo(), CuckooPlacement.Eligibility.ALL);
      case UNIFORM -> Placement.UNIFORM;
      case KEY_MOD_SHARDS -> ReshardingSimulation::keyMod;
    };
  }

  /** Harmony's rule: the key read as a big-endian integer, modulo the shard count. */
  static int keyModShard(ValidatorKey key, int shards) {
    return new java.math.BigInteger(1, key.bytes().toArray())
        .mod(java.math.BigInteger.valueOf(shards))
        .intValueExact();
  }

  private static int[] keyMod(long epoch, List<ValidatorKey> winners, int shards, Hash32 seed) {
    int[] out = new int[winners.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = keyModShard(winners.get(i), shards);
    }
    return out;
  }

  private double adversaryShare(ShardCommittee c) {
    long adv = 0;
    for (Slot s : c.slots()) {
      if (adversaryKeys.contains(s.key())) {
        adv += s.votingPower();
      }
    }
    return (double) adv / c.totalPower();
  }

  private void churn(ShardState previous) {
    List<ValidatorKey> honest = new ArrayList<>();
    for (Map.Entry<ValidatorKey, Node> e : nodes.entrySet()) {
      if (!e.getValue().adversarial()) {
        honest.add(e.getKey());
      }
    }
    for (int i = 0; i < config.honestChurn() && !honest.isEmpty(); i++) {
      nodes.remove(honest.remove(random.nextInt(honest.size())));
      add(false, -1);
    }
    adversaryMoves(previous);
  }

  private void adversaryMoves(ShardState previous) {
    int shards = previous.shards().size();
    Map<Integer, List<ValidatorKey>> advKeys = new HashMap<>();
    double[] share = new double[shards];
    int[] size = new int[shards];
    for (ShardCommittee c : previous.shards()) {
      int s = c.shard().value();
      share[s] = adversaryShare(c);
      size[s] = c.slots().size();
      List<ValidatorKey> keys = new ArrayList<>();
      for (Slot slot : c.slots()) {
        if (nodes.containsKey(slot.key()) && nodes.get(slot.key()).adversarial()) {
          keys.add(slot.key());
        }
      }
      advKeys.put(s, keys);
    }
    int target = -1;
    for (int s = 0; s < shards; s++) {
      boolean open = share[s] * 3 < 2 && size[s] < StakingParams.MAX_SLOTS_PER_SHARD * 9 / 10;
      if (open && (target < 0 || share[s] > share[target])) {
        target = s;
      }
    }
    if (target < 0) {
      return;
    }
    List<Integer> donors = new ArrayList<>();
    for (int s = 0; s < shards; s++) {
      if (s != target) {
        donors.add(s);
      }
    }
    // shards near the committee size limit donate first, so that no committee becomes invalid
    // (under key mod shards, honest joins keep growing a shard the adversary holds)
    int crowded = StakingParams.MAX_SLOTS_PER_SHARD * 95 / 100;
    donors.sort(Comparator.comparingDouble((Integer s) -> size[s] >= crowded ? -1.0 : share[s]));
    int moved = 0;
    for (int s : donors) {
      for (ValidatorKey k : advKeys.get(s)) {
        if (moved == config.restakePerEpoch() || size[s] <= 1) {
          return;
        }
        nodes.remove(k);
        size[s]--;
        add(true, config.rule() == Rule.KEY_MOD_SHARDS ? target : -1);
        moved++;
      }
    }
  }

  /** A new equal-stake validator; with {@code groundShard ≥ 0} its key is ground to that shard. */
  private void add(boolean adversarial, int groundShard) {
    ValidatorKey key;
    do {
      long id = nextId++;
      byte[] k = new byte[ValidatorKey.SIZE];
      byte[] h =
          Hashing.keccak256(
                  Bytes.of(
                      ByteBuffer.allocate(20)
                          .putLong(config.seed())
                          .putLong(id)
                          .putInt(random.nextInt())
                          .array()))
              .toArray();
      System.arraycopy(h, 0, k, 0, 32);
      ByteBuffer.wrap(k).putLong(32, config.seed()).putLong(40, id);
      key = new ValidatorKey(Bytes.of(k));
    } while (groundShard >= 0 && keyModShard(key, config.shards()) != groundShard);
    byte[] a = new byte[Address.SIZE];
    ByteBuffer.wrap(a).putLong(12, nextId);
    Validator v =
        new Validator(
            Address.of(a),
            new Validator.Description("sim", "", "", ""),
            0,
            0,
            0,
            0,
            Uint256.of(100),
            Uint256.of(Long.MAX_VALUE),
            List.of(key),
            Set.of(),
            Validator.Status.ACTIVE,
            Uint256.of(1_000),
            Uint256.of(1_000));
    nodes.put(key, new Node(v, adversarial));
    if (adversarial) {
      adversaryKeys.add(key);
    }
  }
}
