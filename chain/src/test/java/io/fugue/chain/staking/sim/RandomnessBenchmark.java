package io.fugue.chain.staking.sim;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.randomness.Vrf;
import io.fugue.chain.staking.CuckooParams;
import io.fugue.chain.staking.CuckooPlacement;
import io.fugue.chain.staking.Placement;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Wall-clock medians for docs/benchmarks.md: VRF prove and verify, and the Cuckoo placement of
 * 10,000 slots over 16 shards (first epoch: all joins; next epoch: 1% churn). Not JMH: a warm-up
 * then the median of repeated runs, enough for the < 1 s goal and the order of magnitude.
 */
public final class RandomnessBenchmark {
  private RandomnessBenchmark() {}

  public static void main(String[] args) {
    BlsSecretKey sk = BlsSecretKey.fromSeed(new byte[32]);
    Hash32 parent = Hashing.keccak256(Bytes.of((byte) 1));
    Vrf.Evaluation ev = Vrf.prove(sk, parent);
    report("VRF prove", 300, () -> Vrf.prove(sk, parent));
    report("VRF verify", 300, () -> Vrf.verify(sk.publicKey(), parent, ev.encoded()));

    List<ValidatorKey> keys = keys(0, 10_000);
    Hash32 seed = Hashing.keccak256(Bytes.of((byte) 2));
    CuckooPlacement fresh =
        new CuckooPlacement(null, CuckooParams.defaults(), CuckooPlacement.Eligibility.ALL);
    report("Cuckoo placement, 10,000 joins, 16 shards", 15, () -> fresh.place(1, keys, 16, seed));
    report(
        "Uniform placement, 10,000 slots, 16 shards",
        15,
        () -> Placement.UNIFORM.place(1, keys, 16, seed));
  }

  private static List<ValidatorKey> keys(int from, int n) {
    List<ValidatorKey> out = new ArrayList<>(n);
    for (int i = from; i < from + n; i++) {
      byte[] k = new byte[ValidatorKey.SIZE];
      System.arraycopy(
          Hashing.keccak256(Bytes.of(ByteBuffer.allocate(4).putInt(i).array())).toArray(),
          0,
          k,
          0,
          32);
      out.add(new ValidatorKey(Bytes.of(k)));
    }
    out.sort(null);
    return out;
  }

  private static void report(String name, int runs, Runnable r) {
    for (int i = 0; i < Math.max(3, runs / 5); i++) {
      r.run();
    }
    long[] t = new long[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      r.run();
      t[i] = System.nanoTime() - t0;
    }
    Arrays.sort(t);
    System.out.printf(Locale.ROOT, "| %s | %.3f ms | %d |%n", name, t[runs / 2] / 1e6, runs);
  }
}
