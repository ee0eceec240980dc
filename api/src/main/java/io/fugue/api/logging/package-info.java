/**
 * The node's SLF4J backend: one line per event on stderr, as text or JSON, levels set by the CLI's
 * {@code --log-level} / {@code --log-format} ({@link io.fugue.api.logging.LogSettings}).
 */
package io.fugue.api.logging;
