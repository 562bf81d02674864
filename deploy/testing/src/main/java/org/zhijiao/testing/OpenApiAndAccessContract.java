package org.zhijiao.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.response.Response;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What every service's {@code @QuarkusTest OpenApiAndAccessTest} checks the same way: the published spec is
 * complete, every operation it lists has an access rule that holds, the operations endpoints answer on the
 * management port only, and request ids are propagated. A service says which list to call and how to make
 * it publish an event.
 */
public abstract class OpenApiAndAccessContract {

    @TestHTTPResource("/")
    URI base;

    /** The management interface: health, metrics, the spec and Swagger UI, never on the API port. */
    @TestHTTPResource(value = "/", management = true)
    URI management;

    private final String listPath;
    private final boolean requiresBodyExamples;
    private final Runnable writeSomethingPublished;

    /**
     * @param listPath a list operation of the service, e.g. {@code /api/v1/cohorts}
     * @param requiresBodyExamples whether every operation with a request body must also show an example of it
     * @param writeSomethingPublished a change through the API that the outbox publishes, so that its metrics exist
     */
    protected OpenApiAndAccessContract(String listPath, boolean requiresBodyExamples, Runnable writeSomethingPublished) {
        this.listPath = listPath;
        this.requiresBodyExamples = requiresBodyExamples;
        this.writeSomethingPublished = writeSomethingPublished;
    }

    @Test
    void everyOperationIsDocumentedForTheFrontendTeam() throws Exception {
        List<OpenApiAudit.Operation> operations = OpenApiAudit.operations(management);
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        assertThat(OpenApiAudit.documentationGaps(operations, requiresBodyExamples)).isEmpty();
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
        writeSomethingPublished.run();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().get(management.resolve("/q/metrics")).then().statusCode(200).extract().asString())
                        .contains("zhijiao_outbox_published_total").contains("zhijiao_outbox_pending")
                        .contains("http_server_requests_seconds"));

        String generated = given().auth().oauth2(TestTokens.admin()).get(listPath + "?limit=1")
                .then().statusCode(200).extract().header("X-Request-Id");
        assertThat(generated).isNotBlank();
        Response problem = given().header("X-Request-Id", "trace-me-123").get(listPath);
        assertThat(problem.header("X-Request-Id")).isEqualTo("trace-me-123");
        assertThat((String) problem.path("requestId")).isEqualTo("trace-me-123");
        Response insane = given().header("X-Request-Id", "bad id with spaces <script>").get(listPath);
        assertThat(insane.header("X-Request-Id")).doesNotContain(" ").isNotBlank();
    }

    @Test
    void managementEndpointsAreNotOnTheApiPort() {
        for (String path : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/q/swagger-ui/")) {
            given().get(path).then().statusCode(404);
        }
    }
}
