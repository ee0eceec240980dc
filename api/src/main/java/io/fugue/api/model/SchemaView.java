package io.fugue.api.model;

import java.util.List;
import java.util.Objects;

/**
 * An attribute schema: values are integers {@code value * 10^scale} of {@code bits} bits, attested
 * only by {@code allowedIssuers}. Also the body of {@code POST /v1/schemas}.
 */
public record SchemaView(
    String id,
    String attribute,
    String unit,
    int scale,
    int bits,
    List<AccountAddress> allowedIssuers) {
  public SchemaView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(unit, "unit");
    allowedIssuers = List.copyOf(allowedIssuers);
  }
}
