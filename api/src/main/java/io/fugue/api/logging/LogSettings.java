package io.fugue.api.logging;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.event.Level;

/**
 * The process-wide log settings, read at every event so a level set after a logger was created (the
 * CLI parses {@code --log-level} after classes with static loggers loaded) still applies. Defaults:
 * INFO, text; system properties {@code fugue.log.level}, {@code fugue.log.format} and {@code
 * fugue.log.level.<logger prefix>} preset them.
 */
public final class LogSettings {
  /** How each event is written. */
  public enum Format {
    TEXT,
    JSON
  }

  private static volatile Level root =
      parseLevel(System.getProperty("fugue.log.level", "info"), "fugue.log.level");
  private static volatile Format format =
      parseFormat(System.getProperty("fugue.log.format", "text"));
  private static final Map<String, Level> PREFIXES = new ConcurrentHashMap<>();

  static {
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("fugue.log.level."))
        .forEach(
            k ->
                PREFIXES.put(
                    k.substring("fugue.log.level.".length()),
                    parseLevel(System.getProperty(k), k)));
  }

  private LogSettings() {}

  /** {@code error}, {@code warn}, {@code info}, {@code debug} or {@code trace}, any case. */
  public static Level parseLevel(String value, String what) {
    Objects.requireNonNull(value, what);
    try {
      return Level.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          what + " '" + value + "': expected error, warn, info, debug or trace", e);
    }
  }

  public static Format parseFormat(String value) {
    try {
      return Format.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("log format '" + value + "': expected text or json", e);
    }
  }

  public static void level(Level level) {
    root = Objects.requireNonNull(level, "level");
  }

  public static Level level() {
    return root;
  }

  /** Sets the level of the loggers whose name starts with {@code prefix} (a package or class). */
  public static void level(String prefix, Level level) {
    PREFIXES.put(Objects.requireNonNull(prefix, "prefix"), Objects.requireNonNull(level, "level"));
  }

  /**
   * Whether a level was set for {@code prefix}, by a system property or {@link #level(String,
   * Level)}.
   */
  public static boolean hasLevel(String prefix) {
    return PREFIXES.containsKey(prefix);
  }

  public static void format(Format f) {
    format = Objects.requireNonNull(f, "format");
  }

  public static Format format() {
    return format;
  }

  /** The level for {@code logger}: of its longest configured prefix, else the root level. */
  static Level levelOf(String logger) {
    Level best = root;
    int bestLength = -1;
    for (Map.Entry<String, Level> e : PREFIXES.entrySet()) {
      String p = e.getKey();
      if (p.length() > bestLength && (logger.equals(p) || logger.startsWith(p + "."))) {
        best = e.getValue();
        bestLength = p.length();
      }
    }
    return best;
  }
}
