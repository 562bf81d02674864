package org.zhijiao.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.TraceParents;

/**
 * The apply of an event joins the trace of the change it comes from: a record whose {@code traceparent}
 * is sampled is applied in a consumer span, child of that context; an unsampled one costs no span.
 */
@QuarkusTest
class ApplyTracingTest {

    /** Finished spans of this test application (instead of an OTLP collector). */
    @Singleton
    static class SpansInMemory {
        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aSampledEventIsAppliedInASpanOfItsTraceAndAnUnsampledOneCostsNoSpan() {
        UUID organization = UUID.randomUUID();
        String unsampledTrace = TraceParents.traceId();
        String sampledTrace = TraceParents.traceId();
        String relaySpan = TraceParents.spanId();
        // same key, same partition: when version 1 has been applied, version 0 was applied before or with it
        Events.send(Topics.ORGANIZATIONS, Events.organization(organization, "ENTERPRISE", null, List.of(), "青岛市", "CN", 0),
                TraceParents.of(unsampledTrace, TraceParents.spanId(), false));
        Events.send(Topics.ORGANIZATIONS, Events.organization(organization, "ENTERPRISE", null, List.of(), "青岛市", "CN", 1),
                TraceParents.of(sampledTrace, relaySpan, true));

        SpanData apply = await().atMost(Duration.ofSeconds(60)).until(() -> spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(sampledTrace)).findFirst().orElse(null), s -> s != null);

        assertThat(apply.getName()).isEqualTo(Topics.ORGANIZATIONS + " apply");
        assertThat(apply.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(apply.getParentSpanId()).isEqualTo(relaySpan);
        assertThat(apply.getParentSpanContext().isRemote()).isTrue();
        assertThat(spans.getFinishedSpanItems()).noneMatch(s -> s.getTraceId().equals(unsampledTrace));
    }
}
