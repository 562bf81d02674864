package org.zhijiao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.gateway.Gateway.adminToken;
import static org.zhijiao.gateway.Gateway.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Token buckets per client: limits by class or per client, the headers, and isolation between clients. */
@QuarkusTest
class RateLimitTest {

    private static final String ROUTE = "/api/v1/test-echo/limited";

    @Test
    void aClientsOwnLimitIsEnforcedWithRateLimitHeadersAndA429Problem() {
        String token = Gateway.token(Gateway.register(UUID.randomUUID(), Map.of("capacity", 3, "refillPerSecond", 0.05), "enterprise"));
        for (int remaining = 2; remaining >= 0; remaining--) {
            as(token).get(ROUTE).then().statusCode(200)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", Integer.toString(remaining));
        }
        Response refused = as(token).get(ROUTE);
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .body("type", equalTo("https://zhijiao.org/problems/rate-limited"))
                .body("requestId", equalTo(refused.header("X-Request-Id")));
        // one token every 20 s at 0.05/s
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 20L);
        assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(20L, 60L);
    }

    @Test
    void withoutAnOverrideTheRoleClassDecidesAndAChangedOverrideAppliesToNewTokens() {
        Gateway.Credentials partner = Gateway.register(UUID.randomUUID(), "enterprise");
        as(Gateway.token(partner)).get(ROUTE).then().statusCode(200).header("RateLimit-Limit", "100");
        as(Gateway.token(Gateway.register(UUID.randomUUID(), "school", "enterprise"))).get(ROUTE)
                .then().statusCode(200).header("RateLimit-Limit", "200");

        as(adminToken()).body(Map.of("rateLimit", Map.of("capacity", 7, "refillPerSecond", 2)))
                .put("/api/v1/gateway/clients/" + partner.clientId() + "/rate-limit")
                .then().statusCode(200).body("rateLimit.capacity", equalTo(7));
        as(Gateway.token(partner)).get(ROUTE).then().statusCode(200).header("RateLimit-Limit", "7");
    }

    @Test
    void aNoisyClientIsThrottledWhileAQuietOneIsServedNormally() throws Exception {
        String noisy = Gateway.token(Gateway.register(UUID.randomUUID(), Map.of("capacity", 5, "refillPerSecond", 1), "enterprise"));
        String quiet = Gateway.token(Gateway.register(UUID.randomUUID(), Map.of("capacity", 50, "refillPerSecond", 1), "enterprise"));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger throttled = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> hammering = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                hammering.add(pool.submit(() -> {
                    while (!stop.get()) {
                        if (as(noisy).get(ROUTE).statusCode() == 429) {
                            throttled.incrementAndGet();
                        }
                    }
                }));
            }
            for (int i = 0; i < 20; i++) {
                long started = System.nanoTime();
                as(quiet).get(ROUTE).then().statusCode(200);
                assertThat((System.nanoTime() - started) / 1_000_000).as("quiet client's latency in ms").isLessThan(1_000);
            }
        } finally {
            stop.set(true);
            for (Future<?> future : hammering) {
                future.get();
            }
            pool.shutdown();
        }
        assertThat(throttled.get()).as("noisy client's refused requests").isGreaterThan(0);
    }

    @Test
    void anonymousReadersBehindTheIngressHaveABucketEachByTheirForwardedAddress() {
        String page = "/api/v1/test-echo/public/report";
        Response refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            Response response = given().header("X-Forwarded-For", "198.51.102.1").get(page);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                response.then().statusCode(200);
            }
        }
        assertThat(refused).as("the scraper is throttled").isNotNull();
        refused.then().contentType("application/problem+json").body("type", equalTo("https://zhijiao.org/problems/rate-limited"));
        // another reader behind the same ingress (the same peer address) is not
        given().header("X-Forwarded-For", "198.51.102.2").get(page).then().statusCode(200);
        given().header("X-Forwarded-For", "198.51.102.2").get(page).then().statusCode(200);
    }
}
