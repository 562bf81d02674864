package org.zhijiao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.gateway.Gateway.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Upstreams that are down, slow or failing; request ids, forwarded headers, streaming and CORS. */
@QuarkusTest
class ResilienceTest {

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "test.flaky.port")
    int flakyPort;

    private String token;

    @BeforeEach
    void token() {
        token = Gateway.token(Gateway.register(UUID.randomUUID(), Map.of("capacity", 1000, "refillPerSecond", 1000), "group-admin"));
    }

    @Test
    void aSlowUpstreamGivesA504ProblemAtTheRouteTimeoutNotAHang() {
        long started = System.nanoTime();
        Response late = as(token).header("X-Request-Id", "slow-call-1").get("/api/v1/test-slow");
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;
        late.then().statusCode(504)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/upstream-unavailable"))
                .body("status", equalTo(504))
                .body("requestId", equalTo("slow-call-1"));
        assertThat(elapsedMs).isBetween(UpstreamsTestResource.SLOW_ROUTE_TIMEOUT.toMillis(), 3_000L);
    }

    @Test
    void tooLargeHeaderFieldsAreA431ProblemAtTheGateway() {
        Response large = as(token).header("X-Padding", "x".repeat(30_000)).get("/api/v1/cohorts");
        large.then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/request-header-fields-too-large"))
                .body("status", equalTo(431))
                .body("requestId", equalTo(large.header("X-Request-Id")));
    }

    @Test
    void anUpstreamThatHangsUpAfterReadingTheBodyGivesA502ProblemOverHttp2Too() throws Exception {
        // found by the fault suite: a service killed mid-request left HTTP/2 callers without any answer
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        String gateway = RestAssured.baseURI + ":" + RestAssured.port;
        HttpResponse<String> upgraded = http2.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/test-echo/warm-up"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upgraded.version()).as("the connection was upgraded to h2c").isEqualTo(HttpClient.Version.HTTP_2);
        HttpResponse<String> answer = http2.send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/test-echo/hang-up"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"cohort\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("https://zhijiao.org/problems/upstream-unavailable");
        as(token).get("/api/v1/test-echo/after-hang-up").then().statusCode(200);
    }

    @Test
    void anUpstreamThatIsDownGivesA502Problem() {
        Response refused = as(token).get("/api/v1/cohorts");
        refused.then().statusCode(502)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/upstream-unavailable"))
                .body("detail", equalTo("The apprenticeship service could not be reached"))
                .body("requestId", equalTo(refused.header("X-Request-Id")));
    }

    @Test
    void theBreakerOpensAfterRepeatedFailuresAndClosesWhenTheUpstreamIsBack() throws Exception {
        for (int i = 0; i < 3; i++) {
            as(token).get("/api/v1/test-flaky").then().statusCode(502);
        }
        Response open = as(token).get("/api/v1/test-flaky");
        open.then().statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/upstream-unavailable"));
        assertThat(Long.parseLong(open.header("Retry-After"))).isBetween(1L, 1L);

        HttpServer back = vertx.createHttpServer().requestHandler(request -> request.response().putHeader("Content-Type", "application/json").end("{\"ok\":true}"))
                .listen(flakyPort).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .untilAsserted(() -> as(token).get("/api/v1/test-flaky").then().statusCode(200));
            as(token).get("/api/v1/test-flaky").then().statusCode(200).body("ok", equalTo(true));
        } finally {
            back.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServicesOwn503IsItsAnswerAndNeverOpensTheBreaker() {
        // threshold 2 for this service: the breaker would answer the third call itself if 503s counted
        for (int i = 0; i < 6; i++) {
            as(token).get("/api/v1/test-busy/freshness").then().statusCode(503)
                    .contentType("application/json")
                    .body("busy", equalTo(true));
        }
    }

    @Test
    void requestIdsPassThroughOrAreGeneratedAndReachTheServiceAndComeBack() {
        Response passed = as(token).urlEncodingEnabled(false).header("X-Request-Id", "partner-trace-42").get("/api/v1/test-echo/ids?x=1&y=%E4%B8%AD");
        passed.then().statusCode(200)
                .header("X-Request-Id", "partner-trace-42")
                .body("headers.x-request-id", equalTo("partner-trace-42"))
                .body("uri", equalTo("/api/v1/test-echo/ids?x=1&y=%E4%B8%AD"));

        Response generated = as(token).get("/api/v1/test-echo/ids");
        String id = generated.header("X-Request-Id");
        assertThat(id).isNotBlank();
        assertThat((String) generated.path("headers.x-request-id")).isEqualTo(id);

        // the real service gets it too and puts it in its own problem bodies
        as(token).header("X-Request-Id", "to-membership-7").get("/api/v1/organizations/" + UUID.randomUUID())
                .then().statusCode(404).header("X-Request-Id", "to-membership-7").body("requestId", equalTo("to-membership-7"));
    }

    @Test
    void theCallersAuthorizationAndForwardingHeadersReachTheServiceButHopByHopHeadersDoNot() {
        as(token).header("Connection", "keep-alive, X-Hop-Secret").header("X-Hop-Secret", "1").header("X-End-To-End", "2")
                .get("/api/v1/test-echo/headers").then().statusCode(200)
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", org.hamcrest.Matchers.startsWith("localhost:"))
                .body("headers.x-end-to-end", equalTo("2"))
                .body("headers.x-hop-secret", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void bodiesStreamThroughBothWaysBeyondTheBufferedBodyLimit() {
        byte[] body = new byte[3 * 1024 * 1024]; // quarkus.http.limits.max-body-size is 1M for buffered bodies
        new Random(7).nextBytes(body);
        byte[] echoed = as(token).contentType("application/octet-stream").body(body).post("/api/v1/test-echo/stream")
                .then().statusCode(200).extract().asByteArray();
        assertThat(Arrays.equals(echoed, body)).as("the echoed body is the sent one").isTrue();
    }

    @Test
    void corsAllowsTheConfiguredFrontendOriginsOnly() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/organizations").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
        Response foreign = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/organizations");
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        as(token).header("Origin", "http://localhost:5173").get("/api/v1/test-echo/cors").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:5173")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("X-Request-Id"));
    }
}
