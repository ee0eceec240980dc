/**
 * The node's hash-chained data-sharing audit log ({@link io.fugue.datasharing.audit.AuditLog}):
 * query outcomes with proof hashes, vault deposits and erasures; never values or personal data.
 */
package io.fugue.datasharing.audit;
