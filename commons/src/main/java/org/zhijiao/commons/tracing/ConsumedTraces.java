package org.zhijiao.commons.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The traces a batch polled by a plain Kafka consumer continues, for consumers that apply a whole poll in
 * one transaction. A record whose headers carry a sampled context gets a consumer span, child of that
 * context, from the start of the batch until it committed; a record with an unsampled context gets no span
 * (its trace id still reaches the log line); a record without one costs a header lookup. So the cost
 * follows the sampler, not the event rate.
 */
public final class ConsumedTraces {

    private record Traced(ConsumerRecord<?, ?> record, Context context, Span span) {
    }

    private final List<Traced> traced;

    private ConsumedTraces(List<Traced> traced) {
        this.traced = traced;
    }

    /** Opens the spans of the batch's traced records; {@code operation} names them ({@code <topic> <operation>}). */
    public static ConsumedTraces start(Tracer tracer, String operation, Iterable<? extends ConsumerRecord<?, ?>> records) {
        List<Traced> traced = new ArrayList<>();
        for (ConsumerRecord<?, ?> record : records) {
            Context remote = TraceContexts.extract(record.headers());
            SpanContext parent = Span.fromContext(remote).getSpanContext();
            if (!parent.isValid()) {
                continue;
            }
            Span span = null;
            if (parent.isSampled()) {
                span = tracer.spanBuilder(record.topic() + " " + operation)
                        .setParent(remote)
                        .setSpanKind(SpanKind.CONSUMER)
                        .setAttribute("messaging.system", "kafka")
                        .setAttribute("messaging.destination.name", record.topic())
                        .setAttribute("messaging.destination.partition.id", String.valueOf(record.partition()))
                        .setAttribute("messaging.kafka.offset", record.offset())
                        .startSpan();
            }
            traced.add(new Traced(record, span == null ? remote : remote.with(span), span));
        }
        return new ConsumedTraces(traced);
    }

    /**
     * The batch committed: ends its spans, and logs each traced record at DEBUG ({@link TraceContexts#HOPS})
     * within its own trace, so the line carries the trace id of the change that produced it.
     */
    public void committed(String what) {
        boolean log = TraceContexts.HOPS.isDebugEnabled();
        for (Traced t : traced) {
            if (log) {
                try (Scope scope = t.context().makeCurrent()) {
                    TraceContexts.HOPS.debugf("%s: %s-%d@%d, key %s", what, t.record().topic(), t.record().partition(),
                            t.record().offset(), t.record().key());
                }
            }
            if (t.span() != null) {
                t.span().end();
            }
        }
    }

    /**
     * The batch was not committed (the consumer stopped first; whoever consumes next applies it again): ends
     * its spans as errors saying why, so the traces show the attempt instead of losing it.
     */
    public void abandoned(String why) {
        for (Traced t : traced) {
            if (t.span() != null) {
                t.span().setStatus(StatusCode.ERROR, why);
                t.span().end();
            }
        }
    }
}
