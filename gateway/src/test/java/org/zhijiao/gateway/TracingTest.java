package org.zhijiao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.gateway.Gateway.as;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.TraceParents;

/** The gateway continues the caller's W3C trace, forwards it to the service, and names it in problem bodies. */
@QuarkusTest
class TracingTest {

    @Test
    void theProxiedCallContinuesTheCallersTraceFromTheGatewaysOwnSpan() {
        String trace = TraceParents.traceId();
        String callersSpan = TraceParents.spanId();
        String forwarded = as(Gateway.adminToken()).header("traceparent", TraceParents.of(trace, callersSpan, false))
                .get("/api/v1/test-echo/traced").then().statusCode(200).extract().path("headers.traceparent");

        // one traceparent, same trace, and a parent that is the gateway's span, not the caller's
        assertThat(forwarded).matches("00-" + trace + "-[0-9a-f]{16}-00");
        assertThat(forwarded.split("-")[2]).isNotEqualTo(callersSpan).isNotEqualTo("0000000000000000");
    }

    @Test
    void aCallWithoutATraceGetsOneAtTheGateway() {
        String first = as(Gateway.adminToken()).get("/api/v1/test-echo/untraced").then().statusCode(200)
                .extract().path("headers.traceparent");
        String second = as(Gateway.adminToken()).get("/api/v1/test-echo/untraced").then().statusCode(200)
                .extract().path("headers.traceparent");

        assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(first.split("-")[1]).isNotEqualTo("0".repeat(32)).isNotEqualTo(second.split("-")[1]);
    }

    @Test
    void problemsOfTheGatewayAndOfTheServiceBehindItCarryTheTraceIdBesideTheRequestId() {
        String trace = TraceParents.traceId();
        given().header("traceparent", TraceParents.of(trace, TraceParents.spanId(), false)).header("X-Request-Id", "traced-401")
                .get("/api/v1/organizations").then().statusCode(401)
                .body("requestId", equalTo("traced-401"))
                .body("traceId", equalTo(trace));

        String serviceTrace = TraceParents.traceId();
        as(Gateway.adminToken()).header("traceparent", TraceParents.of(serviceTrace, TraceParents.spanId(), false))
                .header("X-Request-Id", "traced-404")
                .get("/api/v1/organizations/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://zhijiao.org/problems/not-found"))
                .body("requestId", equalTo("traced-404"))
                .body("traceId", equalTo(serviceTrace));
    }
}
