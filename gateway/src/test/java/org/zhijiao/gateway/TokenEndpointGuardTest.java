package org.zhijiao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zhijiao.gateway.Gateway.Credentials;

/**
 * What keeps {@code /oauth2/token} from being a cheap way to load a replica or to learn which client ids
 * exist: limits per address and per client id, a lock-out after failures, a bound on bcrypt work, and
 * equal timing for unknown ids. Addresses are given as X-Forwarded-For (127.0.0.1 is a trusted proxy here).
 */
@QuarkusTest
class TokenEndpointGuardTest {

    private static Response tokenFrom(String address, String clientId, String secret) {
        return given().header("X-Forwarded-For", address).auth().preemptive().basic(clientId, secret)
                .formParam("grant_type", "client_credentials").post("/oauth2/token");
    }

    @Test
    void aClientIdIsLockedOutAfterRepeatedFailuresEvenWithTheRightSecret() {
        Credentials partner = Gateway.register(UUID.randomUUID(), "enterprise");
        for (int i = 0; i < 5; i++) {
            tokenFrom("198.51.100." + i, partner.clientId(), "guess-" + i).then().statusCode(401);
        }
        Response locked = tokenFrom("198.51.100.99", partner.clientId(), partner.secret());
        locked.then().statusCode(429).header("Cache-Control", "no-store").body("error", equalTo("slow_down"));
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void oneClientIdAsksForTokensAtMostAtItsRate() {
        Credentials partner = Gateway.register(UUID.randomUUID(), "enterprise");
        int issued = 0;
        Response refused = null;
        for (int i = 0; i < 30 && refused == null; i++) {
            Response response = tokenFrom("198.51.101." + i, partner.clientId(), partner.secret());
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                response.then().statusCode(200);
                issued++;
            }
        }
        assertThat(refused).as("a refusal after the burst").isNotNull();
        assertThat(issued).isBetween(10, 13);
        refused.then().body("error", equalTo("slow_down"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    }

    @Test
    void oneAddressAsksForTokensAtMostAtItsRateWhileOthersAreServed() {
        String address = "203.0.113.17";
        Response refused = null;
        for (int i = 0; i < UpstreamsTestResource.TOKEN_REQUESTS_PER_ADDRESS * 3 && refused == null; i++) {
            Response response = given().header("X-Forwarded-For", address).formParam("grant_type", "password").post("/oauth2/token");
            if (response.statusCode() == 429) {
                refused = response;
            }
        }
        assertThat(refused).as("a refusal after the burst").isNotNull();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        given().header("X-Forwarded-For", "203.0.113.18").formParam("grant_type", "password").post("/oauth2/token")
                .then().statusCode(400);
    }

    @Test
    void anUnknownClientIdTakesAsLongAsAWrongSecret() {
        Credentials partner = Gateway.register(UUID.randomUUID(), "enterprise");
        tokenFrom("192.0.2.200", "warm-up-" + UUID.randomUUID(), "x").then().statusCode(401);
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            tokenFrom("192.0.2." + (10 + i), partner.clientId(), "wrong-" + i).then().statusCode(401);
            known.add(System.nanoTime() - started);
            started = System.nanoTime();
            tokenFrom("192.0.2." + (20 + i), UUID.randomUUID().toString(), "wrong-" + i).then().statusCode(401);
            unknown.add(System.nanoTime() - started);
        }
        long knownMedian = known.stream().sorted().toList().get(1);
        long unknownMedian = unknown.stream().sorted().toList().get(1);
        assertThat(unknownMedian).as("median ns for an unknown id vs a wrong secret (%d)", knownMedian)
                .isGreaterThan(knownMedian / 2);
    }

    @Test
    void bcryptWorkIsBoundedAndTheExcessIsToldToComeBack() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String address = "192.0.2." + (100 + i);
                answers.add(pool.submit(() -> tokenFrom(address, UUID.randomUUID().toString(), "guess")));
            }
            int busy = 0;
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).isIn(401, 503);
                if (response.statusCode() == 503) {
                    busy++;
                    response.then().body("error", equalTo("temporarily_unavailable")).header("Retry-After", "1");
                }
            }
            assertThat(busy).as("requests refused because a secret check could not start in time").isPositive();
        } finally {
            pool.shutdown();
        }
    }
}
