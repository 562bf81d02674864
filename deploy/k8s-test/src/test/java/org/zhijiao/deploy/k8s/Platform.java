package org.zhijiao.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One rendered overlay: every object as JSON, with typed access by kind. */
final class Platform {

    final String overlay;
    final List<JsonNode> objects;

    private Platform(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static Platform render(Repository repository, String overlay) {
        String yaml = Kustomize.render(repository.k8s().resolve("overlays").resolve(overlay));
        try (MappingIterator<JsonNode> docs = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
            return new Platform(overlay, docs.readAll().stream().filter(d -> !d.isNull() && !d.isEmpty()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("rendered overlay " + overlay + " is not YAML", e);
        }
    }

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    <T> List<T> all(String kind, Class<T> type) {
        return ofKind(kind).stream().map(o -> Schemas.bind(o, type)).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> o.path("metadata").path("name").asText().equals(name)).findFirst();
    }

    <T> T get(String kind, String name, Class<T> type) {
        return Schemas.bind(find(kind, name).orElseThrow(
                () -> new AssertionError(overlay + ": no " + kind + " named " + name)), type);
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    /** Kubernetes label selector semantics; a null selector matches nothing, an empty one everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> match = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        if (!match.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        return expressions.stream().allMatch(r -> switch (r.getOperator()) {
            case "In" -> r.getValues().contains(labels.get(r.getKey()));
            case "NotIn" -> !r.getValues().contains(labels.get(r.getKey()));
            case "Exists" -> labels.containsKey(r.getKey());
            case "DoesNotExist" -> !labels.containsKey(r.getKey());
            default -> throw new AssertionError("unknown selector operator " + r.getOperator());
        });
    }

    @Override
    public String toString() {
        return overlay;
    }
}
