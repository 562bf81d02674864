package org.zhijiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhijiao.demo.PlatformClient;
import org.zhijiao.testing.CreditCodes;
import org.zhijiao.testing.TraceParents;

/**
 * One trace follows a change across every hop, with no collector: each service writes JSON log lines
 * whose MDC carries the trace id, and each hop of a traced change logs one (category
 * {@code org.zhijiao.tracing} at DEBUG, see {@link Platform}). The partner sends no {@code traceparent},
 * so the trace id can only come from the gateway; the test reads it from the gateway's line for its
 * request id and finds the same id in membership-service's outbox line for that request, in
 * reporting-service's apply of the resulting event and in apprenticeship-service's directory update.
 */
class TracingE2ETest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static PlatformClient secretariat;

    @BeforeAll
    static void platform() {
        secretariat = Platform.get().secretariat();
    }

    @Test
    void oneTraceIdSpansTheGatewayMembershipAndReportingsApplyOfTheEvent() {
        String requestId = "trace-e2e-" + UUID.randomUUID();
        String organization = secretariat.post("/api/v1/organizations", Map.of("nameZh", "追踪企业（虚构）",
                "creditCode", CreditCodes.withCheck("913702001" + String.format("%08d", System.nanoTime() % 100_000_000)),
                "kind", "ENTERPRISE", "enterpriseSize", "SMALL", "region", Map.of("city", "青岛市", "country", "CN")),
                Map.of("X-Request-Id", requestId)).path("id").asText();

        JsonNode forwarded = awaitLine("gateway", line -> requestId.equals(mdc(line, "requestId"))
                && line.path("message").asText().contains("forwarding to membership"));
        String trace = mdc(forwarded, "traceId");
        assertThat(trace).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));

        JsonNode outbox = awaitLine("membership", line -> requestId.equals(mdc(line, "requestId"))
                && line.path("message").asText().contains("written to the outbox"));
        assertThat(mdc(outbox, "traceId")).isEqualTo(trace);
        assertThat(outbox.path("message").asText()).contains("subject " + organization, "traceparent 00-" + trace + "-");

        JsonNode relayed = awaitLine("membership", line -> line.path("message").asText().startsWith("Relaying event ")
                && line.path("message").asText().contains("traceparent 00-" + trace + "-"));
        assertThat(mdc(relayed, "traceId")).isEqualTo(trace);

        JsonNode applied = awaitLine("reporting", line -> line.path("message").asText()
                .matches("Applied to the projections: zhijiao\\.membership\\.organizations-\\d+@\\d+, key " + organization));
        assertThat(mdc(applied, "traceId")).isEqualTo(trace);

        JsonNode directory = awaitLine("apprenticeship", line -> line.path("message").asText()
                .contains("subject " + organization + ") to the member directory"));
        assertThat(mdc(directory, "traceId")).isEqualTo(trace);
    }

    @Test
    void aPartnersOwnTraceIsContinuedAndNamedInProblems() {
        String trace = TraceParents.traceId();
        try {
            secretariat.post("/api/v1/organizations", Map.of("nameZh", "无统一社会信用代码（虚构）"),
                    Map.of("traceparent", TraceParents.of(trace, TraceParents.spanId(), false)));
            throw new AssertionError("an organization without a kind was accepted");
        } catch (PlatformClient.ApiException e) {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.body().path("traceId").asText()).isEqualTo(trace);
            assertThat(e.body().path("requestId").asText()).isNotBlank();
        }
    }

    /** Waits for the first JSON line of a service's log that matches. */
    private static JsonNode awaitLine(String service, Predicate<JsonNode> matches) {
        return Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> find(service, matches), Optional::isPresent).orElseThrow();
    }

    private static Optional<JsonNode> find(String service, Predicate<JsonNode> matches) {
        try (var lines = Files.lines(Platform.get().log(service))) {
            return lines.filter(line -> line.startsWith("{")).map(TracingE2ETest::parse).filter(Optional::isPresent)
                    .map(Optional::get).filter(matches).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<JsonNode> parse(String line) {
        try {
            return Optional.of(JSON.readTree(line));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static String mdc(JsonNode line, String key) {
        return line.path("mdc").path(key).asText(null);
    }
}
