package io.fugue.chain.execution;

import io.fugue.chain.module.ModuleId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The per-sender hourly count of the rate limit, kept in the authenticated state (namespace {@code
 * ratelimit}, key = the 20-byte address, value = ascending 8-byte big-endian block timestamps of
 * the sender's included transactions, at most the hourly limit of them). Kept in state rather than
 * recounted from stored blocks so that every node, a restarted one included, gets the same count
 * from the parent state alone, and the count is provable.
 */
public final class SenderActivity {
  public static final ModuleId ID = ModuleId.of("ratelimit");

  private SenderActivity() {}

  /** How many of the sender's transactions lie in the hour ending at {@code timestamp}. */
  public static int countInWindow(StateView state, Address sender, long timestamp) {
    long[] times = read(state, sender);
    int n = 0;
    for (long t : times) {
      if (t > timestamp - RateLimits.WINDOW_MILLIS) {
        n++;
      }
    }
    return n;
  }

  /** Records one transaction at {@code timestamp}, dropping entries outside the window. */
  public static void record(StateWriter state, Address sender, long timestamp, int keep) {
    long[] times = read(state, sender);
    int from = 0;
    while (from < times.length && times[from] <= timestamp - RateLimits.WINDOW_MILLIS) {
      from++;
    }
    int kept = Math.min(times.length - from, Math.max(keep - 1, 0));
    ByteBuffer out = ByteBuffer.allocate((kept + 1) * Long.BYTES);
    for (int i = times.length - kept; i < times.length; i++) {
      out.putLong(times[i]);
    }
    out.putLong(timestamp);
    state.putModuleValue(ID.bytes(), sender.toBytes(), Bytes.of(out.array()));
  }

  private static long[] read(StateView state, Address sender) {
    Optional<Bytes> value = state.moduleValue(ID.bytes(), sender.toBytes());
    if (value.isEmpty()) {
      return new long[0];
    }
    Bytes v = value.get();
    if (v.size() % Long.BYTES != 0) {
      throw new ChainException(
          "corrupt rate-limit record of " + sender + ": " + v.size() + " bytes");
    }
    ByteBuffer in = ByteBuffer.wrap(v.toArray());
    long[] times = new long[v.size() / Long.BYTES];
    for (int i = 0; i < times.length; i++) {
      times[i] = in.getLong();
    }
    return times;
  }
}
