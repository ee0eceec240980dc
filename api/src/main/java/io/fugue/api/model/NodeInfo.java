package io.fugue.api.model;

import java.util.List;
import java.util.Objects;

/** Operator view of the node: its version, the shards it serves and its peer count. */
public record NodeInfo(String version, List<Integer> shards, int peers) {
  public NodeInfo {
    Objects.requireNonNull(version, "version");
    shards = List.copyOf(shards);
  }
}
