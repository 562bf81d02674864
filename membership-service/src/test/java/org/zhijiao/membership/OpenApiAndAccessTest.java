package org.zhijiao.membership;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.zhijiao.stack.testing.OpenApiAudit;
import org.zhijiao.stack.testing.TestTokens;

/** The published spec is complete, and every operation it lists has an access rule that holds. */
@QuarkusTest
class OpenApiAndAccessTest {

    @TestHTTPResource("/")
    URI base;

    /** The management interface: health, metrics, the spec and Swagger UI, never on the API port. */
    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Test
    void everyOperationIsDocumentedForTheFrontendTeam() throws Exception {
        List<OpenApiAudit.Operation> operations = OpenApiAudit.operations(management);
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        assertThat(OpenApiAudit.documentationGaps(operations, false)).isEmpty();
        given().get(management.resolve("/q/swagger-ui/")).then().statusCode(200);
    }

    @Test
    void everyOperationRefusesAnonymousCallersAndCallersWithoutARole() throws Exception {
        assertThat(OpenApiAudit.accessGaps(base, OpenApiAudit.operations(management))).isEmpty();
    }

    @Test
    void operationsEndpointsAndRequestIds() {
        given().get(management.resolve("/q/health/ready")).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("Database")));
        given().get(management.resolve("/q/health/live")).then().statusCode(200);
        Fixtures.register(Fixtures.enterprise("指标企业（虚构）"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().get(management.resolve("/q/metrics")).then().statusCode(200).extract().asString())
                        .contains("zhijiao_outbox_published_total").contains("zhijiao_outbox_pending")
                        .contains("http_server_requests_seconds"));

        String generated = given().auth().oauth2(TestTokens.admin()).get("/api/v1/organizations?limit=1")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(generated).isNotBlank();
        Response problem = given().header("X-Request-Id", "trace-me-123").get("/api/v1/organizations");
        assertThat(problem.header("X-Request-Id")).isEqualTo("trace-me-123");
        assertThat((String) problem.path("requestId")).isEqualTo("trace-me-123");
        Response insane = given().header("X-Request-Id", "bad id with spaces <script>").get("/api/v1/organizations");
        assertThat(insane.header("X-Request-Id")).doesNotContain(" ").isNotBlank();
    }

    @Test
    void managementEndpointsAreNotOnTheApiPort() {
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(404);
        }
    }
}
