package io.fugue.datasharing.identity;

import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** DID URL fragments ({@code [A-Za-z0-9._-]{1,32}}) and list helpers. */
final class Fragments {
  static final int MAX_BYTES = 32;
  static final int MAX_ENTRIES = 16;
  private static final Pattern FRAGMENT = Pattern.compile("[A-Za-z0-9._-]{1,32}");

  private Fragments() {}

  static void check(String fragment, String what) {
    if (fragment == null || !FRAGMENT.matcher(fragment).matches()) {
      throw new IllegalArgumentException(what + " must match [A-Za-z0-9._-]{1,32}");
    }
  }

  static void checkDistinct(List<VerificationMethod> methods, List<Service> services) {
    if (methods.isEmpty() || methods.size() > MAX_ENTRIES || services.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException(
          "a DID document needs 1 to "
              + MAX_ENTRIES
              + " verification methods and at most "
              + MAX_ENTRIES
              + " services");
    }
    Set<String> seen = new HashSet<>();
    methods.forEach(m -> unique(seen, m.fragment()));
    services.forEach(s -> unique(seen, s.fragment()));
  }

  private static void unique(Set<String> seen, String fragment) {
    if (!seen.add(fragment)) {
      throw new IllegalArgumentException("fragment #" + fragment + " is used twice");
    }
  }

  static <T> List<T> decodeList(RlpList list, Function<RlpList, T> reader) {
    if (list.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("at most " + MAX_ENTRIES + " entries");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(reader.apply(list.list(i)));
    }
    return List.copyOf(out);
  }

  static <T> RlpList encodeList(List<T> items, Function<T, RlpList> writer) {
    List<RlpItem> out = new ArrayList<>();
    items.forEach(i -> out.add(writer.apply(i)));
    return new RlpList(out);
  }
}
