package org.zhijiao.gateway.proxy;

import io.vertx.core.AsyncResult;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.logging.Logger;
import org.zhijiao.commons.problem.ProblemType;
import org.zhijiao.commons.tracing.TraceContexts;

/**
 * One request forwarded to one upstream. All callbacks run on the request's event loop, so the
 * {@code done} flag needs no lock: whichever of response, timeout, failure or client abort comes
 * first settles the exchange and tells the breaker, exactly once.
 */
final class Exchange {

    private static final Logger LOG = Logger.getLogger(Exchange.class);

    /** RFC 9110 §7.6.1: meaningful for one connection only; never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");

    /** W3C trace context and baggage, as OpenTelemetry propagates them. */
    private static final List<String> TRACE_CONTEXT = List.of(TraceContexts.TRACEPARENT, TraceContexts.TRACESTATE,
            "baggage");

    private final RoutingContext rc;
    private final HttpServerRequest request;
    private final Upstream upstream;
    private final String authorization;
    private final Vertx vertx;
    private final ProblemWriter problems;
    private RequestOptions options;
    private HttpClientRequest upstreamRequest;
    private long timer;
    private boolean done;
    private boolean retried;

    Exchange(RoutingContext rc, Upstream upstream, String authorization, Vertx vertx, ProblemWriter problems) {
        this.rc = rc;
        this.request = rc.request();
        this.upstream = upstream;
        this.authorization = authorization;
        this.vertx = vertx;
        this.problems = problems;
    }

    void start() {
        if (!upstream.breaker().tryAcquire(System.nanoTime())) {
            done = true;
            rc.response().putHeader("Retry-After", Long.toString(upstream.breaker().secondsUntilTrial(System.nanoTime())));
            problems.send(rc, ProblemType.UPSTREAM_UNAVAILABLE, 503,
                    "The " + upstream.name() + " service is failing; the gateway stopped calling it for a moment");
            return;
        }
        timer = vertx.setTimer(upstream.config().timeout().toMillis(), id -> timedOut());
        rc.response().closeHandler(closed -> abandoned());
        options = new RequestOptions()
                .setMethod(request.method())
                .setURI(request.uri())
                .setHeaders(forwardedHeaders());
        TraceContexts.HOPS.debugf("%s %s: forwarding to %s", request.method(), request.path(), upstream.name());
        upstream.client().request(options).onComplete(this::connected);
    }

    private void connected(AsyncResult<HttpClientRequest> connected) {
        if (connected.failed()) {
            failed(connected.cause());
            return;
        }
        upstreamRequest = connected.result();
        if (done) {
            upstreamRequest.reset();
            return;
        }
        boolean hasBody = request.headers().contains(HttpHeaders.CONTENT_LENGTH) || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (hasBody) {
            upstreamRequest.send(request).onComplete(this::answered);
        } else {
            request.resume();
            upstreamRequest.send().onComplete(this::answered);
        }
    }

    private void answered(AsyncResult<HttpClientResponse> answered) {
        if (answered.failed()) {
            failed(answered.cause());
            return;
        }
        HttpClientResponse upstreamResponse = answered.result();
        if (done) {
            return;
        }
        settle();
        int status = upstreamResponse.statusCode();
        // any answer means the service is reachable: a 503 it chooses to give (e.g. reporting's freshness
        // while Kafka is slow) is its answer to one request, not a reason to cut off every tenant
        upstream.breaker().onSuccess();
        HttpServerResponse response = rc.response();
        response.setStatusCode(status);
        copy(upstreamResponse.headers(), response.headers());
        boolean bodyless = status == 204 || status == 304 || request.method() == HttpMethod.HEAD;
        if (!bodyless && !response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            response.setChunked(true);
        }
        upstreamResponse.pipe().endOnFailure(false).to(response).onFailure(e -> {
            LOG.debugf("Response body from %s broke off: %s", upstream.name(), e.getMessage());
            response.reset();
        });
    }

    private void failed(Throwable cause) {
        if (done) {
            return;
        }
        if (!retried && cause instanceof HttpClosedException && isIdempotentWithoutBody()) {
            // a pooled keep-alive connection the service closed just as it was reused: no byte of an answer
            // came back, and repeating a GET is safe, so try once more on a fresh connection
            retried = true;
            upstreamRequest = null;
            upstream.client().request(options).onComplete(this::connected);
            return;
        }
        settle();
        upstream.breaker().onFailure(System.nanoTime());
        LOG.warnf("%s %s: %s unreachable: %s", request.method(), request.path(), upstream.name(), cause.toString());
        problems.send(rc, ProblemType.UPSTREAM_UNAVAILABLE, 502,
                "The " + upstream.name() + " service could not be reached");
    }

    private boolean isIdempotentWithoutBody() {
        HttpMethod method = request.method();
        return (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS)
                && !request.headers().contains(HttpHeaders.CONTENT_LENGTH) && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    private void timedOut() {
        if (done) {
            return;
        }
        done = true;
        upstream.breaker().onFailure(System.nanoTime());
        if (upstreamRequest != null) {
            upstreamRequest.reset();
        }
        LOG.warnf("%s %s: %s did not answer within %s", request.method(), request.path(), upstream.name(),
                upstream.config().timeout());
        problems.send(rc, ProblemType.UPSTREAM_UNAVAILABLE, 504,
                "The " + upstream.name() + " service did not answer within " + upstream.config().timeout().toMillis() + " ms");
    }

    private void abandoned() {
        if (done) {
            return;
        }
        settle();
        upstream.breaker().onAbandoned();
        if (upstreamRequest != null) {
            upstreamRequest.reset();
        }
    }

    private void settle() {
        done = true;
        vertx.cancelTimer(timer);
    }

    private MultiMap forwardedHeaders() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        copy(request.headers(), headers);
        // the caller's trace context was continued by the gateway's span; the HTTP client's tracing sends that instead
        TRACE_CONTEXT.forEach(headers::remove);
        if (authorization != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization);
        }
        String remote = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String forwardedFor = request.getHeader("X-Forwarded-For");
        headers.set("X-Forwarded-For", forwardedFor == null ? remote : forwardedFor + ", " + remote);
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            headers.set("X-Forwarded-Host", request.authority().toString());
        }
        return headers;
    }

    /** Copies end-to-end headers; {@code set}, so a header both sides write (X-Request-Id) is not doubled. */
    private static void copy(MultiMap from, MultiMap to) {
        Set<String> named = connectionOptions(from);
        for (String name : from.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !named.contains(lower)) {
                to.set(name, from.getAll(name));
            }
        }
    }

    /** Headers the {@code Connection} header names are hop-by-hop too. */
    private static Set<String> connectionOptions(MultiMap headers) {
        String connection = headers.get(HttpHeaders.CONNECTION);
        if (connection == null) {
            return Set.of();
        }
        return new HashSet<>(Arrays.asList(connection.toLowerCase(Locale.ROOT).split("\\s*,\\s*")));
    }
}
