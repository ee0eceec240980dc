package io.fugue.geofencing.policy;

import io.fugue.geofencing.GeoFencingException;
import java.util.regex.Pattern;

/** The readable id form shared by fence ids and data classes (the schema id form). */
final class Slug {
  static final int MAX_LENGTH = 64;
  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private Slug() {}

  static String check(String value, String what) {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new GeoFencingException(
          what
              + " must be 1 to 64 characters of a-z, 0-9, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    return value;
  }
}
