package org.zhijiao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

/**
 * The published spec is versioned: {@code docs/openapi/zhijiao.json} is what the gateway serves, byte for byte,
 * and a change that breaks clients needs a new major {@code info.version}. Regenerate the file with
 * {@code ./mvnw -B -pl gateway -am verify -Dtest=PublishedSpecTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dzhijiao.openapi.write=true}; it refuses to write a breaking change without the major bump
 * ({@code quarkus.smallrye-openapi.info-version} in gateway/src/main/resources/application.properties).
 */
@QuarkusTest
class PublishedSpecTest {

    static final Path COMMITTED = Path.of("..", "docs", "openapi", "zhijiao.json");
    private static final String REGENERATE = "./mvnw -B -pl gateway -am verify -Dtest=PublishedSpecTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dzhijiao.openapi.write=true";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The document as served, in the committed file's layout: members in name order at every level (JSON gives
     * their order no meaning, and so no map's iteration order anywhere can make the file differ), two-space
     * indents, a final line break.
     */
    static String served() throws IOException {
        // every service is in it: membership read live, the other two from their build-time copies
        for (String service : List.of("apprenticeship", "reporting")) {
            assertThat(Path.of("..", service + "-service", "target", "openapi", "openapi.json"))
                    .as("build " + service + "-service first (the reactor does)").isRegularFile();
        }
        JsonNode document = JSON.readTree(given().get("/openapi.json").then().statusCode(200).extract().asString());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(sorted(document)) + "\n";
    }

    @Test
    void theCommittedSpecIsWhatTheGatewayServesAndBreaksNoClientUnacknowledged() throws IOException {
        String served = served();
        String committed = Files.isRegularFile(COMMITTED) ? Files.readString(COMMITTED) : null;
        if (committed != null && !committed.equals(served)) {
            ChangedOpenApi diff = OpenApiCompare.fromContents(committed, served);
            int committedMajor = major(committed);
            int servedMajor = major(served);
            assertThat(diff.isIncompatible() && servedMajor <= committedMajor)
                    .as("Breaking changes against " + COMMITTED + " (version " + JSON.readTree(committed).at("/info/version")
                            .asText() + "):\n" + render(diff) + "\nIf they are intended, bump the major of "
                            + "quarkus.smallrye-openapi.info-version in gateway/src/main/resources/application.properties "
                            + "and regenerate: " + REGENERATE)
                    .isFalse();
        }
        if (Boolean.getBoolean("zhijiao.openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
            return;
        }
        assertThat(committed).as(COMMITTED + " is missing; generate it: " + REGENERATE).isNotNull();
        assertThat(served).as("The gateway serves another spec than " + COMMITTED + "; the change is compatible "
                + "(or acknowledged by a major version bump): regenerate it with " + REGENERATE).isEqualTo(committed);
    }

    @Test
    void aRemovedOperationIsABreakingChange() throws IOException {
        // the check itself: removing an operation, as a refactoring might, is found
        JsonNode before = JSON.readTree(served());
        JsonNode after = before.deepCopy();
        ((ObjectNode) after.path("paths")).remove("/api/v1/organizations");
        assertThat(OpenApiCompare.fromContents(before.toString(), after.toString()).isIncompatible()).isTrue();
        assertThat(OpenApiCompare.fromContents(before.toString(), before.toString()).isUnchanged()).isTrue();
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> members = new TreeMap<>();
            node.properties().forEach(entry -> members.put(entry.getKey(), entry.getValue()));
            ObjectNode sorted = JSON.createObjectNode();
            members.forEach((name, value) -> sorted.set(name, sorted(value)));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = JSON.createArrayNode();
            node.forEach(element -> sorted.add(sorted(element)));
            return sorted;
        }
        return node;
    }

    private static int major(String document) throws IOException {
        String version = JSON.readTree(document).at("/info/version").asText("0");
        return Integer.parseInt(version.split("\\.")[0]);
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            return "(the changes could not be listed: " + e + ")";
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
