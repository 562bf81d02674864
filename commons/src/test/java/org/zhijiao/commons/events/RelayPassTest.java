package org.zhijiao.commons.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.RelayPass.Row;

class RelayPassTest {

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aggregatesEventsGoOutOneAtATimeAndOtherAggregatesTravelTogether() {
        FlakyProducer kafka = new FlakyProducer(Set.of(), Set.of());
        var outcome = new RelayPass(kafka, Duration.ofSeconds(1), nanos::get, () -> true)
                .send(List.of(row(1, "A", 0), row(2, "A", 1), row(3, "B", 0), row(4, "A", 2)), Duration.ofSeconds(10));

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.delivered()).extracting(Row::seq).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
        assertThat(kafka.published()).containsExactly("A/0", "B/0", "A/1", "A/2");
    }

    @Test
    void aFailedSendStopsTheBatchSoNoLaterVersionOvertakesIt() {
        FlakyProducer kafka = new FlakyProducer(Set.of("A/3"), Set.of());
        var outcome = new RelayPass(kafka, Duration.ofSeconds(1), nanos::get, () -> true)
                .send(List.of(row(1, "A", 3), row(2, "B", 0), row(3, "A", 4), row(4, "C", 0)), Duration.ofSeconds(10));

        assertThat(outcome.failure()).hasMessageContaining("A-3");
        assertThat(kafka.published()).doesNotContain("A/4");
        assertThat(outcome.delivered()).extracting(Row::seq).doesNotContain(1L, 3L);
        assertThat(outcome.parked()).isEmpty();
    }

    @Test
    void aRecordKafkaNeverTakesIsParkedAndTheRestFlows() {
        FlakyProducer kafka = new FlakyProducer(Set.of(), Set.of("A/3"));
        var outcome = new RelayPass(kafka, Duration.ofSeconds(1), nanos::get, () -> true)
                .send(List.of(row(1, "A", 3), row(2, "B", 0), row(3, "A", 4)), Duration.ofSeconds(10));

        assertThat(outcome.failure()).isNull();
        assertThat(outcome.parked()).singleElement().satisfies(p -> {
            assertThat(p.row().seq()).isEqualTo(1L);
            assertThat(p.error()).contains("RecordTooLargeException");
        });
        assertThat(outcome.delivered()).extracting(Row::seq).containsExactlyInAnyOrder(2L, 3L);
        assertThat(kafka.published()).containsExactly("B/0", "A/4");
    }

    @Test
    void noSendStartsAfterTheDeadline() {
        FlakyProducer kafka = new FlakyProducer(Set.of(), Set.of());
        kafka.onSend = () -> nanos.addAndGet(Duration.ofSeconds(4).toNanos()); // each send blocks 4 s
        List<Row> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(row(i, "K" + i, 0));
        }
        var outcome = new RelayPass(kafka, Duration.ofSeconds(1), nanos::get, () -> true).send(batch, Duration.ofSeconds(10));

        assertThat(outcome.deadlineReached()).isTrue();
        assertThat(kafka.published()).hasSize(3);
        assertThat(outcome.delivered()).hasSize(3);
    }

    @Test
    void theTraceContextOfTheChangeTravelsInTheRecordHeaders() {
        FlakyProducer kafka = new FlakyProducer(Set.of(), Set.of());
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        new RelayPass(kafka, Duration.ofSeconds(1), nanos::get, () -> true).send(List.of(
                new Row(1, "A-0", "topic", "A", "A/0", traceparent, "vendor=1"), row(2, "B", 0)), Duration.ofSeconds(10));

        assertThat(kafka.history()).hasSize(2);
        assertThat(header(kafka.history().get(0), "traceparent")).isEqualTo(traceparent);
        assertThat(header(kafka.history().get(0), "tracestate")).isEqualTo("vendor=1");
        assertThat(kafka.history().get(1).headers().lastHeader("traceparent")).isNull();
    }

    private static String header(ProducerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static Row row(long seq, String aggregate, int version) {
        return new Row(seq, aggregate + "-" + version, "topic", aggregate, aggregate + "/" + version, null, null);
    }

    /** Acknowledges at once, except the payloads it is told to fail. */
    private static final class FlakyProducer extends MockProducer<String, String> {

        private final Set<String> failing;
        private final Set<String> tooLarge;
        private Runnable onSend = () -> { };

        FlakyProducer(Set<String> failing, Set<String> tooLarge) {
            super(true, null, new StringSerializer(), new StringSerializer());
            this.failing = failing;
            this.tooLarge = tooLarge;
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<String, String> record, Callback callback) {
            onSend.run();
            if (failing.contains(record.value())) {
                return CompletableFuture.failedFuture(new NetworkException("broker away"));
            }
            if (tooLarge.contains(record.value())) {
                return CompletableFuture.failedFuture(new RecordTooLargeException("too large"));
            }
            return super.send(record, callback);
        }

        List<String> published() {
            return history().stream().map(ProducerRecord::value).toList();
        }

    }
}
