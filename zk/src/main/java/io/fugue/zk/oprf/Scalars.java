package io.fugue.zk.oprf;

import io.fugue.nativelib.NativeOprf;
import io.fugue.nativelib.NativeZk;

/** Small scalar helpers over the native ops. */
final class Scalars {
  private Scalars() {}

  /** The canonical little-endian encoding of a small non-negative integer. */
  static byte[] of(int value) {
    byte[] out = new byte[32];
    out[0] = (byte) value;
    out[1] = (byte) (value >>> 8);
    out[2] = (byte) (value >>> 16);
    out[3] = (byte) (value >>> 24);
    return out;
  }

  static byte[] add(byte[] a, byte[] b) {
    return Oprf.call(() -> NativeZk.scalarAdd(a, b));
  }

  static byte[] mul(byte[] a, byte[] b) {
    return Oprf.call(() -> NativeOprf.scalarMul(a, b));
  }

  static byte[] random() {
    return Oprf.call(NativeZk::randomScalar);
  }

  static byte[] pointAdd(byte[] p, byte[] q) {
    return Oprf.call(() -> NativeZk.pointAdd(p, q));
  }

  static byte[] pointMul(byte[] p, byte[] s) {
    return Oprf.call(() -> NativeOprf.pointMul(p, s));
  }

  static byte[] baseMul(byte[] s) {
    return Oprf.call(() -> NativeOprf.baseMul(s));
  }

  /** Σ x^k·points[k]: a point-valued polynomial at x (Feldman public shares). */
  static byte[] pointPoly(java.util.List<byte[]> points, int x) {
    byte[] xs = of(x);
    byte[] power = of(1);
    byte[] sum = null;
    for (byte[] p : points) {
      byte[] term = pointMul(p, power);
      sum = sum == null ? term : pointAdd(sum, term);
      power = mul(power, xs);
    }
    return sum;
  }
}
