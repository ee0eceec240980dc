/**
 * The compliance audit log: every enforcement decision as an entry carrying the hash of the one
 * before, so altering, removing or reordering entries is detectable. {@link
 * io.fugue.geofencing.audit.AuditEntry} defines the hash; {@link
 * io.fugue.geofencing.audit.AuditVerifier} checks a log; {@link
 * io.fugue.geofencing.audit.FileAuditLog} keeps one on disk.
 */
package io.fugue.geofencing.audit;
