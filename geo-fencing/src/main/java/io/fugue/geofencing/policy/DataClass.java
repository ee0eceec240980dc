package io.fugue.geofencing.policy;

/**
 * A class of data a fence covers: a data-sharing schema id (e.g. {@code net-worth-usd}). The
 * geo-fencing module does not import data sharing, so it holds the id in the same form.
 */
public record DataClass(String value) implements Comparable<DataClass> {
  public DataClass {
    Slug.check(value, "data class");
  }

  public static DataClass of(String value) {
    return new DataClass(value);
  }

  @Override
  public int compareTo(DataClass other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
