package io.fugue.chain.module;

import io.fugue.chain.primitives.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a ledger module, e.g. {@code "transfer"}, {@code "datasharing.attestations"}. It
 * namespaces the module's records in the authenticated state (see {@link
 * io.fugue.chain.state.StateKeys#module}) and names the module in errors. Lower-case ASCII letters,
 * digits, '.', '-' and '_', 1 to 64 characters, starting with a letter; the state key prefix is its
 * US-ASCII bytes, so a name must never change once blocks use it.
 */
public record ModuleId(String name) implements Comparable<ModuleId> {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9._-]{0,63}");

  public ModuleId {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a module id is 1 to 64 characters of [a-z0-9._-] "
              + "starting with a letter, got '"
              + name
              + "'");
    }
  }

  public static ModuleId of(String name) {
    return new ModuleId(name);
  }

  /** The state-key namespace: the name's US-ASCII bytes. */
  public Bytes bytes() {
    return Bytes.of(name.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public int compareTo(ModuleId other) {
    return name.compareTo(other.name);
  }

  @Override
  public String toString() {
    return name;
  }
}
