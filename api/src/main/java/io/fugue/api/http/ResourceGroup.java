package io.fugue.api.http;

import java.util.List;
import java.util.Objects;

/**
 * A resource group: its endpoints get one {@code Router}, mounted with {@code subRouter} at {@code
 * mountPath} (e.g. {@code /v1/chain}).
 */
public record ResourceGroup(String mountPath, List<Endpoint> endpoints) {
  public ResourceGroup {
    Objects.requireNonNull(mountPath, "mountPath");
    if (!mountPath.startsWith("/") || mountPath.endsWith("/")) {
      throw new IllegalArgumentException("mountPath must start and not end with /: " + mountPath);
    }
    endpoints = List.copyOf(endpoints);
  }
}
