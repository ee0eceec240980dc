package io.fugue.chain.staking;

import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Uint256;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Test data: validators with synthetic keys (the election never checks key validity). */
final class StakingFixtures {
  private StakingFixtures() {}

  static StakingParams params(int slotsPerShard, int capBps) {
    return new StakingParams(
        10, slotsPerShard, Uint256.of(100), Uint256.of(10), 8, 2, 500, 5_000, capBps, 6_667, 100);
  }

  static Address address(int n) {
    byte[] a = new byte[Address.SIZE];
    a[0] = 0x11;
    a[16] = (byte) (n >>> 24);
    a[17] = (byte) (n >>> 16);
    a[18] = (byte) (n >>> 8);
    a[19] = (byte) n;
    return Address.of(a);
  }

  static ValidatorKey key(int validator, int index) {
    byte[] k = new byte[ValidatorKey.SIZE];
    k[0] = (byte) 0xa0;
    k[1] = (byte) (validator >>> 24);
    k[2] = (byte) (validator >>> 16);
    k[3] = (byte) (validator >>> 8);
    k[4] = (byte) validator;
    k[5] = (byte) index;
    // spread keys so key order differs from validator order
    k[6] = (byte) (validator * 31 + index * 7);
    return new ValidatorKey(Bytes.of(k));
  }

  static Validator validator(int n, int keys, long self, long total) {
    List<ValidatorKey> ks = new ArrayList<>();
    for (int i = 0; i < keys; i++) {
      ks.add(key(n, i));
    }
    return new Validator(
        address(n),
        new Validator.Description("v" + n, "", "", ""),
        1_000,
        2_000,
        100,
        0,
        Uint256.of(100),
        Uint256.of(Long.MAX_VALUE),
        ks,
        Set.of(),
        Validator.Status.ACTIVE,
        Uint256.of(self),
        Uint256.of(total));
  }
}
