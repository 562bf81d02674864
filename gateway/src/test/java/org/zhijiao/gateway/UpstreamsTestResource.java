package org.zhijiao.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.zhijiao.stack.JwtKeys;
import org.zhijiao.stack.LaunchedService;
import org.zhijiao.stack.LocalStack;
import org.zhijiao.testing.LocalStackTestResource;

/**
 * What stands behind the gateway in tests: the real membership-service (its built jar, as a child
 * process on the stack's PostgreSQL and Kafka), a stand-in upstream that echoes what it received or
 * answers too late, an address where nothing listens, and the key pair of a pretend external OIDC
 * issuer. Everything the tests need to know is handed over as configuration ({@code test.*}).
 */
public class UpstreamsTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String EXTERNAL_ISSUER = "https://idp.example.test/realms/zhijiao";
    public static final Duration SLOW_ROUTE_TIMEOUT = Duration.ofMillis(500);
    /** Burst of token requests per source address: enough for the whole suite from 127.0.0.1. */
    public static final int TOKEN_REQUESTS_PER_ADDRESS = 200;

    private LaunchedService membership;
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        LocalStack stack = LocalStackTestResource.stack();
        Path repository = Path.of("").toAbsolutePath().getParent();
        try {
            Files.createDirectories(Path.of("target"));
            membership = LaunchedService.start("membership", repository, stack,
                    LocalStackTestResource.databaseName("membership"), Path.of("target/membership-service.log").toAbsolutePath(),
                    Duration.ofSeconds(90));
            Path externalKeys = Files.createTempDirectory(Path.of("target"), "external-idp");
            JwtKeys external = JwtKeys.loadOrCreate(externalKeys);
            vertx = Vertx.vertx();
            HttpServer echo = vertx.createHttpServer().requestHandler(this::standIn);
            int echoPort = echo.listen(0).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
            int nothing = freePort();
            int flaky = freePort();

            Map<String, String> config = new HashMap<>();
            config.put("zhijiao.gateway.services.membership.url", membership.url());
            config.put("zhijiao.gateway.services.membership.management-url", membership.managementUrl());
            // not part of this test run: calls to them are refused (502)
            config.put("zhijiao.gateway.services.apprenticeship.url", "http://localhost:" + nothing);
            config.put("zhijiao.gateway.services.reporting.url", "http://localhost:" + nothing);
            config.put("zhijiao.gateway.services.apprenticeship.management-url", "http://localhost:" + nothing);
            config.put("zhijiao.gateway.services.reporting.management-url", "http://localhost:" + nothing);
            config.put("zhijiao.gateway.services.standin.url", "http://localhost:" + echoPort);
            config.put("zhijiao.gateway.services.standin.prefixes", "/api/v1/test-echo");
            config.put("zhijiao.gateway.public-paths", "/api/v1/test-echo/public/[a-z]+");
            // the same stand-in as a service with a short timeout, for the late answers only: a first call to
            // the echo routes on a loaded machine may well take longer than that
            config.put("zhijiao.gateway.services.slow.url", "http://localhost:" + echoPort);
            config.put("zhijiao.gateway.services.slow.prefixes", "/api/v1/test-slow");
            config.put("zhijiao.gateway.services.slow.timeout", SLOW_ROUTE_TIMEOUT.toMillis() + "ms");
            config.put("zhijiao.gateway.services.slow.breaker-failure-threshold", "1000");
            config.put("zhijiao.gateway.services.standin.breaker-failure-threshold", "1000");
            config.put("zhijiao.gateway.services.flaky.url", "http://localhost:" + flaky);
            config.put("zhijiao.gateway.services.flaky.prefixes", "/api/v1/test-flaky");
            config.put("zhijiao.gateway.services.flaky.breaker-failure-threshold", "3");
            config.put("zhijiao.gateway.services.flaky.breaker-open-for", "1s");
            // a service that answers 503 itself (as reporting's freshness does while Kafka is slow)
            config.put("zhijiao.gateway.services.busy.url", "http://localhost:" + echoPort);
            config.put("zhijiao.gateway.services.busy.prefixes", "/api/v1/test-busy");
            config.put("zhijiao.gateway.services.busy.breaker-failure-threshold", "2");
            // every test request comes from this machine; a forwarded address stands for a caller behind the ingress
            config.put("zhijiao.gateway.trusted-proxies", "127.0.0.1/32,::1");
            config.put("zhijiao.gateway.token-endpoint.per-address-capacity", Integer.toString(TOKEN_REQUESTS_PER_ADDRESS));
            config.put("zhijiao.gateway.token-endpoint.per-address-refill-per-second", "20");
            // one bcrypt check at a time, and a short wait for it, make the bound observable
            config.put("zhijiao.gateway.token-endpoint.concurrent-secret-checks", "1");
            config.put("zhijiao.gateway.token-endpoint.secret-check-wait", "150ms");
            config.put("zhijiao.gateway.bootstrap.client-id", Gateway.BOOTSTRAP_ID);
            config.put("zhijiao.gateway.bootstrap.client-secret", Gateway.BOOTSTRAP_SECRET);
            config.put("zhijiao.gateway.external.issuer", EXTERNAL_ISSUER);
            config.put("zhijiao.gateway.external.public-key-location", external.publicKeyPath().toString());
            config.put("zhijiao.gateway.external.roles-claim", "realm_access/roles");
            config.put("zhijiao.gateway.external.organization-claim", "zhijiao_org");
            config.put("test.membership.url", membership.url());
            config.put("test.membership.management-url", membership.managementUrl());
            config.put("test.standin.url", "http://localhost:" + echoPort);
            config.put("test.flaky.port", Integer.toString(flaky));
            config.put("test.external.private-key", external.privateKeyPath().toString());
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("Could not start what stands behind the gateway", e);
        }
    }

    @Override
    public void stop() {
        if (membership != null) {
            membership.close();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private static final AtomicLong CALLS = new AtomicLong();

    /**
     * {@code /__calls}: how many API requests reached it; {@code /api/v1/test-slow}: answers after 5 s;
     * {@code /api/v1/test-busy}: answers 503 at once;
     * {@code .../stream}: streams the request body back; {@code .../hang-up}: reads the body and closes
     * the connection without an answer, as a service killed mid-request; anything else: what it received, as JSON.
     */
    private void standIn(HttpServerRequest request) {
        if (request.path().equals("/__calls")) {
            request.response().end(Long.toString(CALLS.get()));
            return;
        }
        CALLS.incrementAndGet();
        if (request.path().startsWith("/api/v1/test-slow")) {
            vertx.setTimer(5_000, t -> request.response().end("late"));
            return;
        }
        if (request.path().startsWith("/api/v1/test-busy")) {
            request.response().setStatusCode(503).putHeader("Content-Type", "application/json").end("{\"busy\":true}");
            return;
        }
        if (request.path().endsWith("/stream")) {
            request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            request.pipeTo(request.response());
            return;
        }
        if (request.path().endsWith("/hang-up")) {
            request.body().onSuccess(body -> request.connection().close());
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().names().forEach(name -> headers.put(name.toLowerCase(),
                    String.join(",", request.headers().getAll(name))));
            request.response().putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", request.getHeader("X-Request-Id") == null ? "none" : request.getHeader("X-Request-Id"))
                    .end(new JsonObject().put("method", request.method().name()).put("uri", request.uri())
                            .put("headers", headers).put("bodyLength", body.length()).encode());
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
