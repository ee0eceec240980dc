package io.fugue.chain.service;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node service with one guarded lifecycle, after Teku's {@code Service}: IDLE → RUNNING by
 * compare-and-set in {@link #start}; RUNNING or IDLE → STOPPED in {@link #stop} (idempotent, safe
 * from any thread); RUNNING → FAILED through {@link #fail} when the service hit an error it must
 * not continue from. A failed service is stopped as well (its {@link #doStop} ran) and reports why
 * through {@link #terminated}, so whoever runs it can exit.
 */
public abstract class Service {
  /** The lifecycle states, advanced only by compare-and-set. */
  public enum State {
    IDLE,
    RUNNING,
    STOPPED,
    FAILED
  }

  private static final Logger LOG = LoggerFactory.getLogger(Service.class);

  private final String name;
  private final AtomicReference<State> state = new AtomicReference<>(State.IDLE);
  private final CompletableFuture<Optional<Throwable>> terminated = new CompletableFuture<>();

  protected Service(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * Starts the service; a failed start leaves it STOPPED, with what it opened closed, and rethrows.
   */
  public Service start() {
    if (!state.compareAndSet(State.IDLE, State.RUNNING)) {
      throw new IllegalStateException(name + " is " + state.get() + ", not IDLE");
    }
    try {
      doStart();
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
    return this;
  }

  /** Stops the service. Idempotent; a no-op once STOPPED or FAILED. */
  public final void stop() {
    State before = state.getAndUpdate(s -> s == State.FAILED ? State.FAILED : State.STOPPED);
    if (before == State.STOPPED || before == State.FAILED) {
      return;
    }
    try {
      doStop();
    } finally {
      terminated.complete(Optional.empty());
    }
  }

  /**
   * Stops the service because of {@code cause}, which it must not continue from (for example the
   * store refused a finalized block). Logged once as fatal; later calls and calls after a stop do
   * nothing.
   */
  protected final void fail(String what, Throwable cause) {
    if (!state.compareAndSet(State.RUNNING, State.FAILED)) {
      return;
    }
    LOG.error("FATAL: {} stops: {}", name, what, cause);
    try {
      doStop();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    } finally {
      terminated.complete(Optional.of(cause));
    }
  }

  /** Opens what the service needs; called once, in state RUNNING. */
  protected abstract void doStart();

  /** Releases what the service holds; called at most once, after start or instead of it. */
  protected abstract void doStop();

  public final State state() {
    return state.get();
  }

  public final boolean isRunning() {
    return state.get() == State.RUNNING;
  }

  /** The name the service logs under. */
  public final String name() {
    return name;
  }

  /**
   * Completes when the service stopped: empty after {@link #stop}, with the cause after a failure.
   */
  public final CompletionStage<Optional<Throwable>> terminated() {
    return terminated;
  }
}
