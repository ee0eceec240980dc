package io.fugue.geofencing.policy;

/** A fence's id, a lower-case slug such as {@code eu-personal-data}; unique on the beacon chain. */
public record FenceId(String value) implements Comparable<FenceId> {
  public static final int MAX_LENGTH = Slug.MAX_LENGTH;

  public FenceId {
    Slug.check(value, "fence id");
  }

  public static FenceId of(String value) {
    return new FenceId(value);
  }

  @Override
  public int compareTo(FenceId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
