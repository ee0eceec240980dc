package io.fugue.zk.oprf;

import io.fugue.nativelib.NativeException;
import java.util.function.Supplier;

/** Runs native calls so that every native failure reaches callers as an {@link OprfException}. */
final class Oprf {
  private Oprf() {}

  static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (NativeException e) {
      throw new OprfException(e.getMessage(), e);
    } catch (LinkageError e) {
      throw new OprfException("native library unavailable: " + e, e);
    }
  }

  static byte[] concat(java.util.List<byte[]> parts, int each) {
    byte[] out = new byte[parts.size() * each];
    for (int i = 0; i < parts.size(); i++) {
      byte[] p = parts.get(i);
      if (p == null || p.length != each) {
        throw new OprfException("element " + i + " must be " + each + " bytes");
      }
      System.arraycopy(p, 0, out, i * each, each);
    }
    return out;
  }

  static java.util.List<byte[]> split(byte[] bytes, int count, int each) {
    java.util.List<byte[]> out = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(java.util.Arrays.copyOfRange(bytes, i * each, (i + 1) * each));
    }
    return java.util.List.copyOf(out);
  }
}
