package org.zhijiao.gateway.proxy;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.zhijiao.commons.problem.ProblemType;
import org.zhijiao.commons.web.RequestGuards;
import org.zhijiao.gateway.GatewayConfig;
import org.zhijiao.gateway.ratelimit.RateLimiter;
import org.zhijiao.gateway.token.TokenVerifier;
import org.zhijiao.gateway.token.VerifiedCaller;

/**
 * Routes each configured path prefix to its service on plain Vert.x routes, so bodies stream through
 * without being buffered. Order per request: verify the token (401), take a rate-limit token (429),
 * check the service's breaker (503), then forward (502 on connection failure, 504 past the timeout).
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    TokenVerifier verifier;

    @Inject
    RateLimiter limiter;

    @Inject
    ProblemWriter problems;

    @Inject
    ClientAddresses addresses;

    @Inject
    MeterRegistry registry;

    private final List<Upstream> upstreams = new ArrayList<>();
    private List<Pattern> publicPaths = List.of();

    void register(@Observes Router router) {
        publicPaths = config.publicPaths().orElse(List.of()).stream().map(Pattern::compile).toList();
        for (Map.Entry<String, GatewayConfig.Upstream> entry : config.services().entrySet()) {
            Upstream upstream = upstream(entry.getKey(), entry.getValue());
            upstreams.add(upstream);
            for (String prefix : entry.getValue().prefixes()) {
                String path = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
                router.route(path).handler(rc -> handle(rc, upstream));
                router.route(path + "/*").handler(rc -> handle(rc, upstream));
                LOG.debugf("Routing %s/** to %s (%s)", path, upstream.name(), entry.getValue().url());
            }
        }
    }

    private boolean isPublic(HttpServerRequest request) {
        return (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD)
                && publicPaths.stream().anyMatch(p -> p.matcher(request.path()).matches());
    }

    void close(@Observes ShutdownEvent shutdown) {
        upstreams.forEach(upstream -> upstream.client().close());
    }

    private Upstream upstream(String name, GatewayConfig.Upstream settings) {
        URI url = settings.url();
        boolean tls = "https".equalsIgnoreCase(url.getScheme());
        HttpClientOptions options = new HttpClientOptions()
                .setDefaultHost(url.getHost())
                .setDefaultPort(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setKeepAlive(true)
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                // a response that stops mid-body frees its connection after this long
                .setIdleTimeout((int) Math.max(1, settings.timeout().toSeconds() * 6))
                .setName("gateway-" + name);
        CircuitBreaker breaker = new CircuitBreaker(settings.breakerFailureThreshold(), settings.breakerOpenFor());
        Gauge.builder("zhijiao_gateway_breaker_open", breaker, b -> b.state() == CircuitBreaker.State.CLOSED ? 0 : 1)
                .tag("service", name)
                .description("1 while the circuit breaker towards the service is open or half-open")
                .register(registry);
        return new Upstream(name, settings,
                vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(settings.maxConnections())), breaker);
    }

    private void handle(RoutingContext rc, Upstream upstream) {
        HttpServerRequest request = rc.request();
        request.pause(); // until the upstream is ready to take the body
        int headerSize = RequestGuards.headerSize(request.headers());
        if (headerSize > RequestGuards.MAX_HEADER_SIZE) {
            problems.send(rc, ProblemType.HEADERS_TOO_LARGE, RequestGuards.headersTooLargeDetail(headerSize));
            return;
        }
        if (request.getHeader("Authorization") == null && isPublic(request)) {
            String anonymous = "anonymous:" + addresses.of(request);
            if (!limiter.admit(anonymous, limiter.limitFor(Set.of(), null), rc.response())) {
                problems.send(rc, ProblemType.RATE_LIMITED, "Rate limit for anonymous readers exceeded; retry after "
                        + rc.response().headers().get("Retry-After") + " s");
                return;
            }
            new Exchange(rc, upstream, null, vertx, problems).start();
            return;
        }
        verifier.verify(request.getHeader("Authorization")).onComplete(verified -> {
            if (verified.failed()) {
                LOG.errorf(verified.cause(), "Token verification failed unexpectedly");
                problems.send(rc, ProblemType.INTERNAL, "Unexpected error; quote the request id when reporting it");
                return;
            }
            Optional<VerifiedCaller> caller = verified.result();
            if (caller.isEmpty()) {
                rc.response().putHeader("WWW-Authenticate", "Bearer");
                problems.send(rc, ProblemType.UNAUTHORIZED, "A valid bearer token is required");
                return;
            }
            VerifiedCaller c = caller.get();
            if (!limiter.admit(c.clientId(), limiter.limitFor(c.roles(), c.rateLimit()), rc.response())) {
                problems.send(rc, ProblemType.RATE_LIMITED, "Rate limit of client " + c.clientId() + " exceeded; retry after "
                        + rc.response().headers().get("Retry-After") + " s");
                return;
            }
            new Exchange(rc, upstream, c.authorization(), vertx, problems).start();
        });
    }
}
