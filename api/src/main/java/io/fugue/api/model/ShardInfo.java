package io.fugue.api.model;

import java.util.Objects;

/** A shard and its head. Shard 0 is the beacon chain ({@code kind = "beacon"}). */
public record ShardInfo(int id, String kind, long height, Digest headHash) {
  public ShardInfo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(headHash, "headHash");
  }
}
