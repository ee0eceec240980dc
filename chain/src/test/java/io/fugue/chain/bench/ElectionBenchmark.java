package io.fugue.chain.bench;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.Election;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.StakingParams;
import io.fugue.chain.staking.Validator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The epoch transition's pure part: {@link Election#elect} plus the shard state's encoding and
 * hash, for 1,000 validators with 4 keys each (4,000 keys) over 4 shards. Not part of {@code mvn
 * verify}; the command and result are in docs/benchmarks.md ("Staking").
 *
 * <p>Arguments: {@code [validators] [keysPerValidator] [shards] [slotsPerShard] [runs]}, default
 * {@code 1000 4 4 250 30}.
 */
public final class ElectionBenchmark {
  private ElectionBenchmark() {}

  public static void main(String[] args) {
    int validators = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    int keys = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int shards = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    int slots = args.length > 3 ? Integer.parseInt(args[3]) : 250;
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 30;
    Random r = new Random(42);
    List<Validator> vs = new ArrayList<>(validators);
    for (int i = 0; i < validators; i++) {
      List<ValidatorKey> ks = new ArrayList<>();
      for (int k = 0; k < keys; k++) {
        byte[] b = new byte[ValidatorKey.SIZE];
        r.nextBytes(b);
        ks.add(new ValidatorKey(Bytes.of(b)));
      }
      byte[] a = new byte[Address.SIZE];
      r.nextBytes(a);
      long self = 10_000 + r.nextInt(1_000_000);
      vs.add(
          new Validator(
              Address.of(a),
              new Validator.Description("validator " + i, "", "", ""),
              500,
              1_000,
              100,
              0,
              Uint256.of(10_000),
              Uint256.MAX,
              ks,
              Set.of(),
              Validator.Status.ACTIVE,
              Uint256.of(self),
              Uint256.of(self + r.nextInt(5_000_000))));
    }
    StakingParams p =
        new StakingParams(
            100,
            slots,
            Uint256.of(10_000),
            Uint256.of(100),
            keys,
            7,
            200,
            5_000,
            3_000,
            6_667,
            100);
    long[] nanos = new long[runs];
    int size = 0;
    for (int i = 0; i < runs; i++) {
      Hash32 seed = Hashing.keccak256(Bytes.of((byte) i));
      long t0 = System.nanoTime();
      ShardState s = Election.elect(i, vs, p, shards, seed);
      Bytes encoded = s.encode();
      Hashing.keccak256(encoded);
      nanos[i] = System.nanoTime() - t0;
      size = encoded.size();
    }
    long[] warm = Arrays.copyOfRange(nanos, runs / 3, runs);
    Arrays.sort(warm);
    System.out.printf(
        "validators=%d keys=%d shards=%d slots/shard=%d runs=%d first=%.1f ms"
            + " median(warm)=%.1f ms max(warm)=%.1f ms shardState=%d bytes%n",
        validators,
        validators * keys,
        shards,
        slots,
        runs,
        nanos[0] / 1e6,
        warm[warm.length / 2] / 1e6,
        warm[warm.length - 1] / 1e6,
        size);
  }
}
