package org.zhijiao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The merged spec lists every service operation, documents how to authenticate, and lints clean. */
@QuarkusTest
class OpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final Path SPECTRAL = Path.of("spectral").toAbsolutePath();

    @ConfigProperty(name = "test.membership.management-url")
    String membershipManagementUrl;

    @TestHTTPResource(value = "/", management = true)
    URI management;

    private static JsonNode read(String url) throws IOException {
        return new ObjectMapper().readTree(given().accept("application/json").get(url).then().statusCode(200).extract().asString());
    }

    /** "get /api/v1/organizations" → its operationId */
    private static Map<String, String> operations(JsonNode spec) {
        Map<String, String> operations = new HashMap<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.put(op.getKey() + " " + path.getKey(), op.getValue().path("operationId").asText());
            }
        }));
        return operations;
    }

    @Test
    void theMergedSpecListsEveryOperationOfEveryServiceRunningBehindTheGateway() throws IOException {
        JsonNode merged = read("/openapi.json");
        Map<String, String> mergedOperations = operations(merged);
        Map<String, String> membership = operations(read(membershipManagementUrl + "/q/openapi?format=json"));
        assertThat(membership).hasSizeGreaterThanOrEqualTo(20);
        membership.forEach((operation, id) -> {
            if (operation.contains(" /api/")) {
                // an id another service uses too is prefixed with the service's name
                assertThat(mergedOperations.get(operation)).as(operation).isIn(id, "membership_" + id);
            }
        });
        // services not running in this test are merged from their build-time copies, when built
        for (String service : List.of("apprenticeship", "reporting")) {
            Path copy = Path.of("..", service + "-service", "target", "openapi", "openapi.json");
            if (Files.isRegularFile(copy)) {
                operations(new ObjectMapper().readTree(copy.toFile())).forEach((operation, id) -> {
                    if (operation.contains(" /api/")) {
                        assertThat(mergedOperations.get(operation)).as(service + " " + operation).isIn(id, service + "_" + id);
                    }
                });
            }
        }
        assertThat(mergedOperations.values()).contains("issueToken", "getJwks", "registerClient", "rotateClientSecret",
                "revokeClient", "listClients", "getClient", "changeClientRateLimit");
        assertThat(mergedOperations.keySet()).noneMatch(operation -> operation.contains(" /q/"));

        JsonNode oauth2 = merged.path("components").path("securitySchemes").path("oauth2");
        assertThat(oauth2.path("flows").path("clientCredentials").path("tokenUrl").asText()).isEqualTo("/oauth2/token");
        assertThat(merged.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
        merged.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey()) && path.getKey().startsWith("/api/")) {
                assertThat(op.getValue().path("security").toString()).as(op.getKey() + " " + path.getKey())
                        .contains("\"bearer\"").contains("\"oauth2\"");
            }
        }));
        given().get(management.resolve("/q/swagger-ui/")).then().statusCode(200);
    }

    @Test
    void operationsEndpointsAreOnTheManagementPortOnlyWhileTheMergedSpecStaysPublic() {
        // the ingress routes the public port: nothing of /q/* may answer there
        for (String path : List.of("/q/metrics", "/q/swagger-ui/", "/q/openapi", "/q/health/ready")) {
            given().get(path).then().statusCode(404);
        }
        given().get(management.resolve("/q/metrics")).then().statusCode(200);
        given().get(management.resolve("/q/health/ready")).then().statusCode(200);
        given().get(management.resolve("/q/openapi")).then().statusCode(200);
        // Swagger UI on the management port opens the merged document from its own origin
        given().get(management.resolve("/q/swagger-ui/")).then().statusCode(200);
        given().get(management.resolve("/openapi.json")).then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/oauth2/token"));
        // the frontend team reads the merged document through the ingress
        given().get("/openapi.json").then().statusCode(200).body("paths", org.hamcrest.Matchers.hasKey("/api/v1/organizations"));
    }

    @Test
    void theMergedSpecLintsCleanWithSpectral() throws Exception {
        Path spec = Path.of("target", "merged-openapi.json").toAbsolutePath();
        Files.writeString(spec, given().get("/openapi.json").then().statusCode(200).extract().asString());
        if (!Files.isDirectory(SPECTRAL.resolve("node_modules/@stoplight/spectral-cli"))) {
            run(List.of("npm", "install", "--no-audit", "--no-fund"), 300);
        }
        String output = run(List.of("npx", "--no-install", "spectral", "lint", spec.toString(),
                "--ruleset", SPECTRAL.resolve(".spectral.yaml").toString(), "--fail-severity", "warn"), 120);
        assertThat(output).contains("No results with a severity of 'warn' or higher found");
    }

    /** Runs a command in gateway/spectral; fails the test (never skips it) when npm is missing or it fails. */
    private static String run(List<String> command, int timeoutSeconds) throws Exception {
        Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "spectral", ".log");
        Process process = new ProcessBuilder(new ArrayList<>(command)).directory(SPECTRAL.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished && process.exitValue() == 0).as(String.join(" ", command) + " failed:\n" + output).isTrue();
        return output;
    }
}
