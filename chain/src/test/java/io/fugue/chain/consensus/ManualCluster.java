package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Hash32;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/** N machines wired by hand: tests decide which messages arrive and when time passes. */
final class ManualCluster {
  record Envelope(int from, ConsensusMessage message) {}

  final TestSignatureScheme scheme = new TestSignatureScheme();
  final List<ConsensusSigner> signers = new ArrayList<>();
  final Committee committee;
  final ConsensusConfig config =
      ConsensusConfig.defaults().withBlocksPerLeader(2).withTimings(0, 1_000, 1_000, 60_000);
  final Hash32 genesis = Hash32.fromHex("11".repeat(32));
  final RotatingLeaderSchedule leaders = new RotatingLeaderSchedule(2, genesis.toBytes());
  final List<FbftMachine> machines = new ArrayList<>();
  final List<List<Output>> outputs = new ArrayList<>();
  final Deque<Envelope> inflight = new ArrayDeque<>();
  final boolean[] down;
  BiPredicate<Envelope, Integer> drop = (e, to) -> false;
  long now;

  ManualCluster(int n) {
    this(n, n);
  }

  /** {@code n} machines of which the first {@code members} hold the committee's seats. */
  ManualCluster(int n, int members) {
    List<ValidatorKey> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      signers.add(scheme.newSigner(i));
      if (i < members) {
        keys.add(signers.get(i).publicKey());
      }
      outputs.add(new ArrayList<>());
    }
    committee = Committee.equalPower(keys);
    down = new boolean[n];
    for (int i = 0; i < n; i++) {
      machines.add(newMachine(i, ChainHead.genesis(genesis), Optional.empty()));
    }
  }

  FbftMachine newMachine(int i, ChainHead head, Optional<SafetyRecord> safety) {
    return new FbftMachine(config, ports(i), head, safety);
  }

  ConsensusPorts ports(int i) {
    return new ConsensusPorts(
        CommitteeSource.fixed(committee),
        scheme,
        signers.get(i),
        TestBlocks.source(i),
        TestBlocks.validator(),
        leaders);
  }

  void start() {
    for (int i = 0; i < machines.size(); i++) {
      record(i, machines.get(i).start(now));
    }
  }

  void record(int node, List<Output> out) {
    outputs.get(node).addAll(out);
    for (Output o : out) {
      if (o instanceof Output.Broadcast b) {
        inflight.add(new Envelope(node, b.message()));
      }
    }
  }

  /** Delivers until quiet, through the codec, honouring {@link #drop} and crashed nodes. */
  void deliverAll() {
    int guard = 0;
    while (!inflight.isEmpty()) {
      if (++guard > 100_000) {
        throw new IllegalStateException("message storm");
      }
      Envelope e = inflight.poll();
      if (down[e.from()]) {
        continue;
      }
      var bytes = machines.get(e.from()).codec().encode(e.message());
      for (int to = 0; to < machines.size(); to++) {
        if (to != e.from() && !down[to] && !drop.test(e, to)) {
          record(to, machines.get(to).onMessage(bytes, now));
        }
      }
    }
  }

  void advance(long millis) {
    now += millis;
    for (int i = 0; i < machines.size(); i++) {
      if (!down[i]) {
        record(i, machines.get(i).onTick(now));
      }
    }
  }

  /** Ticks in small steps, delivering everything after each, until {@code millis} passed. */
  void run(long millis) {
    for (long t = 0; t < millis; t += 100) {
      advance(100);
      deliverAll();
    }
  }

  int leader(long height, long view) {
    return leaders.leaderIndex(committee, height, view);
  }

  List<Output.Finalized> finalized(int node) {
    return outputs.get(node).stream()
        .filter(o -> o instanceof Output.Finalized)
        .map(o -> (Output.Finalized) o)
        .toList();
  }

  <T extends Output> List<T> outputsOf(int node, Class<T> type) {
    return outputs.get(node).stream().filter(type::isInstance).map(type::cast).toList();
  }
}
