package io.fugue.chain.randomness;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The pure rules of docs/randomness.md: pRnd from a window of VRF outputs, the epoch randomness
 * from a VDF output or the fallback, and the self-adjusting VDF difficulty. Integers are encoded
 * 8-byte big-endian; every hash is Keccak-256 with an ASCII tag first.
 */
public final class EpochRandomness {
  private static final Bytes PRND_TAG = tag("fugue.prnd.v1");
  private static final Bytes VDF_TAG = tag("fugue.epoch.randomness.vdf.v1");
  private static final Bytes FALLBACK_TAG = tag("fugue.epoch.randomness.fallback.v1");
  private static final Bytes DISCRIMINANT_TAG = tag("fugue.vdf.discriminant.v1");

  private EpochRandomness() {}

  private static Bytes tag(String s) {
    return Bytes.of(s.getBytes(StandardCharsets.US_ASCII));
  }

  private static Bytes u64(long v) {
    return Bytes.of(ByteBuffer.allocate(8).putLong(v).array());
  }

  /**
   * pRnd of {@code epoch}: Keccak-256("fugue.prnd.v1" ‖ epoch ‖ n ‖ β_1 ‖ … ‖ β_n), the β in
   * block-height order of the window's beacon blocks. An empty window is allowed (the hash then
   * binds only the epoch), since a chain without beacon blocks must still reach the fallback.
   */
  public static Hash32 pRnd(long epoch, List<Hash32> vrfOutputsInHeightOrder) {
    Bytes[] parts = new Bytes[3 + vrfOutputsInHeightOrder.size()];
    parts[0] = PRND_TAG;
    parts[1] = u64(epoch);
    parts[2] = u64(vrfOutputsInHeightOrder.size());
    for (int i = 0; i < vrfOutputsInHeightOrder.size(); i++) {
      parts[3 + i] = vrfOutputsInHeightOrder.get(i).toBytes();
    }
    return Hashing.keccak256(parts);
  }

  /**
   * The seed the VDF's discriminant is derived from: Keccak-256("fugue.vdf.discriminant.v1" ‖ pRnd
   * ‖ T). Binding T keeps one pRnd from yielding two valid outputs at two difficulties.
   */
  public static Hash32 discriminantSeed(Hash32 pRnd, long iterations) {
    return Hashing.keccak256(DISCRIMINANT_TAG, pRnd.toBytes(), u64(iterations));
  }

  /** Randomness of an epoch whose VDF arrived: Keccak-256(tag ‖ epoch ‖ vdfOutput). */
  public static Hash32 fromVdf(long epoch, Bytes vdfOutput) {
    return Hashing.keccak256(VDF_TAG, u64(epoch), vdfOutput);
  }

  /**
   * Randomness of an epoch whose VDF did not arrive in time: Keccak-256(tag ‖ previous randomness ‖
   * epoch). Predictable one epoch ahead, which is why it is logged and counted.
   */
  public static Hash32 fallback(Hash32 previous, long epoch) {
    return Hashing.keccak256(FALLBACK_TAG, previous.toBytes(), u64(epoch));
  }
}
