package io.fugue.nativelib;

/**
 * The raw JNI facade of the libp2p host in {@code libfugue_native}. A host is an opaque {@code
 * long} handle (a registry key on the Rust side, never a pointer, so a stale handle fails cleanly).
 * The byte layouts of the config, the commands, their replies and the event batches are defined by
 * {@code io.fugue.chain.p2p}, which is the only intended caller.
 *
 * <p>Every method throws {@link NativeException} on malformed input or a refused command.
 */
public final class NativeP2p {
  static {
    NativeLoader.load();
  }

  private NativeP2p() {}

  /**
   * Starts a host on its own tokio runtime and returns its handle.
   *
   * @param config the encoded host configuration
   * @param secretKey the 32-byte ed25519 secret that fixes the peer id
   */
  public static native long start(byte[] config, byte[] secretKey);

  /** The host's peer id in its base58 text form. */
  public static native String localPeerId(long handle);

  /** Sends one encoded command to the swarm task and waits for its encoded reply. */
  public static native byte[] command(long handle, byte[] command);

  /**
   * Waits up to {@code timeoutMs} for events and returns a batch of TLV records of at most {@code
   * maxBytes} (at least one record when any is queued): an empty array on timeout, {@code null}
   * once the host has stopped (or the handle is unknown) and every event has been delivered.
   */
  public static native byte[] poll(long handle, int maxBytes, int timeoutMs);

  /** The host's counters, in the order of the Rust {@code STAT_NAMES}. */
  public static native long[] stats(long handle);

  /**
   * Stops the host, waiting at most {@code timeoutMs} for its threads; returns false when the
   * handle was already stopped or unknown.
   */
  public static native boolean stop(long handle, int timeoutMs);
}
