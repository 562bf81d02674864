package org.zhijiao.commons.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.Logger;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) where it crosses a hop that no
 * instrumentation covers: into an outbox row, from the row into the Kafka record's headers, from a
 * record read by a plain Kafka consumer, and into problem bodies.
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    /**
     * One DEBUG line per hop a traced change takes (gateway, outbox, relay, consumers), carrying the trace
     * id in the MDC: enable {@code quarkus.log.category."org.zhijiao.tracing".level=DEBUG} to follow a
     * trace through the logs without a collector.
     */
    public static final Logger HOPS = Logger.getLogger("org.zhijiao.tracing");

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceContexts() {
    }

    /** A trace context as W3C header values; {@code traceparent} is null when there was no valid span. */
    public record W3cContext(String traceparent, String tracestate) {
    }

    /** The current span's context, to store beside an event (null traceparent outside a trace). */
    public static W3cContext current() {
        return of(Context.current());
    }

    public static W3cContext of(Context context) {
        Map<String, String> carrier = new HashMap<>(4);
        W3C.inject(context, carrier, (map, key, value) -> map.put(key, value));
        return new W3cContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /** The remote context stored as {@code traceparent}/{@code tracestate}; the root context when absent or invalid. */
    public static Context extract(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>(4);
        carrier.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            carrier.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), carrier, MAP);
    }

    /** The remote context a Kafka record carries in its headers; the root context when it carries none. */
    public static Context extract(Headers headers) {
        if (headers == null || headers.lastHeader(TRACEPARENT) == null) {
            return Context.root();
        }
        return W3C.extract(Context.root(), headers, KAFKA_HEADERS);
    }

    /** The current trace id, for problem bodies; null outside a trace. */
    public static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
