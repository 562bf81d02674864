package org.zhijiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.zhijiao.demo.PlatformClient;

/**
 * Hostile input through the gateway, driven by the merged OpenAPI spec: every query and path
 * parameter and every request-body field of every {@code /api/} operation, in turn, gets each
 * value of a fixed list (NUL and other control characters, huge strings, extreme and malformed
 * dates and numbers, wrong JSON types, an unknown field) while everything else is valid and the
 * ids are the reference group's real ones. Asserted: no 5xx; every 4xx is a problem naming the
 * offending parameter or field (a 404 for a bad path id); no write accepts a hostile value; and
 * nothing was written (every collection and every resource used keeps its items and versions).
 * Runs after the other end-to-end classes, on the data they loaded.
 */
@Order(Integer.MAX_VALUE)
class BadInputE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HUGE = "x".repeat(100_000);
    /** Long, but short enough for one request line (the gateway answers longer ones with 414). */
    private static final String LONG_PARAMETER = "y".repeat(2_000);
    private static final List<String> HOSTILE_TEXT = List.of("a\u0000b", "\u0000", "\u0007bell", "esc\u001b[31m",
            "del\u007f", LONG_PARAMETER);
    private static final List<String> HOSTILE_DATES = List.of("-999999999-01-01", "+999999999-12-31", "+10000-01-01",
            "0000-12-31", "2022-02-30", "2022-13-01", "22-1-1", "yesterday");
    private static final List<String> HOSTILE_NUMBERS = List.of("abc", "1.5", "-99999999999999999999",
            "99999999999999999999", "1e400", "NaN", "0x10");
    private static final List<String> HOSTILE_IDS = List.of("not-a-uuid", "\u0000", "00000000-0000-0000-0000-00000000000g",
            "%", "x".repeat(300));

    private static Platform platform;
    private static HttpClient http;
    private static JsonNode spec;
    private static final Map<String, Optional<String>> realValues = new TreeMap<>();
    private static int requests;
    /** What the operation under attack answers with: JSON, or e.g. the annual report's HTML page. */
    private static String accept;

    @BeforeAll
    static void platformWithTheReferenceGroup() throws Exception {
        platform = Platform.get();
        platform.referenceGroup();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        spec = JSON.readTree(send("GET", "/openapi.json", null, Map.of()).body());
        // wait until the loaded group's events have settled, so that "nothing was written" means something
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, String> first = fingerprint();
            Thread.sleep(1_000);
            return first.equals(fingerprint());
        });
    }

    @AfterAll
    static void howMany() {
        System.out.println("[bad-input] " + requests + " requests sent");
    }

    @TestFactory
    Stream<DynamicTest> everyParameterAndBodyFieldOfEveryOperation() {
        List<DynamicTest> tests = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> {
            if (!path.getKey().startsWith("/api/")) {
                return;
            }
            path.getValue().fields().forEachRemaining(operation -> {
                String method = operation.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    tests.add(DynamicTest.dynamicTest(method + " " + path.getKey(),
                            () -> attack(method, path.getKey(), path.getValue(), operation.getValue())));
                }
            });
        });
        assertThat(tests).as("operations in the merged spec").hasSizeGreaterThan(40);
        return tests.stream();
    }

    private void attack(String method, String template, JsonNode pathItem, JsonNode operation) throws Exception {
        List<JsonNode> parameters = new ArrayList<>();
        pathItem.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asText().equals("path")) {
                String name = parameter.path("name").asText();
                Optional<String> real = realValue(template, name, schemaOf(parameter), pathValues);
                if (real.isEmpty()) {
                    System.out.println("[bad-input] no real value for {" + name + "} of " + template + "; skipped");
                    return;
                }
                pathValues.put(name, real.get());
            }
        }
        Map<String, String> validQuery = new LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            if (parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean()) {
                validQuery.put(parameter.path("name").asText(), validValue(parameter.path("name").asText(),
                        schemaOf(parameter)));
            }
        }
        ObjectNode body = baseBody(operation);
        accept = "application/json";
        operation.path("responses").path("200").path("content").fieldNames().forEachRemaining(type -> {
            if (!type.contains("json") && accept.equals("application/json")) {
                accept = type;
            }
        });
        String realPath = fill(template, pathValues);
        Map<String, String> before = fingerprint(realPath);
        List<String> failures = new ArrayList<>();

        for (JsonNode parameter : parameters) {
            String in = parameter.path("in").asText();
            String name = parameter.path("name").asText();
            JsonNode schema = schemaOf(parameter);
            if (in.equals("query")) {
                for (String value : hostileParameterValues(schema)) {
                    Map<String, String> query = new LinkedHashMap<>(validQuery);
                    query.put(name, value);
                    check(failures, method, fill(template, pathValues) + queryString(query), body, name, true);
                }
            } else if (in.equals("path")) {
                for (String value : hostilePathValues(schema)) {
                    Map<String, String> hostile = new LinkedHashMap<>(pathValues);
                    hostile.put(name, value);
                    check(failures, method, fill(template, hostile) + queryString(validQuery), body, name, false);
                }
            }
        }
        if (body != null) {
            String target = fill(template, pathValues) + queryString(validQuery);
            for (Map.Entry<String, JsonNode> field : fieldsOf(operation, body).entrySet()) {
                for (JsonNode value : hostileBodyValues(field.getValue())) {
                    ObjectNode hostile = body.deepCopy();
                    hostile.set(field.getKey(), value);
                    check(failures, method, target, hostile, field.getKey(), true);
                }
                JsonNode current = body.path(field.getKey());
                if (current.isObject() && !current.isEmpty()) {
                    Iterator<String> nested = current.fieldNames();
                    String inner = nested.next();
                    for (String value : List.of("\u0000", HUGE)) {
                        ObjectNode hostile = body.deepCopy();
                        ((ObjectNode) hostile.get(field.getKey())).put(inner, value);
                        check(failures, method, target, hostile, field.getKey() + "." + inner, true);
                    }
                }
            }
            ObjectNode unknown = body.deepCopy();
            unknown.put("hostileUnknownField", 1);
            check(failures, method, target, unknown, "hostileUnknownField", true);
        }
        assertThat(failures).as(method + " " + template).isEmpty();
        assertThat(fingerprint(realPath)).as("nothing was written by " + method + " " + template).isEqualTo(before);
    }

    /** One hostile request; records what is wrong with its answer. */
    private void check(List<String> failures, String method, String target, JsonNode body, String field,
            boolean mustName) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>(ifMatchFor(method, target));
        headers.put("Accept", accept);
        HttpResponse<String> response = send(method, target, body, headers);
        int status = response.statusCode();
        String value = body != null && body.has(field) ? body.get(field).toString() : "";
        String what = method + " " + abbreviate(target) + (value.isEmpty() ? "" : " with " + field + "=" + abbreviate(value))
                + " → " + status;
        if (status >= 500) {
            failures.add(what + " (5xx) " + abbreviate(response.body()));
            return;
        }
        if (status < 400) {
            if (!method.equals("GET")) {
                failures.add(what + " (a hostile " + field + " was accepted)");
            }
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            failures.add(what + " (not a problem: " + type + ")");
            return;
        }
        if (!mustName && status == 404) {
            return; // a bad id in the path names no resource
        }
        JsonNode problem = JSON.readTree(response.body());
        boolean named = false;
        String wanted = dotted(field);
        for (JsonNode error : problem.path("errors")) {
            String name = dotted(error.path("field").asText());
            named |= name.equals(wanted) || name.startsWith(wanted + ".");
        }
        if (!named) {
            failures.add(what + " (does not name " + field + ": " + abbreviate(response.body()) + ")");
        }
    }

    /** {@code sections[SCHEDULE]} and {@code sections.SCHEDULE} name the same field. */
    private static String dotted(String field) {
        return field.replaceAll("\\[([^\\]]*)]", ".$1");
    }

    private static Map<String, String> ifMatchFor(String method, String target) throws Exception {
        if (method.equals("GET") || method.equals("POST") && target.split("\\?")[0].split("/").length < 6) {
            return Map.of();
        }
        // the real current tag, so that a hostile value that got past validation would really be written
        String resource = target.split("\\?")[0];
        resource = method.equals("POST") ? resource.substring(0, resource.lastIndexOf('/')) : resource;
        while (resource.split("/").length >= 5) {
            HttpResponse<String> current = send("GET", resource, null, Map.of());
            Optional<String> etag = current.headers().firstValue("ETag");
            if (current.statusCode() == 200 && etag.isPresent()) {
                return Map.of("If-Match", etag.get());
            }
            resource = resource.substring(0, resource.lastIndexOf('/'));
        }
        return Map.of();
    }

    // --- hostile values -------------------------------------------------------------------------

    private static List<String> hostileParameterValues(JsonNode schema) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        List<String> values = new ArrayList<>(HOSTILE_TEXT);
        if (format.equals("date")) {
            values.addAll(HOSTILE_DATES);
        } else if (type.equals("integer") || type.equals("number")) {
            values.addAll(HOSTILE_NUMBERS);
        } else if (format.equals("uuid")) {
            values.addAll(HOSTILE_IDS);
        } else if (type.equals("boolean")) {
            values.add("maybe");
        } else if (schema.has("enum")) {
            values.add("NO_SUCH_VALUE");
        }
        return values;
    }

    /**
     * Ids, unless the spec gives the segment a pattern (a name such as a data load's): then every
     * value that breaks it — a name that keeps the pattern is a real name, not an attack.
     */
    private static List<String> hostilePathValues(JsonNode schema) {
        String pattern = schema.path("pattern").asText();
        if (pattern.isEmpty() || schema.path("format").asText().equals("uuid")) {
            return HOSTILE_IDS;
        }
        List<String> values = new ArrayList<>(HOSTILE_IDS);
        values.addAll(List.of("Not A Name!", "-leading-hyphen", "UPPER"));
        return values.stream().filter(v -> !v.matches(pattern)).toList();
    }

    private static List<JsonNode> hostileBodyValues(JsonNode schema) {
        String type = schema.path("type").asText();
        String format = schema.path("format").asText();
        List<JsonNode> values = new ArrayList<>();
        switch (type) {
            case "integer", "number" -> {
                values.add(JSON.getNodeFactory().textNode("abc"));
                values.add(JSON.getNodeFactory().numberNode(new java.math.BigInteger("99999999999999999999")));
                values.add(JSON.getNodeFactory().numberNode(new java.math.BigInteger("-99999999999999999999")));
                values.add(JSON.getNodeFactory().objectNode());
                values.add(JSON.getNodeFactory().booleanNode(true));
            }
            case "boolean" -> {
                values.add(JSON.getNodeFactory().textNode("maybe"));
                values.add(JSON.getNodeFactory().numberNode(1));
                values.add(JSON.getNodeFactory().arrayNode());
            }
            case "array" -> {
                values.add(JSON.getNodeFactory().textNode("\u0000"));
                values.add(JSON.getNodeFactory().objectNode());
                values.add(JSON.getNodeFactory().arrayNode().add("\u0000"));
                values.add(JSON.getNodeFactory().arrayNode().add(HUGE));
                values.add(JSON.getNodeFactory().arrayNode().add(JSON.getNodeFactory().objectNode()));
            }
            case "object" -> {
                values.add(JSON.getNodeFactory().textNode("\u0000"));
                values.add(JSON.getNodeFactory().arrayNode());
                values.add(JSON.getNodeFactory().numberNode(42));
            }
            default -> {
                HOSTILE_TEXT.stream().filter(v -> v != LONG_PARAMETER)
                        .forEach(v -> values.add(JSON.getNodeFactory().textNode(v)));
                values.add(JSON.getNodeFactory().textNode(HUGE));
                values.add(JSON.getNodeFactory().numberNode(12345));
                values.add(JSON.getNodeFactory().booleanNode(true));
                values.add(JSON.getNodeFactory().objectNode());
                values.add(JSON.getNodeFactory().arrayNode());
                if (format.equals("date")) {
                    HOSTILE_DATES.forEach(v -> values.add(JSON.getNodeFactory().textNode(v)));
                }
            }
        }
        return values;
    }

    private static String validValue(String name, JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example").asText();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asText();
        }
        if (schema.has("default")) {
            return schema.get("default").asText();
        }
        return switch (schema.path("format").asText()) {
            case "date" -> "2022-12-31";
            default -> schema.path("type").asText().equals("integer") ? (name.contains("year") ? "2022" : "10") : "x";
        };
    }

    // --- the spec ---------------------------------------------------------------------------------

    private static JsonNode schemaOf(JsonNode parameter) {
        return resolve(parameter.path("schema"));
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        for (int depth = 0; depth < 5 && resolved.has("$ref"); depth++) {
            resolved = spec.at(resolved.get("$ref").asText().substring(1));
        }
        if (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
            return resolve(resolved.get("allOf").get(0));
        }
        if (resolved.has("oneOf") || resolved.has("anyOf")) {
            for (JsonNode option : resolved.has("oneOf") ? resolved.get("oneOf") : resolved.get("anyOf")) {
                if (!option.path("type").asText().equals("null")) {
                    return resolve(option);
                }
            }
        }
        return resolved;
    }

    private static ObjectNode baseBody(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content").path("application/json");
        if (content.isMissingNode() || !content.has("schema") && !content.has("example") && !content.has("examples")) {
            return null; // no body, or one the operation ignores
        }
        JsonNode example = content.path("example");
        if (content.path("examples").size() > 0) {
            example = content.path("examples").elements().next().path("value");
        }
        if (example.isTextual()) {
            try {
                example = JSON.readTree(example.asText());
            } catch (IOException e) {
                example = null;
            }
        }
        return example != null && example.isObject() ? (ObjectNode) example.deepCopy() : JSON.createObjectNode();
    }

    /** Body fields by name with their schema: the example's and the schema's. */
    private static Map<String, JsonNode> fieldsOf(JsonNode operation, ObjectNode body) {
        JsonNode schema = resolve(operation.path("requestBody").path("content").path("application/json").path("schema"));
        Map<String, JsonNode> fields = new TreeMap<>();
        schema.path("properties").fields().forEachRemaining(p -> fields.put(p.getKey(), resolve(p.getValue())));
        body.fieldNames().forEachRemaining(name -> fields.computeIfAbsent(name, n -> typeOf(body.get(n))));
        return fields;
    }

    private static JsonNode typeOf(JsonNode value) {
        String type = value.isNumber() ? "number" : value.isBoolean() ? "boolean" : value.isArray() ? "array"
                : value.isObject() ? "object" : "string";
        return JSON.createObjectNode().put("type", type);
    }

    // --- real ids ---------------------------------------------------------------------------------

    /**
     * A real value for a path parameter: an enum's first value, 2022 for a year, else the first
     * item of the collection the parameter indexes (with the parameters before it already filled).
     */
    private static Optional<String> realValue(String template, String name, JsonNode schema,
            Map<String, String> resolved) throws Exception {
        String collection = fill(template.substring(0, template.indexOf("{" + name + "}") - 1), resolved);
        String key = collection + "/{" + name + "}";
        if (!realValues.containsKey(key)) {
            Optional<JsonNode> enumeration = enumerationOf(template.substring(0, template.indexOf("{" + name + "}")), name);
            if (enumeration.isPresent()) {
                realValues.put(key, Optional.of(enumeration.get().get(0).asText()));
            } else if (schema.path("type").asText().equals("integer")) {
                realValues.put(key, Optional.of("2022"));
            } else {
                realValues.put(key, firstItem(collection, name));
            }
        }
        return realValues.get(key);
    }

    /** The values a path parameter may take, from whichever operation under the same prefix lists them. */
    private static Optional<JsonNode> enumerationOf(String prefix, String name) {
        List<JsonNode> found = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith(prefix)) {
                path.getValue().forEach(operation -> operation.path("parameters").forEach(parameter -> {
                    if (parameter.path("name").asText().equals(name) && schemaOf(parameter).has("enum")) {
                        found.add(schemaOf(parameter).get("enum"));
                    }
                }));
            }
        });
        return found.stream().findFirst();
    }

    private static Optional<String> firstItem(String listPath, String name) throws Exception {
        if (listPath.contains("{")) {
            return Optional.empty();
        }
        HttpResponse<String> response = send("GET", listPath + "?limit=50", null, Map.of());
        if (response.statusCode() != 200) {
            return Optional.empty();
        }
        JsonNode list = JSON.readTree(response.body());
        JsonNode items = list.isArray() ? list : list.path("items");
        for (JsonNode item : items) {
            for (String field : List.of(name, "id", "code", "clientId")) {
                String value = item.path(field).asText("");
                if (!value.isEmpty() && !value.equals(platform.admin.clientId())) {
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    // --- "nothing was written" --------------------------------------------------------------------

    /** Every list operation without path parameters: its items' ids and versions. */
    private static Map<String, String> fingerprint() throws Exception {
        Map<String, String> prints = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            boolean requiredQuery = false;
            for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
                requiredQuery |= parameter.path("in").asText().equals("query") && parameter.path("required").asBoolean();
            }
            if (path.getKey().startsWith("/api/") && !path.getKey().contains("{") && path.getValue().has("get")
                    && !requiredQuery) {
                HttpResponse<String> response = send("GET", path.getKey() + "?limit=200", null, Map.of());
                JsonNode list = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
                if (list != null && list.has("items")) {
                    StringBuilder print = new StringBuilder();
                    list.get("items").forEach(item -> print.append(item.path("id").asText(item.path("code").asText()))
                            .append('@').append(item.path("version").asText()).append(' '));
                    prints.put(path.getKey(), print.toString());
                }
            }
        }
        return prints;
    }

    /** The collections, plus the resource under attack and the real ids' resources with their versions. */
    private static Map<String, String> fingerprint(String realPath) throws Exception {
        Map<String, String> prints = fingerprint();
        for (String resource = realPath; resource.split("/").length >= 5;
                resource = resource.substring(0, resource.lastIndexOf('/'))) {
            HttpResponse<String> response = send("GET", resource, null, Map.of());
            prints.put(resource, response.statusCode() + " " + response.headers().firstValue("ETag").orElse(""));
        }
        return prints;
    }

    // --- HTTP -------------------------------------------------------------------------------------

    private static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", URLEncoder.encode(value.getValue(), StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return path;
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder string = new StringBuilder("?");
        query.forEach((name, value) -> string.append(string.length() > 1 ? "&" : "").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return string.toString();
    }

    private static HttpResponse<String> send(String method, String target, JsonNode body, Map<String, String> headers)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway + target))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token());
            if (!headers.containsKey("Accept")) {
                request.header("Accept", "application/json");
            }
            headers.forEach(request::header);
            HttpResponse<String> response = http.send(PlatformClient.withJsonBody(request, method, body).build(),
                    HttpResponse.BodyHandlers.ofString());
            requests++;
            if (response.statusCode() != 429 || attempt > 20) {
                return response;
            }
            Thread.sleep(Math.max(200, response.headers().firstValueAsLong("Retry-After").orElse(1) * 1000));
        }
    }

    private static String token;
    private static long tokenUntil;

    private static synchronized String token() throws Exception {
        if (token == null || System.currentTimeMillis() > tokenUntil) {
            token = platform.token(platform.admin.clientId(), platform.admin.secret());
            tokenUntil = System.currentTimeMillis() + 60_000;
        }
        return token;
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "�");
        return printable.length() > 160 ? printable.substring(0, 160) + "…(" + printable.length() + ")" : printable;
    }
}
