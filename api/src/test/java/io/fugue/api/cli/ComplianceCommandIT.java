package io.fugue.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.geofencing.audit.AuditVerifier;
import io.fugue.geofencing.audit.FileAuditLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComplianceCommandIT {
  private static final CliServices NONE = CliServices.thisBuild();
  @TempDir Path dir;

  @Test
  void shouldExportAndVerifyAnAuditLogAndDetectTampering() throws Exception {
    Path log = dir.resolve("audit.jsonl");
    AuditVerifier.Anchor anchor;
    try (FileAuditLog l = FileAuditLog.open(log, Clock.systemUTC())) {
      l.append("admitted", "12D3KooWDeutsch", "in fence eu v1");
      l.append("refused", "12D3KooWAmerica", "outside fence eu");
      l.append("served", "0xabc", "CH under GDPR Art. 45");
      anchor = l.head();
    }
    Path out = dir.resolve("export.jsonl");
    CliRun exported =
        CliRun.run(
            NONE,
            "compliance",
            "audit",
            "export",
            "--log",
            log.toString(),
            "--out",
            out.toString());
    assertThat(exported.exit()).as(exported.err()).isZero();
    assertThat(exported.out()).contains("\"valid\" : true", "\"entries\" : 3");
    assertThat(Files.readAllLines(out)).hasSize(3);

    String hash = "0x" + anchor.hash().toHex();
    CliRun ok =
        CliRun.run(
            NONE,
            "compliance",
            "audit",
            "verify",
            "--log",
            out.toString(),
            "--anchor-seq",
            "2",
            "--anchor-hash",
            hash);
    assertThat(ok.exit()).isZero();

    List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
    Files.write(out, lines.subList(0, 2), StandardCharsets.UTF_8);
    CliRun cut =
        CliRun.run(
            NONE,
            "compliance",
            "audit",
            "verify",
            "--log",
            out.toString(),
            "--anchor-seq",
            "2",
            "--anchor-hash",
            hash);
    assertThat(cut.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(cut.out()).contains("entries were removed");

    Files.write(
        out,
        List.of(lines.get(0), lines.get(1).replace("outside", "inside"), lines.get(2)),
        StandardCharsets.UTF_8);
    CliRun altered = CliRun.run(NONE, "compliance", "audit", "verify", "--log", out.toString());
    assertThat(altered.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(altered.out()).contains("entry 1 was altered");
    CliRun refused =
        CliRun.run(
            NONE,
            "compliance",
            "audit",
            "export",
            "--log",
            out.toString(),
            "--out",
            dir.resolve("x.jsonl").toString());
    assertThat(refused.exit()).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(refused.err()).contains("is broken");
    assertThat(Files.exists(dir.resolve("x.jsonl"))).isFalse();
  }
}
