package org.zhijiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.EventContracts;
import org.zhijiao.testing.OpenApiAudit;
import org.zhijiao.testing.TestTokens;

/** The written definitions, the OpenAPI description, access rules, period validation and freshness. */
@QuarkusTest
class ApiContractTest {

    /** /q/* is served on the management port (docs/conventions.md). */
    @TestHTTPResource(value = "/", management = true)
    URI management;

    @Test
    void docsMetricsMdRepeatsEveryDefinitionOfTheApi() throws Exception {
        String doc = Files.readString(EventContracts.directory().getParent().resolve("metrics.md"));
        List<Map<String, Object>> definitions = Api.asAdmin().get("/api/v1/reporting/metrics").then().statusCode(200)
                .extract().jsonPath().getList("");
        assertThat(definitions).hasSizeGreaterThan(20);
        for (Map<String, Object> d : definitions) {
            assertThat(doc).as("docs/metrics.md on " + d.get("key")).contains("`" + d.get("key") + "`",
                    (String) d.get("definition"));
        }
    }

    @Test
    void everyOperationIsDescribedAndGuarded() throws Exception {
        JsonPath spec = given().accept("application/json").get(management.resolve("/q/openapi?format=json")).then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = spec.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/summary", "/api/v1/reports/{year}", "/api/v1/datasets/admissions",
                "/api/v1/projections/rebuilds", "/api/v1/reporting/freshness", "/api/v1/reporting/metrics");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            assertThat(operation).as(method + " " + path).containsKeys("operationId", "summary", "tags", "responses");
            assertThat(path).startsWith("/api/v1/");
        }));
        for (OpenApiAudit.Operation op : OpenApiAudit.operations(management)) {
            assertThat(OpenApiAudit.declaredByCode(op.spec())).as(op.method() + " " + op.path()).isTrue();
        }
        for (String path : List.of("/api/v1/summary", "/api/v1/reports/2022",
                "/api/v1/datasets", "/api/v1/reporting/freshness", "/api/v1/reporting/metrics")) {
            given().get(path).then().statusCode(401);
        }
        // the published annual report page is the one public read
        given().get("/api/v1/reports/2022.html?lang=en").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html"));
        given().auth().oauth2(TestTokens.enterprise(TestTokens.GROUP_ORG)).get("/api/v1/summary?year=2022")
                .then().statusCode(200);
    }

    @Test
    void periodsAreValidatedNamingTheParameter() {
        Api.asAdmin().get("/api/v1/summary?asOf=2022-13-01").then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        Api.asAdmin().get("/api/v1/summary?from=2022-02-01&to=2022-01-01").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        Api.asAdmin().get("/api/v1/summary?academicYear=2022-2024").then().statusCode(400)
                .body("errors[0].field", equalTo("academicYear"));
        Api.asAdmin().get("/api/v1/summary?year=2022&asOf=2022-01-01").then().statusCode(400);
        Api.asAdmin().get("/api/v1/summary?figure=nonsense").then().statusCode(400)
                .body("errors[0].field", equalTo("figure"));
        JsonPath academic = Api.summary("academicYear=2022-2023&figure=members");
        assertThat(academic.getString("from")).isEqualTo("2022-09-01");
        assertThat(academic.getString("to")).isEqualTo("2023-08-31");
    }

    @Test
    void freshnessIsInTheApiAndTheMetrics() {
        JsonPath freshness = Api.asAdmin().get("/api/v1/reporting/freshness").then().statusCode(200).extract().jsonPath();
        assertThat(freshness.getList("topics.topic")).contains("zhijiao.membership.memberships",
                "zhijiao.apprenticeship.enrollments");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().get(management.resolve("/q/metrics")).then().statusCode(200).extract().asString())
                        .contains("zhijiao_reporting_lag_records{topic=\"zhijiao.membership.memberships\"}",
                                "zhijiao_reporting_lag_seconds{topic=\"zhijiao.apprenticeship.enrollments\"}"));
    }
}
