package io.fugue.api.model;

import java.util.List;

/** Response of {@code GET /v1/schemas}. */
public record SchemaList(List<SchemaView> schemas) {
  public SchemaList {
    schemas = List.copyOf(schemas);
  }
}
