package io.fugue.chain.consensus;

import java.util.Optional;

/**
 * Durable storage of the latest {@link SafetyRecord} (storage implements it, e.g. one key in the
 * meta column family). {@link #persist} returns only once the record is durable.
 */
public interface SafetyStore {
  void persist(SafetyRecord record);

  Optional<SafetyRecord> load();
}
