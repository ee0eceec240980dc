package io.fugue.chain.p2p;

import io.fugue.nativelib.NativeException;
import io.fugue.nativelib.NativeP2p;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Owns one native host handle. {@link #stop()} is idempotent; a {@link Cleaner} stops the native
 * host if this object becomes unreachable without being stopped, so a forgotten host does not keep
 * its runtime threads and sockets forever.
 */
final class NativeHost {
  private static final Cleaner CLEANER = Cleaner.create();
  private static final int STOP_TIMEOUT_MS = 5_000;

  /**
   * The live handle. The cleaner and the event pump hold this, never the NativeHost, so a host
   * dropped without {@code close()} still becomes unreachable and gets cleaned.
   */
  static final class Handle implements Runnable {
    private final AtomicLong value;
    private final PeerId peerId;

    Handle(long handle, PeerId peerId) {
      this.value = new AtomicLong(handle);
      this.peerId = peerId;
    }

    PeerId peerId() {
      return peerId;
    }

    /** Sends a command; a refusal becomes a {@link P2pException} naming {@code what}. */
    byte[] command(String what, byte[] command) {
      long h = value.get();
      if (h == 0) {
        throw new P2pException(what + ": host is stopped");
      }
      try {
        return NativeP2p.command(h, command);
      } catch (NativeException e) {
        throw new P2pException(what + ": " + e.getMessage(), e);
      }
    }

    /** A batch of events, empty on timeout, {@code null} once stopped and drained. */
    byte[] poll(int maxBytes, int timeoutMs) {
      long h = value.get();
      return h == 0 ? null : NativeP2p.poll(h, maxBytes, timeoutMs);
    }

    long[] stats() {
      long h = value.get();
      return h == 0 ? null : NativeP2p.stats(h);
    }

    @Override
    public void run() {
      long h = value.getAndSet(0);
      if (h != 0) {
        NativeP2p.stop(h, STOP_TIMEOUT_MS);
      }
    }
  }

  private final Handle handle;
  private final Cleaner.Cleanable cleanable;

  private NativeHost(long handle) {
    this.handle = new Handle(handle, new PeerId(NativeP2p.localPeerId(handle)));
    this.cleanable = CLEANER.register(this, this.handle);
  }

  static NativeHost start(P2pConfig config, byte[] secret) {
    try {
      return new NativeHost(NativeP2p.start(P2pWire.encodeConfig(config), secret));
    } catch (NativeException e) {
      throw new P2pException("cannot start p2p host: " + e.getMessage(), e);
    }
  }

  Handle handle() {
    return handle;
  }

  PeerId peerId() {
    return handle.peerId();
  }

  byte[] command(String what, byte[] command) {
    return handle.command(what, command);
  }

  long[] stats() {
    return handle.stats();
  }

  void stop() {
    cleanable.clean();
  }
}
