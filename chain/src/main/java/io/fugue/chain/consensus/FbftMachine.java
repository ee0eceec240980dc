package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One validator's FBFT state machine for one shard: pure and deterministic. Feed it decoded or raw
 * messages, clock ticks and synced blocks; each call returns the {@link Output}s to perform, in
 * order. It never reads a clock, sleeps, or does I/O, and is not thread-safe: the shell calls it
 * from one thread (or one Vert.x context).
 *
 * <p>Per height, view 0 starts with the scheduled leader's ANNOUNCE; views above 0 start with a
 * NEWVIEW. Votes go to the view's leader, which turns a quorum into PREPARED and COMMITTED.
 */
public final class FbftMachine extends ViewChangeRules {

  /**
   * @param head the last finalized block this node has stored
   * @param restored the last {@link Output.PersistSafety} record the shell stored, if any
   */
  public FbftMachine(ConsensusConfig config, ConsensusPorts ports, ChainHead head, Optional<SafetyRecord> restored) {
    super(config, ports, head, restored);
  }

  // ---------------------------------------------------------------- inputs

  /** Begins consensus at the height above {@code head}. */
  public List<Output> start(long nowMillis) {
    if (started) {
      throw new IllegalStateException("machine already started");
    }
    started = true;
    return run(nowMillis, () -> {
      enterHeight();
      restored.filter(r -> r.height() == height).ifPresent(this::resume);
    });
  }

  /** Decodes and handles bytes from the network. */
  public List<Output> onMessage(Bytes raw, long nowMillis) {
    return run(nowMillis, () -> {
      DecodeResult r = codec.decode(raw);
      if (r instanceof DecodeResult.Decoded d) {
        handle(d.message());
      } else {
        metrics.reject(Rejection.MALFORMED);
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
    lastScheduled = Long.MIN_VALUE;
    return run(nowMillis, () -> {
      if (proposeAt >= 0 && now >= proposeAt) {
        propose();
      }
      if (now >= deadline) {
        startViewChange(view + 1);
      } else {
        resendIfDue();
      }
    });
  }

  /** A finalized block fetched by block sync for the next height; checked before it is applied. */
  public List<Output> onSyncedBlock(Bytes block, QuorumCertificate commitProof, long nowMillis) {
    return run(nowMillis, () -> {
      if (commitProof.phase() != Phase.COMMIT || commitProof.height() != height) {
        metrics.reject(commitProof.height() < height ? Rejection.OLD_HEIGHT : Rejection.BAD_VIEW);
        return;
      }
      Optional<Rejection> bad = verifier.verify(commitProof, committee);
      if (bad.isPresent()) {
        metrics.reject(bad.get());
        return;
      }
      ProposedBlock b = acceptBlock(block, commitProof.blockHash());
      if (b != null) {
        finalizeBlock(b, commitProof);
      }
    });
  }

  public ConsensusMetrics metrics() {
    return metrics;
  }

  public ChainHead head() {
    return head;
  }

  public long height() {
    return height;
  }

  public long viewId() {
    return view;
  }

  public boolean inViewChange() {
    return inViewChange;
  }

  public ConsensusCodec codec() {
    return codec;
  }

  private List<Output> run(long nowMillis, Runnable action) {
    if (!started) {
      throw new IllegalStateException("start the machine first");
    }
    now = nowMillis;
    out = new ArrayList<>();
    action.run();
    drain();
    long wake = nextWake();
    if (wake != lastScheduled) {
      lastScheduled = wake;
      out.add(new Output.ScheduleTick(wake));
    }
    return out;
  }

  private void drain() {
    while (!selfQueue.isEmpty() || replayRequested) {
      if (!selfQueue.isEmpty()) {
        handle(selfQueue.poll());
      } else {
        replayRequested = false;
        List<ConsensusMessage> pending = new ArrayList<>(buffer);
        buffer.clear();
        pending.forEach(this::handle);
      }
    }
  }

  // ---------------------------------------------------------------- dispatch

  private void handle(ConsensusMessage m) {
    if (m.shard() != config.shard()) {
      metrics.reject(Rejection.WRONG_SHARD);
      return;
    }
    if (m.height() < height) {
      metrics.reject(Rejection.OLD_HEIGHT);
      return;
    }
    Committee c = m.height() == height ? committee : ports.committees().committeeFor(m.height());
    Optional<Integer> member = c.indexOf(m.sender());
    if (member.isEmpty()) {
      metrics.reject(Rejection.NOT_MEMBER);
      return;
    }
    if (m.height() > height) {
      future(m);
      return;
    }
    int idx = member.get();
    if (m instanceof Announce a) {
      onAnnounce(a, idx);
    } else if (m instanceof Vote v) {
      onVote(v, idx);
    } else if (m instanceof Certified c2) {
      onCertified(c2);
    } else if (m instanceof ViewChange vc) {
      onViewChange(vc, idx);
    } else {
      onNewView((NewView) m, idx);
    }
  }

  private void future(ConsensusMessage m) {
    if (m.height() == height + 1) {
      buffer(m);
    }
    requestSync();
  }
}
