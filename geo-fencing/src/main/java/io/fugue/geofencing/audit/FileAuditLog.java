package io.fugue.geofencing.audit;

import io.fugue.chain.primitives.Hash32;
import io.fugue.geofencing.GeoFencingException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's audit log as a JSON-lines file ({@link AuditCodec}) under its data directory, e.g.
 * {@code <data>/compliance/audit.jsonl}. Opening verifies the existing file and refuses a broken
 * one, so a tampered log is noticed at start, not extended. Appends are serialised and flushed to
 * the OS per entry. {@link #head()} is the anchor value to publish periodically.
 */
public final class FileAuditLog implements AuditSink, AutoCloseable {
  private final Path file;
  private final Clock clock;
  private final BufferedWriter out;
  private long nextSeq;
  private Hash32 head;

  private FileAuditLog(Path file, Clock clock, BufferedWriter out, long nextSeq, Hash32 head) {
    this.file = file;
    this.clock = clock;
    this.out = out;
    this.nextSeq = nextSeq;
    this.head = head;
  }

  /** Opens (or creates) the log at {@code file}; throws if the existing content does not verify. */
  public static FileAuditLog open(Path file, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      List<AuditEntry> existing = Files.exists(file) ? read(file) : List.of();
      AuditVerifier.Result r = AuditVerifier.verify(existing, Optional.empty());
      if (!r.isValid()) {
        throw new GeoFencingException("audit log " + file + " is broken: " + r.defect().get());
      }
      BufferedWriter w =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new FileAuditLog(file, clock, w, existing.size(), r.head());
    } catch (IOException e) {
      throw new GeoFencingException("cannot open audit log " + file, e);
    }
  }

  /** Appends a decision and returns the entry. */
  public synchronized AuditEntry append(String kind, String subject, String detail) {
    AuditEntry e = AuditEntry.next(nextSeq, clock.millis(), kind, subject, detail, head);
    try {
      out.write(AuditCodec.toJsonLine(e));
      out.write('\n');
      out.flush();
    } catch (IOException ex) {
      throw new GeoFencingException("cannot append to audit log " + file, ex);
    }
    nextSeq++;
    head = e.hash();
    return e;
  }

  @Override
  public void record(String kind, String subject, String detail) {
    append(kind, subject, detail);
  }

  /** The anchor: the number of the newest entry and its hash (-1 and zero when empty). */
  public synchronized AuditVerifier.Anchor head() {
    return new AuditVerifier.Anchor(nextSeq - 1, head);
  }

  /** Reads every entry of a log file; throws naming the line of a malformed one. */
  public static List<AuditEntry> read(Path file) {
    try {
      List<AuditEntry> out = new ArrayList<>();
      int n = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        n++;
        if (line.isBlank()) {
          continue;
        }
        try {
          out.add(AuditCodec.fromJsonLine(line));
        } catch (GeoFencingException e) {
          throw new GeoFencingException("line " + n + ": " + e.getMessage(), e);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read audit log " + file, e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new GeoFencingException("cannot close audit log " + file, e);
    }
  }
}
