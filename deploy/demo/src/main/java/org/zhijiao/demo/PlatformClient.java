package org.zhijiao.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A partner's view of the platform: the gateway's public API, authenticated with OAuth2 client
 * credentials. Refreshes its token before it expires; every non-2xx answer becomes an
 * {@link ApiException} carrying the problem body. Writes to an existing resource carry the
 * {@code If-Match} of the ETag read just before, as the services require.
 */
public final class PlatformClient {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient http;
    private final URI gateway;
    private final String clientId;
    private final String clientSecret;
    private String token;
    private long tokenExpiresAt;

    public PlatformClient(HttpClient http, URI gateway, String clientId, String clientSecret) {
        this.http = http;
        this.gateway = gateway;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    public String clientId() {
        return clientId;
    }

    /** An answer that was not 2xx. */
    public static final class ApiException extends RuntimeException {
        private final int status;
        private final JsonNode body;

        ApiException(String request, int status, JsonNode body) {
            super(request + " → " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public JsonNode body() {
            return body;
        }
    }

    public JsonNode get(String path) {
        return send("GET", path, null, Map.of());
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public JsonNode post(String path, Object body, Map<String, String> headers) {
        return send("POST", path, body, headers);
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public JsonNode patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    /**
     * Retries {@code call} while it fails with {@code status}: for what is eventually consistent,
     * e.g. a member just admitted in membership-service and not yet in another service's replica.
     */
    public static JsonNode retryWhile(int status, Duration timeout, Supplier<JsonNode> call) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return call.get();
            } catch (ApiException e) {
                if (e.status() != status || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep(250);
            }
        }
    }

    /**
     * The resources whose ETag may guard a write at {@code path}, nearest first: a PUT or PATCH
     * guards the path itself, a POST to {@code /api/v1/x/{id}/action} its parent; both fall back
     * to the enclosing {@code /api/v1/x/{id}} (e.g. {@code PUT /enrollments/{id}/agreement}).
     */
    public static List<String> guardingResources(String method, String path) {
        String resource = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        resource = resource.replaceAll("/+$", "");
        if (method.equals("POST")) {
            resource = resource.substring(0, Math.max(0, resource.lastIndexOf('/')));
        } else if (!List.of("PUT", "PATCH", "DELETE").contains(method)) {
            return List.of();
        }
        List<String> candidates = new ArrayList<>();
        // "", "api", "v1", collection, id: shorter paths are collections, never guarded
        while (resource.split("/").length >= 5) {
            candidates.add(resource);
            resource = resource.substring(0, resource.lastIndexOf('/'));
        }
        return candidates;
    }

    /**
     * Adds the If-Match of the guarding resource, read just before the write: other clients (a
     * school, an enterprise confirming an agreement) change the same objects, so a tag remembered
     * from an earlier answer may be stale, and reading is what a careful client does anyway.
     */
    private Map<String, String> withIfMatch(String method, String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        if (headers.keySet().stream().anyMatch("If-Match"::equalsIgnoreCase)) {
            return headers;
        }
        for (String resource : guardingResources(method, path)) {
            HttpResponse<byte[]> current = sendWithBackoff(HttpRequest.newBuilder(gateway.resolve(resource))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json").GET().build());
            Optional<String> etag = current.headers().firstValue("ETag");
            if (current.statusCode() == 200 && etag.isPresent()) {
                Map<String, String> guarded = new HashMap<>(headers);
                guarded.put("If-Match", etag.get());
                return guarded;
            }
        }
        return headers;
    }

    private JsonNode send(String method, String path, Object body, Map<String, String> requested) {
        try {
            Map<String, String> headers = withIfMatch(method, path, requested);
            HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json");
            headers.forEach(request::header);
            HttpResponse<byte[]> response = sendWithBackoff(withJsonBody(request, method, body).build());
            JsonNode json = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
            if (response.statusCode() / 100 != 2) {
                throw new ApiException(method + " " + path, response.statusCode(), json);
            }
            return json;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code method} with {@code body} as JSON (and its Content-Type), or with no body when it is null. */
    public static HttpRequest.Builder withJsonBody(HttpRequest.Builder request, String method, Object body)
            throws IOException {
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    }

    /** Honours the gateway's 429 Retry-After, as a well-behaved partner does. */
    private HttpResponse<byte[]> sendWithBackoff(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 429 || attempt >= 20) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(100, seconds * 1000));
        }
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && System.currentTimeMillis() < tokenExpiresAt - 30_000) {
            return token;
        }
        String form = "grant_type=client_credentials";
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(gateway.resolve("/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new ApiException("token for " + clientId, response.statusCode(), json);
        }
        token = json.path("access_token").asText();
        tokenExpiresAt = System.currentTimeMillis() + json.path("expires_in").asLong(300) * 1000;
        return token;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
