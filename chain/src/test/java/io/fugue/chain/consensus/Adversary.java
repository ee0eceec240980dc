package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.AggregateVote;
import io.fugue.chain.consensus.ConsensusMessage.Announce;
import io.fugue.chain.consensus.ConsensusMessage.Certified;
import io.fugue.chain.consensus.ConsensusMessage.NewView;
import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import io.fugue.chain.consensus.ConsensusMessage.Vote;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Rewrites a Byzantine member's outgoing messages: who gets which (possibly forged) message. */
final class Adversary {
  private Adversary() {}

  static Map<ConsensusMessage, List<SimNetwork.Node>> rewrite(
      SimNetwork net, SimNetwork.Node from, ConsensusMessage m, List<SimNetwork.Node> targets) {
    Map<ConsensusMessage, List<SimNetwork.Node>> out = new LinkedHashMap<>();
    switch (from.behaviour) {
      case HONEST -> out.put(m, targets);
      case SILENT -> {}
      case EQUIVOCATE -> equivocate(net, from, m, targets, out);
      case FORGE -> forge(net, from, m, targets, out);
    }
    return out;
  }

  private static void equivocate(
      SimNetwork net,
      SimNetwork.Node from,
      ConsensusMessage m,
      List<SimNetwork.Node> targets,
      Map<ConsensusMessage, List<SimNetwork.Node>> out) {
    Random r = net.random();
    if (m instanceof Announce a) {
      ProposedBlock original =
          ((ProposalValidation.Accept)
                  TestBlocks.validator().validate(a.block(), a.height(), Hash32.ZERO))
              .block();
      ProposedBlock alt =
          TestBlocks.build(
              a.height(),
              original.parentHash(),
              original.parentCommit(),
              1_000_000L + r.nextInt(1000),
              true);
      ValidatorSignature sig =
          from.signer.sign(
              SigningPayloads.vote(Phase.PROPOSE, a.shard(), a.height(), alt.hash(), 0));
      List<SimNetwork.Node> shuffled = new ArrayList<>(targets);
      Collections.shuffle(shuffled, r);
      int half = shuffled.size() / 2;
      out.put(a, shuffled.subList(0, half));
      out.put(
          new Announce(a.shard(), a.height(), 0, a.sender(), alt.hash(), alt.encoded(), sig),
          shuffled.subList(half, shuffled.size()));
    } else if (m instanceof Vote v) {
      out.put(v, targets);
      Hash32 other = randomHash(r);
      ValidatorSignature sig =
          from.signer.sign(
              SigningPayloads.vote(v.phase(), v.shard(), v.height(), other, v.viewId()));
      out.put(
          new Vote(v.phase(), v.shard(), v.height(), v.viewId(), v.sender(), other, sig), targets);
    } else if (m instanceof NewView nv && nv.m1Groups().isEmpty()) {
      // Free to propose any block: a different one to each half, both properly signed.
      ProposedBlock original =
          ((ProposalValidation.Accept)
                  TestBlocks.validator().validate(nv.block(), nv.height(), Hash32.ZERO))
              .block();
      ProposedBlock alt =
          TestBlocks.build(
              nv.height(),
              original.parentHash(),
              original.parentCommit(),
              2_000_000L + r.nextInt(1000),
              true);
      ValidatorSignature sig =
          from.signer.sign(
              SigningPayloads.vote(
                  Phase.PROPOSE, nv.shard(), nv.height(), alt.hash(), nv.viewId()));
      List<SimNetwork.Node> shuffled = new ArrayList<>(targets);
      Collections.shuffle(shuffled, r);
      int half = shuffled.size() / 2;
      out.put(nv, shuffled.subList(0, half));
      out.put(
          new NewView(
              nv.shard(),
              nv.height(),
              nv.viewId(),
              nv.sender(),
              alt.hash(),
              alt.encoded(),
              sig,
              nv.m3(),
              nv.m2(),
              nv.m1Groups()),
          shuffled.subList(half, shuffled.size()));
    } else {
      out.put(m, targets);
    }
  }

  private static void forge(
      SimNetwork net,
      SimNetwork.Node from,
      ConsensusMessage m,
      List<SimNetwork.Node> targets,
      Map<ConsensusMessage, List<SimNetwork.Node>> out) {
    Random r = net.random();
    for (SimNetwork.Node to : targets) {
      net.send(from, to, randomBytes(r, 1 + r.nextInt(300)));
    }
    if (m instanceof Vote v) {
      out.put(
          new Vote(
              v.phase(),
              v.shard(),
              v.height(),
              v.viewId(),
              v.sender(),
              v.blockHash(),
              randomSig(r)),
          targets);
    } else if (m instanceof Certified c) {
      QuorumCertificate qc = c.certificate();
      SignerBitmap all = SignerBitmap.of(qc.signers().size(), allIndices(qc.signers().size()));
      QuorumCertificate forged =
          new QuorumCertificate(
              qc.phase(),
              qc.height(),
              qc.viewId(),
              qc.blockHash(),
              qc.aggregate(),
              qc.signers().equals(all) ? qc.signers() : all);
      out.put(
          new Certified(
              c.shard(),
              c.sender(),
              qc.signers().equals(all)
                  ? new QuorumCertificate(
                      qc.phase(), qc.height(), qc.viewId(), qc.blockHash(), randomSig(r), all)
                  : forged),
          targets);
    } else if (m instanceof ViewChange vc) {
      out.put(
          new ViewChange(
              vc.shard(),
              vc.height(),
              vc.viewId(),
              vc.sender(),
              randomSig(r),
              vc.prepared(),
              vc.nilSignature()),
          targets);
    } else if (m instanceof NewView nv) {
      AggregateVote m3 = new AggregateVote(randomSig(r), nv.m3().signers());
      out.put(
          new NewView(
              nv.shard(),
              nv.height(),
              nv.viewId(),
              nv.sender(),
              nv.blockHash(),
              nv.block(),
              nv.proposerSignature(),
              m3,
              nv.m2(),
              nv.m1Groups()),
          targets);
    } else if (m instanceof Announce a) {
      out.put(
          new Announce(
              a.shard(),
              a.height(),
              a.viewId(),
              a.sender(),
              a.blockHash(),
              a.block(),
              randomSig(r)),
          targets);
    }
  }

  private static List<Integer> allIndices(int n) {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.add(i);
    }
    return all;
  }

  static Hash32 randomHash(Random r) {
    return Hash32.of(randomBytes(r, 32));
  }

  static ValidatorSignature randomSig(Random r) {
    return new ValidatorSignature(randomBytes(r, 96));
  }

  static Bytes randomBytes(Random r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return Bytes.of(b);
  }
}
