package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import io.fugue.chain.primitives.Bytes;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One validator's FBFT state machine for one shard: pure and deterministic. Feed it decoded or raw
 * messages, clock ticks and synced blocks; each call returns the {@link Output}s to perform, in
 * order. It never reads a clock, sleeps, or does I/O, and is not thread-safe: the shell calls it
 * from one thread (or one Vert.x context).
 *
 * <p>Per height, view 0 starts with the scheduled leader's ANNOUNCE; views above 0 start with a
 * NEWVIEW. Votes go to the view's leader, which turns a quorum into PREPARED and COMMITTED.
 *
 * <p>This class only coordinates: it dispatches each message to {@link NormalCaseRules} or {@link
 * ViewChangeRules}, which act on the state objects of a {@link MachineContext} ({@link
 * HeightState}, {@link RoundState}, {@link VoteBook}, {@link ViewChangeBook}, {@link Outbox},
 * {@link MessageBuffer}, {@link Timers}), then replays what its own sends and state moves unblock.
 */
public final class FbftMachine {
  private final MachineContext c;
  private final NormalCaseRules normal;
  private final ViewChangeRules viewChange;
  private final ConsensusCodec codec;
  private final Optional<SafetyRecord> restored;
  private boolean started;

  /**
   * @param head the last finalized block this node has stored
   * @param restored the last {@link Output.PersistSafety} record the shell stored, if any
   */
  public FbftMachine(
      ConsensusConfig config,
      ConsensusPorts ports,
      ChainHead head,
      Optional<SafetyRecord> restored) {
    this.c = new MachineContext(config, ports, head);
    this.normal = new NormalCaseRules(c);
    this.viewChange = new ViewChangeRules(c, normal);
    this.codec = new ConsensusCodec(config.limits());
    this.restored = Objects.requireNonNull(restored, "restored");
  }

  // ---------------------------------------------------------------- inputs

  /** Begins consensus at the height above {@code head}. */
  public List<Output> start(long nowMillis) {
    if (started) {
      throw new IllegalStateException("machine already started");
    }
    started = true;
    return run(
        nowMillis,
        () -> {
          c.enterHeight(c.height.head());
          restored.filter(r -> r.height() == c.height.height()).ifPresent(viewChange::resume);
        });
  }

  /** Decodes and handles bytes from the network. */
  public List<Output> onMessage(Bytes raw, long nowMillis) {
    return run(
        nowMillis,
        () -> {
          DecodeResult r = codec.decode(raw);
          if (r instanceof DecodeResult.Decoded d) {
            handle(d.message());
          } else {
            c.metrics.reject(Rejection.MALFORMED);
          }
        });
  }

  public List<Output> onMessage(ConsensusMessage message, long nowMillis) {
    return run(nowMillis, () -> handle(message));
  }

  /** Fires timeouts and a pending proposal whose time has come. */
  public List<Output> onTick(long nowMillis) {
    // The tick that brought us here is used up: if this call leaves the wake-up instant where it
    // was (a whole round finished within it, as with a committee of one), it must be asked again.
    c.timers.tickConsumed();
    return run(
        nowMillis,
        () -> {
          if (c.timers.proposalDue()) {
            normal.propose();
          }
          if (c.timers.deadlinePassed()) {
            viewChange.startViewChange(c.round.view() + 1);
          } else {
            c.outbox.resendIfDue(c.height.height(), c.round.view(), c.now());
          }
        });
  }

  /** A finalized block fetched by block sync for the next height; checked before it is applied. */
  public List<Output> onSyncedBlock(Bytes block, QuorumCertificate commitProof, long nowMillis) {
    return run(
        nowMillis,
        () -> {
          long height = c.height.height();
          if (commitProof.phase() != Phase.COMMIT || commitProof.height() != height) {
            c.metrics.reject(
                commitProof.height() < height ? Rejection.OLD_HEIGHT : Rejection.BAD_VIEW);
            return;
          }
          Optional<Rejection> bad = c.verifier.verify(commitProof, c.height.committee());
          if (bad.isPresent()) {
            c.metrics.reject(bad.get());
            return;
          }
          c.blocks
              .accept(c.height, block, commitProof.blockHash())
              .ifPresent(b -> c.finalizeBlock(b, commitProof));
        });
  }

  public ConsensusMetrics metrics() {
    return c.metrics;
  }

  public ChainHead head() {
    return c.height.head();
  }

  public long height() {
    return c.height.height();
  }

  public long viewId() {
    return c.round.view();
  }

  public boolean inViewChange() {
    return c.round.inViewChange();
  }

  public ConsensusCodec codec() {
    return codec;
  }

  // ---------------------------------------------------------------- one call

  private List<Output> run(long nowMillis, Runnable action) {
    if (!started) {
      throw new IllegalStateException("start the machine first");
    }
    c.timers.setNow(nowMillis);
    c.outbox.begin();
    action.run();
    drain();
    c.timers
        .wakeToSchedule(c.outbox.resendAt())
        .ifPresent(at -> c.outbox.emit(new Output.ScheduleTick(at)));
    return c.outbox.outputs();
  }

  /** Handles this member's own messages, then buffered ones whenever the state moved. */
  private void drain() {
    while (c.outbox.hasSelfMessages() || c.buffer.replayRequested()) {
      if (c.outbox.hasSelfMessages()) {
        handle(c.outbox.pollSelf());
      } else {
        c.buffer.takeForReplay().forEach(this::handle);
      }
    }
  }

  private void handle(ConsensusMessage m) {
    long height = c.height.height();
    if (m.shard() != c.config.shard()) {
      c.metrics.reject(Rejection.WRONG_SHARD);
      return;
    }
    if (m.height() < height) {
      if (!(m instanceof Vote v && normal.onLateCommit(v))) {
        c.metrics.reject(Rejection.OLD_HEIGHT);
      }
      return;
    }
    if (m.height() > height && !c.ports.committees().knows(m.height())) {
      // A height of an epoch not reached yet: membership is judged when the height comes.
      if (m.height() == height + 1) {
        c.buffer.add(m);
      }
      c.requestSync();
      return;
    }
    Committee committee =
        m.height() == height ? c.height.committee() : c.ports.committees().committeeFor(m.height());
    Optional<Integer> member = committee.indexOf(m.sender());
    if (member.isEmpty()) {
      c.metrics.reject(Rejection.NOT_MEMBER);
      return;
    }
    if (m.height() > height) {
      if (m.height() == height + 1) {
        c.buffer.add(m);
      }
      c.requestSync();
      return;
    }
    int idx = member.get();
    if (m instanceof Announce a) {
      normal.onAnnounce(a, idx);
    } else if (m instanceof Vote v) {
      normal.onVote(v, idx);
    } else if (m instanceof Certified cert) {
      normal.onCertified(cert);
    } else if (m instanceof ViewChange vc) {
      viewChange.onViewChange(vc, idx);
    } else {
      viewChange.onNewView((NewView) m, idx);
    }
  }
}
