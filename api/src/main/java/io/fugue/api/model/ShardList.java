package io.fugue.api.model;

import java.util.List;

/** Response of {@code GET /v1/chain/shards}. */
public record ShardList(List<ShardInfo> shards) {
  public ShardList {
    shards = List.copyOf(shards);
  }
}
