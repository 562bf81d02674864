package org.zhijiao.commons.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch's consumer spans end when it commits, and as errors when it does not. */
class ConsumedTracesTest {

    private static final String SAMPLED = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final String UNSAMPLED = "00-5bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final Tracer tracer = provider.get("test");

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aCommittedBatchEndsTheSpansOfItsSampledRecordsInTheirTraces() {
        ConsumedTraces traces = ConsumedTraces.start(tracer, "apply", batch());
        assertThat(exporter.getFinishedSpanItems()).isEmpty();

        traces.committed("Applied");

        List<SpanData> spans = exporter.getFinishedSpanItems();
        assertThat(spans).singleElement().satisfies(span -> {
            assertThat(span.getName()).isEqualTo("zhijiao.test apply");
            assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
            assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        });
    }

    @Test
    void aBatchLeftUncommittedEndsItsSpansAsErrorsSayingWhy() {
        ConsumedTraces traces = ConsumedTraces.start(tracer, "apply", batch());

        traces.abandoned("stopped");

        assertThat(exporter.getFinishedSpanItems()).singleElement().satisfies(span -> {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getStatus().getDescription()).isEqualTo("stopped");
        });
    }

    /** A sampled record, an unsampled one and one without a trace context. */
    private static List<ConsumerRecord<String, String>> batch() {
        return List.of(record(0, SAMPLED), record(1, UNSAMPLED), record(2, null));
    }

    private static ConsumerRecord<String, String> record(long offset, String traceparent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("zhijiao.test", 0, offset, "key", "{}");
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }
}
