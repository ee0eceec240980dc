package io.fugue.api.resource.auth;

import io.fugue.api.auth.Authenticator;
import io.fugue.api.http.ApiRequest;
import io.fugue.api.http.Endpoint;
import io.fugue.api.http.ProblemException;
import io.fugue.api.model.ChallengeRequest;
import io.fugue.api.model.ChallengeResponse;
import io.vertx.core.Future;

/** {@code POST /v1/auth/challenge}: a single-use challenge for an address to sign (201). */
public final class CreateChallengeEndpoint implements Endpoint {
  private final Authenticator auth;

  public CreateChallengeEndpoint(Authenticator auth) {
    this.auth = auth;
  }

  @Override
  public String operationId() {
    return "createChallenge";
  }

  @Override
  public Future<?> handle(ApiRequest request) {
    ChallengeRequest body = request.body(ChallengeRequest.class);
    return auth.challenge(body.address())
        .<Future<?>>map(
            c -> {
              request.status(201);
              return Future.succeededFuture(
                  new ChallengeResponse(
                      c.address(), c.challenge(), c.message(), c.expiresAt().getEpochSecond()));
            })
        .orElseGet(
            () ->
                Future.failedFuture(
                    ProblemException.of(
                        503,
                        "auth-busy",
                        "Service busy",
                        "too many outstanding challenges, try again shortly")));
  }
}
