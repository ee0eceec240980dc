package io.fugue.api.http;

import io.fugue.api.ApiException;
import java.util.Map;
import java.util.Objects;

/**
 * A request failure that the failure handler renders as a problem document: a status, a kind (the
 * last part of the problem type URN), a title, a detail and extra response headers.
 */
public final class ProblemException extends ApiException {
  private final int status;
  private final String kind;
  private final String title;
  private final Map<String, String> headers;

  public ProblemException(
      int status,
      String kind,
      String title,
      String detail,
      Map<String, String> headers,
      Throwable cause) {
    super(Objects.requireNonNull(detail, "detail"), cause);
    this.status = status;
    this.kind = Objects.requireNonNull(kind, "kind");
    this.title = Objects.requireNonNull(title, "title");
    this.headers = Map.copyOf(headers);
  }

  public static ProblemException of(int status, String kind, String title, String detail) {
    return new ProblemException(status, kind, title, detail, Map.of(), null);
  }

  public static ProblemException badRequest(String detail, Throwable cause) {
    return new ProblemException(400, "invalid-request", "Invalid request", detail, Map.of(), cause);
  }

  public static ProblemException unauthorized(String detail) {
    return new ProblemException(
        401,
        "unauthorized",
        "Authentication required",
        detail,
        Map.of("WWW-Authenticate", "Bearer realm=\"fugue\""),
        null);
  }

  public static ProblemException forbidden(String detail) {
    return of(403, "forbidden", "Forbidden", detail);
  }

  public static ProblemException notFound(String detail) {
    return of(404, "not-found", "Not found", detail);
  }

  public int status() {
    return status;
  }

  public String kind() {
    return kind;
  }

  public String title() {
    return title;
  }

  public Map<String, String> headers() {
    return headers;
  }
}
