package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.Role;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class OpenApiDocumentIT {

  @Test
  void shouldServeAParseableOpenApi31DocumentWhereEveryOperationStatesItsRole(Vertx vertx) {
    TestNode node = new TestNode(vertx);
    HttpResponse<Buffer> r = node.get("/openapi.json", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).startsWith("application/json");
    JsonObject doc = r.bodyAsJsonObject();
    assertThat(doc.getString("openapi")).isEqualTo("3.1.0");
    assertThat(
            doc.getJsonObject("components")
                .getJsonObject("responses")
                .getJsonObject("Problem")
                .getJsonObject("content")
                .getJsonObject("application/problem+json")
                .getJsonObject("schema")
                .getString("$ref"))
        .as("problem responses declare their media type for conformance tools")
        .isEqualTo("#/components/schemas/Problem");

    OpenAPIContract contract =
        TestNode.await(OpenAPIContract.from(vertx, ApiContract.withoutProblemMediaType(doc)));
    assertThat(contract.operations()).hasSizeGreaterThan(30);
    for (Operation op : contract.operations()) {
      Role role = ApiContract.roleOf(op);
      boolean open = op.getOpenAPIModel().getJsonArray("security").isEmpty();
      assertThat(open).as(op.getOperationId()).isEqualTo(role == Role.PUBLIC);
    }
    assertThat(doc.getJsonObject("paths").fieldNames())
        .contains(
            "/v1/chain/transactions",
            "/v1/issuers",
            "/v1/schemas",
            "/v1/attestations",
            "/v1/queries",
            "/v1/queries/{id}/answer",
            "/v1/queries/{id}/result",
            "/v1/vault/openings",
            "/v1/auth/challenge",
            "/v1/auth/token",
            "/health",
            "/metrics");
  }

  @Test
  void shouldDeclareEveryJsonRequestBodyClosedToUnknownFields(Vertx vertx) {
    TestNode node = new TestNode(vertx);
    JsonObject schemas =
        node.get("/openapi.json", null)
            .bodyAsJsonObject()
            .getJsonObject("components")
            .getJsonObject("schemas");
    schemas.fieldNames().stream()
        .filter(n -> n.endsWith("Request"))
        .forEach(
            n ->
                assertThat(schemas.getJsonObject(n).getBoolean("additionalProperties"))
                    .as(n)
                    .isFalse());
  }
}
