package io.fugue.geofencing.policy;

import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.ShardId;
import io.fugue.geofencing.Codecs;
import io.fugue.geofencing.GeoFencingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The rules of one fence version: its data stays in {@code countries} on {@code shards}, for the
 * listed data classes (none listed: every class on those shards), may leave only to {@code
 * destinations} on the stated basis, and vault openings are kept at most {@code retentionSeconds}.
 * Lists are held sorted and duplicate-free, so equal rules have equal encodings.
 *
 * @param countries 1 to {@link #MAX_COUNTRIES} countries inside the fence
 * @param shards 1 to {@link #MAX_SHARDS} shards, never the beacon chain (its state is public)
 * @param dataClasses 0 to {@link #MAX_DATA_CLASSES} data classes; empty means all
 * @param destinations 0 to {@link #MAX_COUNTRIES} destinations outside the fence, one per country
 * @param retentionSeconds 1 second to {@link #MAX_RETENTION_SECONDS}
 */
public record FencePolicy(
    List<CountryCode> countries,
    List<ShardId> shards,
    List<DataClass> dataClasses,
    List<TransferDestination> destinations,
    long retentionSeconds) {
  public static final int MAX_COUNTRIES = 256;
  public static final int MAX_SHARDS = 256;
  public static final int MAX_DATA_CLASSES = 256;

  /** One hundred years of 365.25 days. */
  public static final long MAX_RETENTION_SECONDS = 100L * 36_525 * 86_400 / 100;

  public FencePolicy {
    countries = sortedDistinct(countries, "countries", 1, MAX_COUNTRIES);
    shards = sortedDistinct(shards, "shards", 1, MAX_SHARDS);
    dataClasses = sortedDistinct(dataClasses, "data classes", 0, MAX_DATA_CLASSES);
    destinations = sortedDistinct(destinations, "destinations", 0, MAX_COUNTRIES);
    if (shards.contains(ShardId.BEACON)) {
      throw new GeoFencingException("the beacon chain cannot be fenced: its state is public");
    }
    Set<CountryCode> seen = new HashSet<>();
    for (TransferDestination d : destinations) {
      if (countries.contains(d.country())) {
        throw new GeoFencingException(
            "destination " + d.country() + " is inside the fence; list only countries outside it");
      }
      if (!seen.add(d.country())) {
        throw new GeoFencingException("destination " + d.country() + " is listed twice");
      }
    }
    if (retentionSeconds < 1 || retentionSeconds > MAX_RETENTION_SECONDS) {
      throw new GeoFencingException(
          "retention must be 1 to " + MAX_RETENTION_SECONDS + " seconds, got " + retentionSeconds);
    }
  }

  private static <T extends Comparable<T>> List<T> sortedDistinct(
      List<T> values, String what, int min, int max) {
    Objects.requireNonNull(values, what);
    SortedSet<T> sorted = new TreeSet<>();
    for (T v : values) {
      if (!sorted.add(Objects.requireNonNull(v, what))) {
        throw new GeoFencingException(what + " lists " + v + " twice");
      }
    }
    if (sorted.size() < min || sorted.size() > max) {
      throw new GeoFencingException(
          what + " must have " + min + " to " + max + " entries, got " + sorted.size());
    }
    return List.copyOf(sorted);
  }

  /** Whether the fence keeps {@code country}'s nodes inside. */
  public boolean covers(CountryCode country) {
    return countries.contains(country);
  }

  /** Whether this fence applies to {@code dataClass} (a fence listing no classes covers all). */
  public boolean covers(DataClass dataClass) {
    return dataClasses.isEmpty() || dataClasses.contains(dataClass);
  }

  /**
   * Whether this fence and {@code other} govern some of the same data (a shared shard and a shared
   * data class, an empty class list sharing every class) yet say different things about it
   * (countries, destinations or retention). Two such fences cannot both be in force: a node could
   * not tell which rule holds.
   */
  public boolean conflictsWith(FencePolicy other) {
    boolean sharedShard = !Collections.disjoint(shards, other.shards);
    boolean sharedClass =
        dataClasses.isEmpty()
            || other.dataClasses.isEmpty()
            || !Collections.disjoint(dataClasses, other.dataClasses);
    boolean sameRules =
        countries.equals(other.countries)
            && destinations.equals(other.destinations)
            && retentionSeconds == other.retentionSeconds;
    return sharedShard && sharedClass && !sameRules;
  }

  /** The basis for transfers to {@code country}, if the fence permits them. */
  public Optional<LegalBasis> basisFor(CountryCode country) {
    return destinations.stream()
        .filter(d -> d.country().equals(country))
        .map(TransferDestination::basis)
        .findFirst();
  }

  /** [countries, shards, dataClasses, destinations, retentionSeconds]; see docs/protocol.md. */
  public RlpList encode() {
    List<RlpItem> c = new ArrayList<>();
    countries.forEach(x -> c.add(Codecs.ascii(x.value())));
    List<RlpItem> s = new ArrayList<>();
    shards.forEach(x -> s.add(RlpString.of(x)));
    List<RlpItem> dc = new ArrayList<>();
    dataClasses.forEach(x -> dc.add(Codecs.ascii(x.value())));
    List<RlpItem> d = new ArrayList<>();
    destinations.forEach(
        x ->
            d.add(
                RlpList.of(Codecs.ascii(x.country().value()), RlpString.ofUint(x.basis().code()))));
    return RlpList.of(
        new RlpList(c),
        new RlpList(s),
        new RlpList(dc),
        new RlpList(d),
        RlpString.ofUint(retentionSeconds));
  }

  /** Reads {@link #encode()}'s form strictly; throws {@link GeoFencingException} on any defect. */
  public static FencePolicy decode(RlpList list) {
    return Codecs.reading(
        "fence policy",
        () -> {
          list.expectSize(5, "fence policy");
          List<CountryCode> c = new ArrayList<>();
          for (RlpItem i : list.list(0).items()) {
            c.add(CountryCode.of(Codecs.ascii(asString(i), 2, "country")));
          }
          List<ShardId> s = new ArrayList<>();
          for (RlpItem i : list.list(1).items()) {
            s.add(asString(i).asShardId());
          }
          List<DataClass> dc = new ArrayList<>();
          for (RlpItem i : list.list(2).items()) {
            dc.add(DataClass.of(Codecs.ascii(asString(i), Slug.MAX_LENGTH, "data class")));
          }
          List<TransferDestination> d = new ArrayList<>();
          for (RlpItem i : list.list(3).items()) {
            if (!(i instanceof RlpList pair)) {
              throw new GeoFencingException("a destination is a list [country, basis]");
            }
            pair.expectSize(2, "destination");
            d.add(
                new TransferDestination(
                    CountryCode.of(Codecs.ascii(pair.string(0), 2, "country")),
                    LegalBasis.fromCode(pair.string(1).asInt())));
          }
          FencePolicy p = new FencePolicy(c, s, dc, d, list.string(4).asUint64());
          if (!p.encode().equals(list)) {
            throw new GeoFencingException(
                "lists must be sorted and free of duplicates (the canonical form)");
          }
          return p;
        });
  }

  private static RlpString asString(RlpItem item) {
    if (item instanceof RlpString s) {
      return s;
    }
    throw new GeoFencingException("expected a string item, got a list");
  }
}
