package io.fugue.geofencing.audit;

/** Where enforcement points record their decisions; {@link FileAuditLog} is the node's. */
@FunctionalInterface
public interface AuditSink {
  /** Drops every decision: for tests and nodes without fences. */
  AuditSink NONE = (kind, subject, detail) -> {};

  /** Records a decision; must not carry personal data. */
  void record(String kind, String subject, String detail);
}
