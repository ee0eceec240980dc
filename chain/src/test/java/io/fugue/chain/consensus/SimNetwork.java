package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A deterministic in-memory network driving N {@link FbftMachine}s on a simulated clock: seeded
 * delays (so messages reorder), drops, duplicates, partitions, crashes and restarts from the
 * persisted chain and safety record, block sync, and Byzantine members. Every finalized block of an
 * honest node is checked against every other honest node's block at that height.
 */
final class SimNetwork {
  /** How a Byzantine member abuses its key. */
  enum Behaviour {
    HONEST,
    SILENT,
    EQUIVOCATE,
    FORGE
  }

  record Settings(
      int n,
      long seed,
      long minDelay,
      long maxDelay,
      double dropRate,
      double duplicateRate,
      ConsensusConfig config,
      SignatureScheme realScheme) {
    static Settings of(int n, long seed) {
      return new Settings(
          n,
          seed,
          5,
          60,
          0.02,
          0.02,
          ConsensusConfig.defaults().withBlocksPerLeader(3).withTimings(50, 400, 400, 10_000),
          null);
    }

    Settings withLinks(long min, long max, double drop, double dup) {
      return new Settings(n, seed, min, max, drop, dup, config, realScheme);
    }
  }

  private record Event(long at, long seq, int node, int incarnation, Runnable action) {}

  final class Node {
    final int id;
    final ConsensusSigner signer;
    final List<Output.Finalized> chain = new ArrayList<>();
    Behaviour behaviour = Behaviour.HONEST;
    FbftMachine machine;
    Optional<SafetyRecord> safety = Optional.empty();
    boolean up = true;
    int incarnation;

    Node(int id, ConsensusSigner signer) {
      this.id = id;
      this.signer = signer;
    }

    long height() {
      return chain.size();
    }
  }

  Settings settings;
  final Random random;
  final TestSignatureScheme testScheme = new TestSignatureScheme();
  final SignatureScheme scheme;
  final Committee committee;
  final List<Node> nodes = new ArrayList<>();
  final Map<Long, Hash32> finalized = new HashMap<>();
  final List<DoubleSignEvidence> evidence = new ArrayList<>();

  /** The evidence each node emitted, by node id. */
  final Map<Integer, List<DoubleSignEvidence>> evidenceBy = new HashMap<>();

  final List<String> violations = new ArrayList<>();
  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(
          (a, b) -> a.at != b.at ? Long.compare(a.at, b.at) : Long.compare(a.seq, b.seq));
  private final ConsensusCodec codec;
  private final LeaderSchedule leaders;
  private final Hash32 genesis;
  private long seq;
  private long now;
  private Set<Integer> partitionSide;
  long messagesSent;

  /** Extra, targeted loss on top of the random one: (message, recipient) → drop. */
  java.util.function.BiPredicate<ConsensusMessage, Node> targetedDrop = (m, to) -> false;

  long newViews;
  long reproposals;

  /**
   * Writes every machine's outputs when {@code -Dfugue.sim.traceDir} is set; reads, never steers.
   */
  private final SimTrace trace;

  SimNetwork(Settings settings, List<ConsensusSigner> realSigners) {
    this(settings, realSigners, null);
  }

  /**
   * @param power voting power per member, or null for equal power
   */
  SimNetwork(Settings settings, List<ConsensusSigner> realSigners, List<Long> power) {
    this.settings = settings;
    this.random = new Random(settings.seed());
    this.scheme = settings.realScheme() != null ? settings.realScheme() : testScheme;
    this.codec = new ConsensusCodec(settings.config().limits());
    List<ValidatorKey> keys = new ArrayList<>();
    for (int i = 0; i < settings.n(); i++) {
      ConsensusSigner s =
          realSigners != null
              ? realSigners.get(i)
              : testScheme.newSigner(settings.seed() * 1000 + i);
      nodes.add(new Node(i, s));
      keys.add(s.publicKey());
    }
    this.committee = power == null ? Committee.equalPower(keys) : Committee.weighted(keys, power);
    this.genesis = Hash32.of(TestSignatureScheme.sha256(Bytes.of((byte) 7).toArray()));
    this.leaders =
        new RotatingLeaderSchedule(settings.config().blocksPerLeader(), genesis.toBytes());
    this.trace = SimTrace.open(settings, codec);
  }

  SimNetwork(Settings settings) {
    this(settings, null);
  }

  void start() {
    for (Node node : nodes) {
      boot(node);
    }
  }

  long now() {
    return now;
  }

  ConsensusPorts portsFor(Node node) {
    return new ConsensusPorts(
        CommitteeSource.fixed(committee),
        scheme,
        node.signer,
        TestBlocks.source(node.id),
        TestBlocks.validator(),
        leaders);
  }

  private void boot(Node node) {
    ChainHead head =
        node.chain.isEmpty()
            ? ChainHead.genesis(genesis)
            : headOf(node.chain.get(node.chain.size() - 1));
    node.machine = new FbftMachine(settings.config(), portsFor(node), head, node.safety);
    apply(node, node.machine.start(now));
  }

  private ChainHead headOf(Output.Finalized f) {
    return new ChainHead(f.block().height(), f.block().hash(), Optional.of(f.commitProof()), now);
  }

  // ------------------------------------------------------------ faults

  void crash(int id) {
    Node n = nodes.get(id);
    n.up = false;
    n.incarnation++;
  }

  void restart(int id) {
    Node n = nodes.get(id);
    if (!n.up) {
      n.up = true;
      n.incarnation++;
      boot(n);
    }
  }

  void partition(Set<Integer> side) {
    partitionSide = Set.copyOf(side);
  }

  void heal() {
    partitionSide = null;
  }

  void setLinks(long minDelay, long maxDelay, double drop, double duplicate) {
    settings = settings.withLinks(minDelay, maxDelay, drop, duplicate);
  }

  void setBehaviour(int id, Behaviour b) {
    nodes.get(id).behaviour = b;
  }

  boolean connected(int a, int b) {
    return partitionSide == null || partitionSide.contains(a) == partitionSide.contains(b);
  }

  // ------------------------------------------------------------ running

  void runFor(long millis) {
    runUntil(() -> false, millis);
  }

  /** Runs until the condition holds or the simulated time budget is spent; true if it held. */
  boolean runUntil(BooleanSupplier done, long maxMillis) {
    long end = now + maxMillis;
    while (!done.getAsBoolean()) {
      Event e = queue.peek();
      if (e == null || e.at > end) {
        now = end;
        return done.getAsBoolean();
      }
      queue.poll();
      now = e.at;
      Node node = nodes.get(e.node);
      if (node.up && node.incarnation == e.incarnation) {
        e.action.run();
      }
    }
    return true;
  }

  private void schedule(Node to, long at, Runnable action) {
    queue.add(new Event(Math.max(at, now), seq++, to.id, to.incarnation, action));
  }

  void apply(Node node, List<Output> outputs) {
    trace.record(now, node.id, outputs);
    for (Output o : outputs) {
      if (o instanceof Output.Broadcast b) {
        broadcast(node, b.message());
      } else if (o instanceof Output.ScheduleTick t) {
        schedule(node, t.atMillis(), () -> apply(node, node.machine.onTick(now)));
      } else if (o instanceof Output.PersistSafety p) {
        node.safety = Optional.of(p.record());
      } else if (o instanceof Output.Finalized f) {
        onFinalized(node, f);
      } else if (o instanceof Output.Evidence e) {
        evidence.add(e.evidence());
        evidenceBy.computeIfAbsent(node.id, k -> new ArrayList<>()).add(e.evidence());
      } else if (o instanceof Output.RequestSync r) {
        sync(node, r.fromHeight());
      }
    }
  }

  private void onFinalized(Node node, Output.Finalized f) {
    ProposedBlock b = f.block();
    if (b.height() != node.chain.size() + 1) {
      violations.add(
          "node " + node.id + " finalized height " + b.height() + " after " + node.chain.size());
    }
    if (!node.chain.isEmpty()
        && !node.chain.get(node.chain.size() - 1).block().hash().equals(b.parentHash())) {
      violations.add("node " + node.id + " finalized a block off its chain at " + b.height());
    }
    node.chain.add(f);
    if (node.behaviour == Behaviour.HONEST) {
      Hash32 prior = finalized.putIfAbsent(b.height(), b.hash());
      if (prior != null && !prior.equals(b.hash())) {
        violations.add("two blocks finalized at height " + b.height() + " (node " + node.id + ")");
      }
    }
  }

  private void sync(Node node, long from) {
    List<Node> peers = new ArrayList<>();
    for (Node p : nodes) {
      if (p != node && p.up && connected(p.id, node.id) && p.height() >= from) {
        peers.add(p);
      }
    }
    if (peers.isEmpty()) {
      return;
    }
    Node peer = peers.get(random.nextInt(peers.size()));
    List<Output.Finalized> blocks =
        new ArrayList<>(
            peer.chain.subList((int) from - 1, (int) Math.min(peer.height(), from + 19)));
    schedule(
        node,
        now + delay() * 2,
        () -> {
          for (Output.Finalized f : blocks) {
            apply(node, node.machine.onSyncedBlock(f.block().encoded(), f.commitProof(), now));
          }
        });
  }

  private long delay() {
    return settings.minDelay()
        + (long) (random.nextDouble() * (settings.maxDelay() - settings.minDelay()));
  }

  private void broadcast(Node from, ConsensusMessage m) {
    if (m instanceof ConsensusMessage.NewView nv) {
      newViews++;
      reproposals += nv.m1Groups().isEmpty() ? 0 : 1;
    }
    List<Node> targets = new ArrayList<>();
    for (Node to : nodes) {
      if (to != from) {
        targets.add(to);
      }
    }
    for (Map.Entry<ConsensusMessage, List<Node>> e :
        Adversary.rewrite(this, from, m, targets).entrySet()) {
      Bytes bytes = codec.encode(e.getKey());
      for (Node to : e.getValue()) {
        if (!targetedDrop.test(e.getKey(), to)) {
          send(from, to, bytes);
        }
      }
    }
  }

  void send(Node from, Node to, Bytes bytes) {
    messagesSent++;
    if (!connected(from.id, to.id) || random.nextDouble() < settings.dropRate()) {
      return;
    }
    int copies = random.nextDouble() < settings.duplicateRate() ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      schedule(to, now + delay(), () -> apply(to, to.machine.onMessage(bytes, now)));
    }
  }

  // ------------------------------------------------------------ checks

  /** The scheduled leader of a view (the committee is fixed in this network). */
  int leaderOf(long height, long viewId) {
    return leaders.leaderIndex(committee, height, viewId);
  }

  List<Node> honest() {
    List<Node> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n.behaviour == Behaviour.HONEST) {
        out.add(n);
      }
    }
    return out;
  }

  long minHonestUpHeight() {
    return honest().stream().filter(n -> n.up).mapToLong(Node::height).min().orElse(0);
  }

  /** Every honest node's chain is a prefix of the agreed sequence. */
  void checkSafety() {
    for (Node n : nodes) {
      trace.note(
          now,
          n.id,
          "M " + n.machine.metrics() + " h=" + n.height() + " view=" + n.machine.viewId());
    }
    CertificateVerifier proofs = new CertificateVerifier(scheme, settings.config().shard());
    for (Node n : honest()) {
      for (Output.Finalized f : n.chain) {
        Hash32 agreed = finalized.get(f.block().height());
        if (!f.block().hash().equals(agreed)) {
          violations.add("node " + n.id + " disagrees at height " + f.block().height());
        }
        if (!f.commitProof().blockHash().equals(f.block().hash())
            || proofs.verify(f.commitProof(), committee).isPresent()) {
          violations.add("node " + n.id + " holds no valid commit proof at " + f.block().height());
        }
      }
    }
  }

  String headline() {
    return "n="
        + nodes.size()
        + " seed="
        + settings.seed()
        + " simulated "
        + now
        + " ms, "
        + messagesSent
        + " messages, "
        + finalized.size()
        + " heights, "
        + newViews
        + " NEWVIEWs ("
        + reproposals
        + " re-proposals), "
        + evidence.size()
        + " evidence";
  }

  String summary() {
    StringBuilder sb =
        new StringBuilder(
            "t="
                + now
                + " msgs="
                + messagesSent
                + " heights="
                + finalized.size()
                + " evidence="
                + evidence.size()
                + " newViews="
                + newViews
                + " reproposals="
                + reproposals);
    for (Node n : nodes) {
      sb.append("\n  node ")
          .append(n.id)
          .append(' ')
          .append(n.behaviour)
          .append(" up=")
          .append(n.up)
          .append(" h=")
          .append(n.height())
          .append(' ')
          .append(n.machine.metrics());
    }
    return sb.toString();
  }

  Random random() {
    return random;
  }

  ConsensusCodec codec() {
    return codec;
  }
}
