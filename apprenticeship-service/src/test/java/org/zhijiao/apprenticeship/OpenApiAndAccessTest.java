package org.zhijiao.apprenticeship;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.stack.testing.TestTokens;

/** The published spec is complete and example-rich, and every operation it lists has an access rule that holds. */
@QuarkusTest
class OpenApiAndAccessTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    record Operation(String method, String path, JsonNode spec) {
        String concretePath() {
            return path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    private static List<Operation> operations() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        List<Operation> operations = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    @Test
    void everyOperationIsDocumentedForTheFrontendTeam() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        Set<String> ids = new HashSet<>();
        for (Operation op : operations) {
            String name = op.method() + " " + op.path();
            assertThat(op.spec().path("operationId").asText()).as(name).isNotBlank();
            assertThat(ids.add(op.spec().path("operationId").asText())).as("unique id " + name).isTrue();
            assertThat(op.spec().path("tags")).as(name).isNotEmpty();
            assertThat(op.spec().path("summary").asText()).as(name).isNotBlank();
            assertThat(op.spec().path("security")).as(name).isNotEmpty();
            JsonNode responses = op.spec().path("responses");
            assertThat(responses.has("401")).as(name + " documents 401").isTrue();
            assertThat(responses.has("403")).as(name + " documents 403").isTrue();
            if (op.path().contains("{id}")) {
                assertThat(responses.has("404")).as(name + " documents 404").isTrue();
            }
            if (!op.method().equals("get")) {
                assertThat(responses.has("400")).as(name + " documents 400").isTrue();
                assertThat(op.spec().path("requestBody").path("content").path("application/json").path("examples"))
                        .as(name + " has a JSON body with examples").isNotEmpty();
            }
            assertThat(responses.path("401").path("content").has("application/problem+json")).as(name).isTrue();
        }
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyOperationRefusesAnonymousCallersAndCallersWithoutARole() throws Exception {
        String noRole = TestTokens.token("nobody", UUID.randomUUID());
        for (Operation op : operations()) {
            Response anonymous = given().contentType("application/json").body("{}")
                    .request(op.method(), op.concretePath());
            assertThat(anonymous.statusCode()).as("anonymous " + op.method() + " " + op.path()).isEqualTo(401);
            assertThat(anonymous.contentType()).startsWith("application/problem+json");
            Response roleless = given().auth().oauth2(noRole).contentType("application/json").body("{}")
                    .request(op.method(), op.concretePath());
            assertThat(roleless.statusCode()).as("no role " + op.method() + " " + op.path()).isEqualTo(403);
        }
    }

    @Test
    void operationsEndpointsAndRequestIds() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Database")));
        given().get("/q/health/live").then().statusCode(200);
        Fixtures.publishedProgram(MembershipEvents.activeSchool("指标学校"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                        .contains("zhijiao_outbox_published_total").contains("zhijiao_outbox_pending")
                        .contains("http_server_requests_seconds"));

        String generated = given().auth().oauth2(TestTokens.admin()).get("/api/v1/cohorts?limit=1")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(generated).isNotBlank();
        Response problem = given().header("X-Request-Id", "trace-me-123").get("/api/v1/cohorts");
        assertThat(problem.header("X-Request-Id")).isEqualTo("trace-me-123");
        assertThat((String) problem.path("requestId")).isEqualTo("trace-me-123");
        Response insane = given().header("X-Request-Id", "bad id with spaces <script>").get("/api/v1/cohorts");
        assertThat(insane.header("X-Request-Id")).doesNotContain(" ").isNotBlank();
    }

}
