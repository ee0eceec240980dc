package io.fugue.api.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.chain.primitives.Hash32;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.audit.AuditCodec;
import io.fugue.geofencing.audit.AuditEntry;
import io.fugue.geofencing.audit.AuditVerifier;
import io.fugue.geofencing.audit.FileAuditLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fugue compliance}: the compliance officer's local tools (the audit log). */
@Command(
    name = "compliance",
    mixinStandardHelpOptions = true,
    description = "Compliance tools: export and verify a node's hash-chained audit log.",
    subcommands = {ComplianceCommand.Audit.class})
final class ComplianceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: audit");
  }

  /** {@code fugue compliance audit export|verify}. */
  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description = "Export or verify a node's audit log (<data>/compliance/audit.jsonl).",
      subcommands = {Export.class, Verify.class})
  static final class Audit implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "name a subcommand: export or verify");
    }
  }

  /** Common options: the log file and an optional anchor. */
  abstract static class LogOptions {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--log", required = true, description = "The audit log file (JSON lines).")
    Path log;

    @Option(
        names = "--anchor-seq",
        description = "Number of an anchored entry (with --anchor-hash): detects a cut tail.")
    Long anchorSeq;

    @Option(names = "--anchor-hash", description = "The anchored entry's hash, 0x-hex.")
    String anchorHash;

    AuditVerifier.Result verified(List<AuditEntry> entries) {
      if ((anchorSeq == null) != (anchorHash == null)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--anchor-seq and --anchor-hash go together");
      }
      Optional<AuditVerifier.Anchor> anchor = Optional.empty();
      if (anchorSeq != null) {
        try {
          anchor = Optional.of(new AuditVerifier.Anchor(anchorSeq, Hash32.fromHex(anchorHash)));
        } catch (RuntimeException e) {
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--anchor-hash is not a 32-byte hex hash");
        }
      }
      return AuditVerifier.verify(entries, anchor);
    }

    List<AuditEntry> entries() {
      if (!Files.isRegularFile(log)) {
        throw new CliException(FugueCli.EXIT_FAILED, "no audit log at " + log);
      }
      try {
        return FileAuditLog.read(log);
      } catch (GeoFencingException | UncheckedIOException e) {
        throw new CliException(FugueCli.EXIT_FAILED, "audit log " + log + ": " + e.getMessage());
      }
    }

    static ObjectNode report(AuditVerifier.Result r) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("valid", r.isValid());
      o.put("entries", r.entries());
      o.put("head", "0x" + r.head().toHex());
      r.defect().ifPresent(d -> o.put("defect", d));
      return o;
    }
  }

  /** Verifies a log and prints the outcome; exit 1 when it is broken. */
  @Command(
      name = "verify",
      mixinStandardHelpOptions = true,
      description = "Detect altered, removed or reordered entries; exit 1 if any.")
  static final class Verify extends LogOptions implements Callable<Integer> {
    @Override
    public Integer call() {
      AuditVerifier.Result r = verified(entries());
      Printer.print(spec.commandLine().getOut(), report(r));
      return r.isValid() ? FugueCli.EXIT_OK : FugueCli.EXIT_FAILED;
    }
  }

  /** Verifies a log and writes it as JSON lines to {@code --out}; refuses a broken one. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Write the verified log as JSON lines (one entry per line) to --out.")
  static final class Export extends LogOptions implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Where to write the JSON lines.")
    Path out;

    @Override
    public Integer call() {
      List<AuditEntry> entries = entries();
      AuditVerifier.Result r = verified(entries);
      if (!r.isValid()) {
        throw new CliException(
            FugueCli.EXIT_FAILED, "audit log " + log + " is broken: " + r.defect().get());
      }
      try {
        Files.write(
            out, entries.stream().map(AuditCodec::toJsonLine).toList(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new CliException(FugueCli.EXIT_FAILED, "cannot write " + out + ": " + e.getMessage());
      }
      return Printer.print(spec.commandLine().getOut(), report(r));
    }
  }
}
