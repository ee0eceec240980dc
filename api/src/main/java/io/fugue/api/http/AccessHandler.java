package io.fugue.api.http;

import io.fugue.api.auth.Authenticator;
import io.fugue.api.auth.TokenStore;
import io.fugue.api.model.Caller;
import io.fugue.api.model.Role;
import io.fugue.api.port.RoleResolver;
import io.fugue.api.ratelimit.RateLimiter;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;

/**
 * Enforces an endpoint's role: public endpoints are rate-limited per remote IP; the others need a
 * live bearer token (else 401, counted against the IP's limit), are rate-limited per account, and
 * need the role in chain state, asked of the {@link RoleResolver} on every request (else 403).
 */
final class AccessHandler implements Handler<RoutingContext> {
  static final String CALLER = "fugue.caller";
  private static final String BEARER = "Bearer ";

  private final Role role;
  private final Authenticator auth;
  private final RoleResolver roles;
  private final RateLimiter ipLimiter;
  private final RateLimiter callerLimiter;
  private final BackendCalls calls;

  AccessHandler(
      Role role,
      Authenticator auth,
      RoleResolver roles,
      RateLimiter ipLimiter,
      RateLimiter callerLimiter,
      BackendCalls calls) {
    this.role = role;
    this.auth = auth;
    this.roles = roles;
    this.ipLimiter = ipLimiter;
    this.callerLimiter = callerLimiter;
    this.calls = calls;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String ipKey =
        RateLimiter.ipKey(
            ctx.request().remoteAddress() == null
                ? "unknown"
                : ctx.request().remoteAddress().hostAddress());
    if (role == Role.PUBLIC) {
      if (admit(ctx, ipLimiter, ipKey)) {
        ctx.next();
      }
      return;
    }
    Optional<TokenStore.Session> session = bearer(ctx).flatMap(auth::session);
    if (session.isEmpty()) {
      // Failed token checks count against the IP, so guessing tokens is rate-limited too.
      if (!admit(ctx, ipLimiter, ipKey)) {
        return;
      }
      ctx.fail(
          ProblemException.unauthorized(
              bearer(ctx).isEmpty()
                  ? "this endpoint needs a bearer token from POST /v1/auth/token"
                  : "the bearer token is unknown or expired"));
      return;
    }
    var address = session.get().address();
    if (!admit(ctx, callerLimiter, "account:" + address.toHex())) {
      return;
    }
    calls
        .call(() -> roles.rolesOf(address))
        .onComplete(
            ar -> {
              if (ar.failed()) {
                ctx.fail(ar.cause());
                return;
              }
              Caller caller = new Caller(address, ar.result());
              if (!caller.has(role)) {
                ctx.fail(
                    ProblemException.forbidden(
                        "this endpoint needs the "
                            + role.wireName()
                            + " role, which "
                            + address
                            + " lacks"));
                return;
              }
              ctx.put(CALLER, caller);
              ctx.next();
            });
  }

  private static boolean admit(RoutingContext ctx, RateLimiter limiter, String key) {
    RateLimiter.Decision d = limiter.tryAcquire(key);
    if (d.allowed()) {
      return true;
    }
    long seconds = Math.max(1, (d.retryAfter().toMillis() + 999) / 1000);
    ctx.fail(
        new ProblemException(
            429,
            "rate-limited",
            "Too many requests",
            "rate limit exceeded; retry after " + seconds + " s",
            Map.of("Retry-After", Long.toString(seconds)),
            null));
    return false;
  }

  private static Optional<String> bearer(RoutingContext ctx) {
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = header.substring(BEARER.length()).trim();
    return token.isEmpty() || token.length() > 256 ? Optional.empty() : Optional.of(token);
  }
}
