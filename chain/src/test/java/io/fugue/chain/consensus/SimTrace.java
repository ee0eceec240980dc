package io.fugue.chain.consensus;

import io.fugue.chain.primitives.Bytes;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A byte-exact record of what every machine of a {@link SimNetwork} asked its shell to do, one line
 * per output: {@code t node kind payload}, messages and safety records in their wire encoding. Two
 * builds of the consensus code that behave the same give identical files for the same seed, which
 * is how a refactoring proves it changed no behaviour. Off unless {@code -Dfugue.sim.traceDir}
 * names a directory; the file is named after the calling test method, the network size, the seed
 * and a per-name counter (so parameterised runs of one method stay apart).
 */
final class SimTrace {
  private static final SimTrace OFF = new SimTrace(null, null);
  private static final Map<String, Integer> COUNTERS = new HashMap<>();
  private static final List<BufferedWriter> OPEN = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(SimTrace::closeAll, "sim-trace-close"));
  }

  private final BufferedWriter out;
  private final ConsensusCodec codec;

  private SimTrace(BufferedWriter out, ConsensusCodec codec) {
    this.out = out;
    this.codec = codec;
  }

  static synchronized SimTrace open(SimNetwork.Settings settings, ConsensusCodec codec) {
    String dir = System.getProperty("fugue.sim.traceDir");
    if (dir == null || dir.isBlank()) {
      return OFF;
    }
    String base = callingTest() + "-n" + settings.n() + "-s" + settings.seed();
    int k = COUNTERS.merge(base, 1, Integer::sum);
    try {
      Files.createDirectories(Path.of(dir));
      BufferedWriter w =
          Files.newBufferedWriter(Path.of(dir, base + "-" + k + ".trace"), StandardCharsets.UTF_8);
      OPEN.add(w);
      return new SimTrace(w, codec);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String callingTest() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(
                        f ->
                            f.getClassName().endsWith("Test")
                                && !f.getClassName().endsWith("SimTrace"))
                    .findFirst()
                    .map(
                        f ->
                            f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1)
                                + "."
                                + f.getMethodName())
                    .orElse("unknown"));
  }

  private static synchronized void closeAll() {
    for (BufferedWriter w : OPEN) {
      try {
        w.close();
      } catch (IOException e) {
        // the JVM is exiting; a trace that cannot be flushed shows up as a difference
      }
    }
  }

  void record(long now, int node, List<Output> outputs) {
    if (out == null) {
      return;
    }
    try {
      for (Output o : outputs) {
        out.write(now + " " + node + " " + describe(o));
        out.newLine();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void note(long now, int node, String line) {
    if (out == null) {
      return;
    }
    try {
      out.write(now + " " + node + " " + line);
      out.newLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String describe(Output o) {
    if (o instanceof Output.Broadcast b) {
      return "B " + codec.encode(b.message()).toHex();
    }
    if (o instanceof Output.Finalized f) {
      ProposedBlock b = f.block();
      return "F "
          + b.height()
          + " "
          + b.hash()
          + " "
          + b.encoded().toHex()
          + " "
          + qc(f.commitProof());
    }
    if (o instanceof Output.PersistSafety p) {
      return "P " + SafetyRecordCodec.encode(p.record()).toHex();
    }
    if (o instanceof Output.Evidence e) {
      DoubleSignEvidence d = e.evidence();
      return "E "
          + d.phase()
          + " "
          + d.height()
          + " "
          + d.viewId()
          + " "
          + d.signer().bytes().toHex()
          + " "
          + d.firstHash()
          + " "
          + d.firstSignature().bytes().toHex()
          + " "
          + d.secondHash()
          + " "
          + d.secondSignature().bytes().toHex();
    }
    return o.toString();
  }

  private static String qc(QuorumCertificate qc) {
    Bytes sig = qc.aggregate().bytes();
    return qc.phase()
        + "/"
        + qc.height()
        + "/"
        + qc.viewId()
        + "/"
        + qc.blockHash()
        + "/"
        + sig.toHex()
        + "/"
        + qc.signers();
  }
}
