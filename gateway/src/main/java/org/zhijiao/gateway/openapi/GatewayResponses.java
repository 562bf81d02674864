package org.zhijiao.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.zhijiao.commons.problem.ProblemType;
import org.zhijiao.commons.problem.Problems;

/**
 * What the gateway itself may answer on an operation it proxies, written once into the merged document:
 * the {@code RateLimit-*} headers on every answer past the limiter, 429 with {@code Retry-After} when the
 * client's bucket is empty, 502 (the service cannot be reached), 503 with {@code Retry-After} (its circuit
 * breaker is open) and 504 (no answer in time). The 401 for a missing or bad token has the services' shape
 * and is documented by each service already.
 */
final class GatewayResponses {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEADERS = "#/components/headers/";
    private static final String RESPONSES = "#/components/responses/";
    private static final Set<String> RATE_LIMIT = Set.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");

    /** Status → component name, description, detail of the example; in status order, so the document is stable. */
    private static final Map<String, String[]> BY_STATUS = new TreeMap<>(Map.of(
            "429", new String[] {"GatewayRateLimited", "The client's rate limit at the gateway is used up; retry after "
                    + "`Retry-After` seconds", "Rate limit of client 3f1c… exceeded; retry after 2 s"},
            "502", new String[] {"GatewayBadGateway", "The gateway could not reach the service (connection refused or "
                    + "reset)", "reporting-service could not be reached"},
            "503", new String[] {"GatewayServiceUnavailable", "The gateway's circuit breaker towards the service is open "
                    + "after repeated failures; retry after `Retry-After` seconds", "reporting-service is unavailable; retry after 10 s"},
            "504", new String[] {"GatewayTimeout", "The service did not answer within the gateway's timeout",
                    "reporting-service did not answer within 30 s"}));

    private GatewayResponses() {
    }

    /** Adds the headers and responses to the components, for the operations to refer to. */
    static void addComponents(ObjectNode components) {
        ObjectNode headers = components.withObjectProperty("headers");
        header(headers, "RateLimit-Limit", "Requests the client's bucket at the gateway holds when full", 100);
        header(headers, "RateLimit-Remaining", "Requests left in the bucket now", 99);
        header(headers, "RateLimit-Reset", "Seconds until the bucket is full again", 1);
        header(headers, "Retry-After", "Seconds to wait before trying again", 2);
        ObjectNode responses = components.withObjectProperty("responses");
        BY_STATUS.forEach((status, text) -> {
            ProblemType type = status.equals("429") ? ProblemType.RATE_LIMITED : ProblemType.UPSTREAM_UNAVAILABLE;
            ObjectNode response = responses.objectNode().put("description", text[1]);
            ObjectNode responseHeaders = response.putObject("headers");
            ref(responseHeaders, "X-Request-Id", HEADERS);
            if (status.equals("429")) {
                RATE_LIMIT.stream().sorted().forEach(name -> ref(responseHeaders, name, HEADERS));
            }
            if (status.equals("429") || status.equals("503")) {
                ref(responseHeaders, "Retry-After", HEADERS);
            }
            ObjectNode media = response.putObject("content").putObject("application/problem+json");
            media.putObject("schema").put("$ref", "#/components/schemas/Problem");
            media.putObject("examples").putObject(type.uri().toString().substring(ProblemType.BASE.length()))
                    .set("value", JSON.valueToTree(Problems.example(type, Integer.parseInt(status), text[2], "/api/v1/summary")));
            responses.set(text[0], response);
        });
    }

    /** Documents the gateway's own answers on one proxied operation. */
    static void document(ObjectNode operation) {
        ObjectNode responses = operation.withObjectProperty("responses");
        responses.properties().forEach(entry -> {
            if (entry.getValue() instanceof ObjectNode response && !response.has("$ref") && !entry.getKey().equals("401")) {
                ObjectNode headers = response.withObjectProperty("headers");
                RATE_LIMIT.stream().sorted().forEach(name -> ref(headers, name, HEADERS));
            }
        });
        BY_STATUS.forEach((status, text) -> {
            if (responses.get(status) instanceof ObjectNode own && !own.has("$ref")) {
                // the service answers this status itself too: say both, keep its body
                own.put("description", own.path("description").asText() + "; or, from the gateway: " + text[1]);
                if (status.equals("503")) {
                    ref(own.withObjectProperty("headers"), "Retry-After", HEADERS);
                }
            } else {
                responses.putObject(status).put("$ref", RESPONSES + text[0]);
            }
        });
    }

    private static void header(ObjectNode headers, String name, String description, int example) {
        ObjectNode header = headers.putObject(name).put("description", description);
        header.putObject("schema").put("type", "integer");
        header.put("example", example);
    }

    private static void ref(ObjectNode headers, String name, String prefix) {
        if (!headers.has(name)) {
            headers.putObject(name).put("$ref", prefix + name);
        }
    }
}
