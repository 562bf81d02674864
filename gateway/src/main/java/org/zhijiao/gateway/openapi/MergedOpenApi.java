package org.zhijiao.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.zhijiao.gateway.GatewayConfig;

/**
 * One OpenAPI document for the whole platform: the gateway's own operations plus every service's
 * {@code /api/} operations, read from each service's {@code /q/openapi} on its management interface
 * ({@code zhijiao.gateway.services.<name>.management-url}; falling back to the last copy
 * read, then to the build-time copy), with both ways to authenticate (a bearer token, or OAuth2 client
 * credentials at this gateway). Rebuilt at most once a minute.
 */
@ApplicationScoped
public class MergedOpenApi {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final List<String> COMPONENT_KINDS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    @Inject
    GatewayConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    OpenApiDocumentService ownDocument;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, JsonNode> lastGood = new ConcurrentHashMap<>();
    private volatile ObjectNode merged;
    private volatile long mergedAt;

    public synchronized ObjectNode document() {
        if (merged == null || System.nanoTime() - mergedAt > MAX_AGE.toNanos()) {
            merged = merge();
            mergedAt = System.nanoTime();
        }
        return merged;
    }

    private ObjectNode merge() {
        ObjectNode result;
        try {
            result = (ObjectNode) mapper.readTree(ownDocument.getDocument("<default>", Format.JSON));
        } catch (IOException e) {
            throw new IllegalStateException("The gateway's own OpenAPI document cannot be read", e);
        }
        result.set("servers", mapper.createArrayNode().add(mapper.createObjectNode()
                .put("url", "/").put("description", "This gateway")));
        Set<String> operationIds = new HashSet<>();
        forEachOperation(result, (path, method, operation) -> operationIds.add(operation.path("operationId").asText()));
        // sorted, so that which of two clashing operation ids gets the service prefix never varies
        new TreeMap<>(config.services()).forEach((name, upstream) ->
                spec(name, upstream).ifPresent(spec -> add(result, name, spec, operationIds)));
        GatewayResponses.addComponents(result.withObjectProperty("components"));
        addSecuritySchemes(result);
        pruneUnusedComponents(result);
        sortByName(result);
        return result;
    }

    /**
     * Paths and components in name order, whatever order the services listed them in: the document is
     * committed (docs/openapi/zhijiao.json) and compared with what is served, so it must come out the same.
     */
    private static void sortByName(ObjectNode result) {
        sort(result.withObjectProperty("paths"));
        result.withObjectProperty("components").elements().forEachRemaining(kind -> {
            if (kind instanceof ObjectNode byName) {
                sort(byName);
            }
        });
    }

    private static void sort(ObjectNode node) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        node.properties().forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        node.removeAll();
        node.setAll(sorted);
    }

    private Optional<JsonNode> spec(String name, GatewayConfig.Upstream upstream) {
        return upstream.managementUrl()
                .flatMap(management -> read(name, management.resolve("/q/openapi?format=json")))
                .or(() -> Optional.ofNullable(lastGood.get(name)))
                .or(() -> buildTimeCopy(upstream));
    }

    /** The service's current spec from its management interface, remembered as the last good copy. */
    private Optional<JsonNode> read(String name, URI uri) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode spec = mapper.readTree(response.body());
                lastGood.put(name, spec);
                return Optional.of(spec);
            }
            LOG.warnf("%s answered %d for its OpenAPI document", uri, response.statusCode());
        } catch (IOException e) {
            LOG.warnf("Cannot read the OpenAPI document of %s from %s (%s)", name, uri, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    private Optional<JsonNode> buildTimeCopy(GatewayConfig.Upstream upstream) {
        return upstream.openapiFallback().map(Path::of).filter(Files::isRegularFile).flatMap(file -> {
            try {
                return Optional.of(mapper.readTree(file.toFile()));
            } catch (IOException e) {
                LOG.warnf("Cannot read %s: %s", file, e.toString());
                return Optional.empty();
            }
        });
    }

    /** Adds one service's operations, tags and components, renaming components and operation ids that clash. */
    private void add(ObjectNode result, String service, JsonNode original, Set<String> operationIds) {
        JsonNode spec = original.deepCopy();
        ObjectNode components = result.withObjectProperty("components");
        Map<String, String> renamed = new HashMap<>();
        for (String kind : COMPONENT_KINDS) {
            JsonNode theirs = spec.path("components").path(kind);
            ObjectNode ours = components.withObjectProperty(kind);
            theirs.fieldNames().forEachRemaining(name -> {
                if (ours.has(name) && !ours.get(name).equals(theirs.get(name))) {
                    renamed.put("#/components/" + kind + "/" + name, "#/components/" + kind + "/" + prefix(service) + name);
                }
            });
        }
        rewriteRefs(spec, renamed);
        for (String kind : COMPONENT_KINDS) {
            ObjectNode ours = components.withObjectProperty(kind);
            spec.path("components").path(kind).fields().forEachRemaining(entry -> {
                String ref = "#/components/" + kind + "/" + entry.getKey();
                String name = renamed.containsKey(ref) ? prefix(service) + entry.getKey() : entry.getKey();
                ours.set(name, entry.getValue());
            });
            if (ours.isEmpty()) {
                components.remove(kind);
            }
        }
        ArrayNode tags = result.withArrayProperty("tags");
        Set<String> tagNames = new HashSet<>();
        tags.forEach(tag -> tagNames.add(tag.path("name").asText()));
        spec.path("tags").forEach(tag -> {
            if (tagNames.add(tag.path("name").asText())) {
                tags.add(tag);
            }
        });
        ObjectNode paths = result.withObjectProperty("paths");
        spec.path("paths").fields().forEachRemaining(entry -> {
            if (!entry.getKey().startsWith("/api/")) {
                return;
            }
            if (paths.has(entry.getKey())) {
                LOG.warnf("%s of %s is already served by another service; keeping the first", entry.getKey(), service);
                return;
            }
            paths.set(entry.getKey(), entry.getValue());
            entry.getValue().properties().forEach(op -> {
                if (METHODS.contains(op.getKey()) && op.getValue() instanceof ObjectNode operation) {
                    GatewayResponses.document(operation);
                }
            });
        });
        forEachOperation(spec, (path, method, operation) -> {
            if (path.startsWith("/api/") && !operationIds.add(operation.path("operationId").asText())) {
                operation.put("operationId", service + "_" + operation.path("operationId").asText());
            }
        });
    }

    private static void addSecuritySchemes(ObjectNode result) {
        ObjectNode schemes = result.withObjectProperty("components").withObjectProperty("securitySchemes");
        schemes.set("bearer", schemes.objectNode().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "A token from POST /oauth2/token"));
        ObjectNode clientCredentials = schemes.objectNode().put("tokenUrl", "/oauth2/token");
        clientCredentials.set("scopes", schemes.objectNode());
        ObjectNode oauth2 = schemes.objectNode().put("type", "oauth2")
                .put("description", "OAuth2 client credentials of a client registered at the gateway");
        oauth2.set("flows", schemes.objectNode().set("clientCredentials", clientCredentials));
        schemes.set("oauth2", oauth2);
        forEachOperation(result, (path, method, operation) -> {
            JsonNode security = operation.path("security");
            boolean bearer = false;
            for (JsonNode requirement : security) {
                bearer |= requirement.has("bearer");
            }
            if (bearer) {
                ObjectNode alternative = operation.objectNode();
                alternative.set("oauth2", operation.arrayNode());
                ((ArrayNode) security).add(alternative);
            }
        });
    }

    /**
     * Drops components no operation refers to, directly or through other components: the services'
     * specs may carry schemas only their non-API paths (left out here) use.
     */
    private static void pruneUnusedComponents(ObjectNode result) {
        Set<String> used = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.add(result.path("paths"));
        JsonNode components = result.path("components");
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            String ref = node.path("$ref").asText("");
            if (ref.startsWith("#/components/") && used.add(ref)) {
                String[] parts = ref.substring("#/components/".length()).split("/", 2);
                JsonNode target = components.path(parts[0]).path(parts[1]);
                if (!target.isMissingNode()) {
                    pending.add(target);
                }
            }
            node.elements().forEachRemaining(pending::add);
        }
        for (String kind : COMPONENT_KINDS) {
            JsonNode byName = components.path(kind);
            if (byName instanceof ObjectNode named) {
                named.properties().removeIf(entry -> !used.contains("#/components/" + kind + "/" + entry.getKey()));
            }
        }
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && renamed.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renamed.get(ref.asText())));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renamed));
        } else if (node instanceof ArrayNode array) {
            array.forEach(child -> rewriteRefs(child, renamed));
        }
    }

    private static String prefix(String service) {
        return service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1);
    }

    interface OperationVisitor {
        void visit(String path, String method, ObjectNode operation);
    }

    static void forEachOperation(JsonNode spec, OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                if (METHODS.contains(op.getKey()) && op.getValue() instanceof ObjectNode operation) {
                    visitor.visit(path.getKey(), op.getKey(), operation);
                }
            });
        }
    }
}
