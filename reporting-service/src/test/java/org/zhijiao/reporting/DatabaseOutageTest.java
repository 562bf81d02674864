package org.zhijiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhijiao.reporting.Events.step;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;

/**
 * The consumer's database goes away for 90 s (longer than any in-flight retry, than the stall
 * threshold and than a messaging connector's unprocessed-record limit) while events keep coming:
 * health reports the consumer stalled, and when the database is back it applies everything by itself,
 * each event once.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final String DAY = "2077-07-07";
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("reporting.outage-seconds", 90));

    @Inject
    AgroalDataSource dataSource;

    /** /q/* is served on the management port. */
    @TestHTTPResource(value = "/", management = true)
    URI management;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void aLongDatabaseOutageUnderLoadLosesNothingAndShowsInHealth() throws Exception {
        int base = Api.atEnd("asOf=" + DAY, "otherMembers");
        String database;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            database = rs.getString(1);
        }
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Thread load = new Thread(() -> {
            while (producing.get()) {
                Events.sendAsync(Topics.MEMBERSHIPS, Events.membership(UUID.randomUUID(), UUID.randomUUID(), "OTHER",
                        List.of(), List.of(step("APPLIED", "APPLY", DAY), step("UNDER_REVIEW", "REVIEW", DAY),
                                step("ACTIVE", "APPROVE", DAY))));
                sent.incrementAndGet();
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        load.start();
        Thread.sleep(3000);

        String admin = jdbcUrl.replaceFirst("/[^/?]+(\\?|$)", "/postgres$1");
        boolean sawStalled = false;
        ExtractableResponse<Response> unavailable = null;
        try (Connection c = DriverManager.getConnection(admin, username, password); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS false");
            long until = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < until) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid()");
                if (unavailable == null && System.nanoTime() > until - OUTAGE.toNanos() + Duration.ofSeconds(10).toNanos()) {
                    unavailable = Api.asAdmin().get("/api/v1/summary?asOf=" + DAY + "&figure=otherMembers").then().extract();
                }
                if (!sawStalled && System.nanoTime() > until - OUTAGE.toNanos() + Duration.ofSeconds(40).toNanos()) {
                    sawStalled = given().get(management.resolve("/q/health/ready")).then().extract().statusCode() == 503
                            && given().get(management.resolve("/q/health/ready")).then().extract().asString().contains("STALLED");
                }
                Thread.sleep(500);
            }
            s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
        } finally {
            reopen(admin, database);
        }
        Thread.sleep(3000);
        producing.set(false);
        load.join();
        Events.sendAll(Topics.MEMBERSHIPS, List.of()); // flush

        assertThat(sawStalled).as("health reported the stalled consumer during the outage").isTrue();
        // a reader meanwhile was told the figures are unavailable for now, not that the service broke
        assertThat(unavailable.statusCode()).as(unavailable.asString()).isEqualTo(503);
        assertThat(unavailable.contentType()).startsWith("application/problem+json");
        assertThat(unavailable.header("Retry-After")).isEqualTo("5");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Api.atEnd("asOf=" + DAY, "otherMembers") - base == sent.get());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().get(management.resolve("/q/health/ready")).then().extract().statusCode()).isEqualTo(200));
        // and nothing was counted twice
        assertThat(Api.atEnd("asOf=" + DAY, "otherMembers") - base).isEqualTo(sent.get());
    }

    private void reopen(String admin, String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(admin, username, password); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE \"" + database + "\" ALLOW_CONNECTIONS true");
        }
    }
}
