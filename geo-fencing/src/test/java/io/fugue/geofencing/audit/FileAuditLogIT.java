package io.fugue.geofencing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.geofencing.GeoFencingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAuditLogIT {
  @TempDir Path dir;
  Path file;
  AuditVerifier.Anchor anchor;

  @BeforeEach
  void writeLog() {
    file = dir.resolve("compliance/audit.jsonl");
    Clock clock = Clock.fixed(Instant.parse("2026-12-03T07:00:00Z"), ZoneOffset.UTC);
    try (FileAuditLog log = FileAuditLog.open(file, clock)) {
      log.append("admitted", "12D3KooWDeutsch", "in fence eu v1 (DE)");
      log.append("refused", "12D3KooWAmerica", "attested in US, outside fence eu");
    }
    try (FileAuditLog log = FileAuditLog.open(file, clock)) {
      log.append("served", "0xabc", "transfer to CH under GDPR Art. 45 adequacy decision");
      log.append("refused", "0xdef", "no basis for US");
      anchor = log.head();
    }
  }

  private List<String> lines() throws Exception {
    return new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  private AuditVerifier.Result verify(List<String> lines) throws Exception {
    Files.write(file, lines, StandardCharsets.UTF_8);
    return AuditVerifier.verify(FileAuditLog.read(file), Optional.of(anchor));
  }

  @Test
  void shouldVerifyAnIntactLogContinuedAcrossReopens() {
    AuditVerifier.Result r = AuditVerifier.verify(FileAuditLog.read(file), Optional.of(anchor));
    assertThat(r.isValid()).isTrue();
    assertThat(r.entries()).isEqualTo(4);
    assertThat(r.head()).isEqualTo(anchor.hash());
    assertThat(anchor.seq()).isEqualTo(3);
  }

  @Test
  void shouldDetectAnAlteredEntry() throws Exception {
    List<String> l = lines();
    l.set(1, l.get(1).replace("outside fence eu", "inside fence eu"));
    assertThat(verify(l).defect())
        .hasValueSatisfying(d -> assertThat(d).contains("entry 1 was altered"));
  }

  @Test
  void shouldDetectARemovedEntry() throws Exception {
    List<String> l = lines();
    l.remove(1);
    assertThat(verify(l).defect()).hasValueSatisfying(d -> assertThat(d).contains("removed"));
  }

  @Test
  void shouldDetectReorderedEntries() throws Exception {
    List<String> l = lines();
    Collections.swap(l, 1, 2);
    assertThat(verify(l).isValid()).isFalse();
  }

  @Test
  void shouldDetectATruncatedTailOnlyAgainstTheAnchor() throws Exception {
    List<String> l = lines();
    l.remove(3);
    Files.write(file, l, StandardCharsets.UTF_8);
    assertThat(AuditVerifier.verify(FileAuditLog.read(file), Optional.empty()).isValid())
        .as("a shorter chain is self-consistent")
        .isTrue();
    assertThat(verify(l).defect())
        .hasValueSatisfying(d -> assertThat(d).contains("entry 3 was anchored"));
  }

  @Test
  void shouldRefuseToOpenABrokenLogAndNameAMalformedLine() throws Exception {
    List<String> l = lines();
    l.set(2, l.get(2).replace("Art. 45", "Art. 49"));
    Files.write(file, l, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FileAuditLog.open(file, Clock.systemUTC()))
        .isInstanceOf(GeoFencingException.class)
        .hasMessageContaining("entry 2 was altered");
    l.set(2, "{\"seq\": \"two\"}");
    Files.write(file, l, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> FileAuditLog.read(file)).hasMessageContaining("line 3");
  }
}
