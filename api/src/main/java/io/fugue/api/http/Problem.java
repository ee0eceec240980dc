package io.fugue.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * An RFC 9457 problem document. {@code type} is a stable URN per kind of problem; {@code errors}
 * lists validation failures when there are several.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type, String title, int status, String detail, String instance, List<String> errors) {
  public static final String MEDIA_TYPE = "application/problem+json";

  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    errors = errors == null ? null : List.copyOf(errors);
  }
}
