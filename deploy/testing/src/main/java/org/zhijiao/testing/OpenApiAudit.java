package org.zhijiao.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks every service the same way against its own published spec: every operation is documented
 * for the frontend team, and every operation refuses anonymous callers (401 problem) and callers
 * without a role (403). Each check returns the gaps it found; a test asserts there are none.
 */
public final class OpenApiAudit {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One operation of the spec. */
    public record Operation(String method, String path, JsonNode spec) {

        /** The path with its parameters filled in with plausible values. */
        public String concretePath() {
            return path.replaceAll("\\{kind}", "industry-chains").replaceAll("\\{code}", "X")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }

        String name() {
            return method + " " + path;
        }
    }

    private OpenApiAudit() {
    }

    /**
     * The operations of the spec a service serves at {@code /q/openapi} on its management interface,
     * whose base URL is {@code management}.
     */
    public static List<Operation> operations(URI management) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(management.resolve("/q/openapi?format=json"))
                .header("Accept", "application/json").GET());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /q/openapi answered " + response.statusCode());
        }
        JsonNode spec = JSON.readTree(response.body());
        List<Operation> operations = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.add(new Operation(op.getKey(), path.getKey(), op.getValue()));
            }
        }));
        return operations;
    }

    /**
     * What the frontend team would miss: an operationId (unique), tag, summary, security requirement, a success
     * response, the problem responses that apply (401/403 always, 404 with an id, 400 on writes) and a JSON
     * request body on writes, with examples when {@code bodyExamples}.
     */
    public static List<String> documentationGaps(List<Operation> operations, boolean bodyExamples) {
        List<String> gaps = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Operation op : operations) {
            JsonNode spec = op.spec();
            String id = spec.path("operationId").asText();
            require(gaps, !id.isBlank(), op, "operationId");
            require(gaps, id.isBlank() || ids.add(id), op, "a unique operationId");
            require(gaps, !spec.path("tags").isEmpty(), op, "tags");
            require(gaps, !spec.path("summary").asText().isBlank(), op, "a summary");
            require(gaps, !spec.path("security").isEmpty(), op, "a security requirement");
            JsonNode responses = spec.path("responses");
            require(gaps, declaredByCode(spec), op, "a success response (declared by a resource method)");
            require(gaps, responses.has("401"), op, "a 401 response");
            require(gaps, responses.has("403"), op, "a 403 response");
            require(gaps, responses.path("401").path("content").has("application/problem+json"), op,
                    "a problem body on 401");
            if (op.path().contains("{id}")) {
                require(gaps, responses.has("404"), op, "a 404 response");
            }
            if (!op.method().equals("get")) {
                require(gaps, responses.has("400"), op, "a 400 response");
                JsonNode body = spec.path("requestBody").path("content").path("application/json");
                require(gaps, !body.isMissingNode(), op, "a JSON request body");
                if (bodyExamples) {
                    require(gaps, !body.path("examples").isEmpty(), op, "request body examples");
                }
            }
        }
        return gaps;
    }

    /**
     * Whether a resource method declares the operation: the scanner always gives one a success response, while an
     * entry of the service's {@code META-INF/openapi.yaml} that no method declares has only the problem responses.
     */
    public static boolean declaredByCode(JsonNode operation) {
        for (var codes = operation.path("responses").fieldNames(); codes.hasNext(); ) {
            if (codes.next().startsWith("2")) {
                return true;
            }
        }
        return false;
    }

    /** Operations that do not answer 401 (problem body) anonymously and 403 to a token without a role. */
    public static List<String> accessGaps(URI base, List<Operation> operations) throws IOException, InterruptedException {
        String noRole = TestTokens.token("nobody", UUID.randomUUID());
        List<String> gaps = new ArrayList<>();
        for (Operation op : operations) {
            HttpResponse<String> anonymous = call(base, op, null);
            String type = anonymous.headers().firstValue("Content-Type").orElse("");
            if (anonymous.statusCode() != 401 || !type.startsWith("application/problem+json")) {
                gaps.add("anonymous " + op.name() + " → " + anonymous.statusCode() + " " + type);
            }
            HttpResponse<String> roleless = call(base, op, noRole);
            if (roleless.statusCode() != 403) {
                gaps.add("no role " + op.name() + " → " + roleless.statusCode());
            }
        }
        return gaps;
    }

    private static HttpResponse<String> call(URI base, Operation op, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(op.concretePath()))
                .header("Content-Type", "application/json")
                .method(op.method().toUpperCase(), HttpRequest.BodyPublishers.ofString("{}"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void require(List<String> gaps, boolean present, Operation op, String what) {
        if (!present) {
            gaps.add(op.name() + " lacks " + what);
        }
    }
}
