package io.fugue.api.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * HEAD and OPTIONS on every path of the document (RFC 9110 §9.3.2, §9.3.7): HEAD is routed as the
 * GET of the same path (Vert.x sends the headers and Content-Length of the GET response without its
 * body); OPTIONS answers 204 with an {@code Allow} header. CORS preflights are answered before this
 * handler when CORS is on. Unknown paths fall through to 404.
 */
public final class StandardMethodsHandler implements Handler<RoutingContext> {
  private final Function<String, List<String>> allowedMethods;

  public StandardMethodsHandler(Function<String, List<String>> allowedMethods) {
    this.allowedMethods = Objects.requireNonNull(allowedMethods, "allowedMethods");
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpMethod method = ctx.request().method();
    if (!HttpMethod.HEAD.equals(method) && !HttpMethod.OPTIONS.equals(method)) {
      ctx.next();
      return;
    }
    List<String> allowed = allowedMethods.apply(ctx.request().path());
    if (allowed.isEmpty()) {
      ctx.next();
    } else if (HttpMethod.OPTIONS.equals(method)) {
      ctx.response()
          .setStatusCode(204)
          .putHeader(HttpHeaders.ALLOW, String.join(", ", allowed))
          .end();
    } else if (allowed.contains(HttpMethod.GET.name())) {
      ctx.reroute(HttpMethod.GET, ctx.request().uri());
    } else {
      ctx.next(); // no GET here: the 405 names what is allowed
    }
  }
}
