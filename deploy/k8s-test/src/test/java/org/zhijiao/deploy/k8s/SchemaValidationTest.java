package org.zhijiao.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object of every overlay is valid against the schema of its kind. */
class SchemaValidationTest {

    @Test
    void devAndProdOverlaysExist() {
        assertThat(Overlays.names()).contains("dev", "prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void everyObjectIsValidAgainstItsSchema(Platform platform) {
        assertThat(platform.objects).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (JsonNode object : platform.objects) {
            for (String violation : Schemas.violations(object)) {
                problems.add(Schemas.kindKey(object) + " " + Platform.name(object) + ": " + violation);
            }
        }
        assertThat(problems).as("schema violations in overlay %s", platform).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.zhijiao.deploy.k8s.Overlays#platforms")
    void everyObjectHasANameAndNoneIsDeclaredTwice(Platform platform) {
        List<String> identities = platform.objects.stream()
                .map(o -> Schemas.kindKey(o) + " " + o.path("metadata").path("namespace").asText() + "/" + Platform.name(o))
                .toList();
        assertThat(platform.objects).allSatisfy(o -> assertThat(Platform.name(o)).isNotBlank());
        assertThat(identities).doesNotHaveDuplicates();
    }

    // The validator itself must reject what a strict API server would reject, for each source of schema.

    @Test
    void rejectsAnUnknownFieldInAKubernetesObject() {
        assertThat(Schemas.violations(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  template:
                    metadata: {labels: {a: b}}
                    spec:
                      containers:
                        - name: app
                          image: i
                          readinesProbe: {httpGet: {path: /q/health/ready, port: http}}
                """))).containsExactly("unknown field .spec.template.spec.containers[0].readinesProbe");
    }

    @Test
    void rejectsAStringWhereANumberBelongs() {
        assertThat(Schemas.violations(yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: x}
                spec:
                  ports: [{name: http, port: "8080"}]
                """))).hasSize(1);
    }

    @Test
    void rejectsAnUnknownFieldInAStrimziObject() {
        assertThat(Schemas.violations(yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: x}
                spec: {topicName: t, partitons: 6, replicas: 3}
                """))).containsExactly("unknown field .spec.partitons");
    }

    @Test
    void rejectsAnUnknownFieldInACloudNativePgCluster() {
        ObjectNode cluster = (ObjectNode) yaml("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: pg-x}
                spec:
                  instances: 1
                  bootstrap: {initdb: {database: x, ownr: x}}
                """);
        assertThat(Schemas.violations(cluster)).singleElement().asString().contains("ownr");
        ((ObjectNode) cluster.path("spec").path("bootstrap").path("initdb")).remove("ownr");
        assertThat(Schemas.violations(cluster)).isEmpty();
    }

    @Test
    void rejectsAKindWithoutASchema() {
        assertThat(Schemas.violations(yaml("""
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: x}
                """))).singleElement().asString().startsWith("no schema known for batch/v1/CronJob");
    }

    private static JsonNode yaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
