package io.fugue.api.logging;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger that writes one line per event to stderr in the {@link LogSettings#format()}. */
final class LineLogger extends AbstractLogger {
  private static final long serialVersionUID = 1L;
  private static final PrintStream OUT = System.err;
  private final String shortName;

  LineLogger(String name) {
    this.name = name;
    int dot = name.lastIndexOf('.');
    this.shortName = dot < 0 ? name : name.substring(dot + 1);
  }

  private boolean enabled(Level level) {
    return level.toInt() >= LogSettings.levelOf(name).toInt();
  }

  @Override
  public boolean isTraceEnabled() {
    return enabled(Level.TRACE);
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return isTraceEnabled();
  }

  @Override
  public boolean isDebugEnabled() {
    return enabled(Level.DEBUG);
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return isDebugEnabled();
  }

  @Override
  public boolean isInfoEnabled() {
    return enabled(Level.INFO);
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return isInfoEnabled();
  }

  @Override
  public boolean isWarnEnabled() {
    return enabled(Level.WARN);
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return isWarnEnabled();
  }

  @Override
  public boolean isErrorEnabled() {
    return enabled(Level.ERROR);
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return isErrorEnabled();
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] args, Throwable throwable) {
    String message = MessageFormatter.basicArrayFormat(pattern, args);
    String line =
        LogSettings.format() == LogSettings.Format.JSON
            ? json(level, message, throwable)
            : text(level, message, throwable);
    synchronized (OUT) {
      OUT.print(line);
      OUT.flush();
    }
  }

  private String text(Level level, String message, Throwable throwable) {
    StringBuilder b =
        new StringBuilder(96 + message.length())
            .append(Instant.now())
            .append(' ')
            .append(level.name())
            .append(level.name().length() == 4 ? "  " : " ")
            .append('[')
            .append(Thread.currentThread().getName())
            .append("] ")
            .append(shortName)
            .append(" - ")
            .append(message)
            .append(System.lineSeparator());
    if (throwable != null) {
      b.append(stackTrace(throwable));
    }
    return b.toString();
  }

  private String json(Level level, String message, Throwable throwable) {
    StringBuilder b =
        new StringBuilder(128 + message.length())
            .append("{\"ts\":\"")
            .append(Instant.now())
            .append("\",\"level\":\"")
            .append(level.name())
            .append("\",\"logger\":");
    quote(b, name).append(",\"thread\":");
    quote(b, Thread.currentThread().getName()).append(",\"msg\":");
    quote(b, message);
    if (throwable != null) {
      b.append(",\"error\":");
      quote(b, stackTrace(throwable));
    }
    return b.append('}').append(System.lineSeparator()).toString();
  }

  private static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /** A JSON string literal (RFC 8259 section 7). */
  static StringBuilder quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"');
  }
}
