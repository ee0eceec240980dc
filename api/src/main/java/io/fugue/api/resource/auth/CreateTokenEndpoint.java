package io.fugue.api.resource.auth;

import io.fugue.api.auth.Authenticator;
import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.http.ProblemException;
import io.fugue.api.model.Role;
import io.fugue.api.model.TokenRequest;
import io.fugue.api.model.TokenResponse;
import io.fugue.api.port.RoleResolver;
import io.vertx.core.Future;

/**
 * {@code POST /v1/auth/token}: checks the signed challenge (off the event loop) and issues a
 * short-lived bearer token (201); a bad, replayed or expired challenge is 401.
 */
public final class CreateTokenEndpoint implements Endpoint {
  private final Authenticator auth;
  private final RoleResolver roles;

  public CreateTokenEndpoint(Authenticator auth, RoleResolver roles) {
    this.auth = auth;
    this.roles = roles;
  }

  @Override
  public String operationId() {
    return "createToken";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    TokenRequest body = request.body(TokenRequest.class);
    return request
        .compute(() -> auth.login(body.address(), body.challenge(), body.signature()))
        .compose(
            login -> {
              if (login instanceof Authenticator.Login.Refused refused) {
                return Future.failedFuture(ProblemException.unauthorized(refused.reason()));
              }
              if (login instanceof Authenticator.Login.Busy busy) {
                return Future.failedFuture(
                    ProblemException.of(503, "auth-busy", "Service busy", busy.reason()));
              }
              var issued = ((Authenticator.Login.Issued) login).token();
              return request
                  .backend(() -> roles.rolesOf(body.address()))
                  .map(
                      held -> {
                        request.status(201);
                        return new TokenResponse(
                            issued.token(),
                            "Bearer",
                            issued.expiresAt().getEpochSecond(),
                            held.stream().map(Role::wireName).sorted().toList());
                      });
            });
  }
}
