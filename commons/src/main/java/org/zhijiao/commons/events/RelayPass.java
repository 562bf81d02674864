package org.zhijiao.commons.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.zhijiao.commons.tracing.TraceContexts;

/**
 * Sends one batch of outbox rows so that no event of an aggregate reaches Kafka before the earlier
 * ones of the same aggregate were acknowledged: the batch goes out in waves, each wave holding the
 * oldest unsent row of every aggregate, and the next wave starts only when the previous one is
 * acknowledged. Rows of different aggregates travel together, so a batch of distinct aggregates is
 * one wave.
 *
 * <p>The first failure that may pass (Kafka away, a timeout) ends the batch: nothing more is sent,
 * what is in flight is awaited, and the failed row and everything after it stay for the next pass.
 * A row Kafka will never take (too large, invalid) is returned as parked, so it stops blocking its
 * aggregate and the batch goes on. No new send starts after {@code deadline}; sends already started
 * finish within the producer's delivery timeout, so nothing is still in flight when the pass ends.
 */
final class RelayPass {

    /** A row to send, in outbox order, with the W3C trace context to put in its headers (null: none). */
    record Row(long seq, String eventId, String topic, String key, String payload, String traceparent,
            String tracestate) {
    }

    /** A row Kafka refused for good, with the reason. */
    record Parked(Row row, String error) {
    }

    /** What became of a batch: acknowledged rows, parked rows, and the failure that ended it early, if any. */
    record Outcome(List<Row> delivered, List<Parked> parked, RuntimeException failure, boolean deadlineReached) {
    }

    private final Producer<String, String> producer;
    private final Duration awaitLimit;
    private final LongSupplier nanoClock;
    private final BooleanSupplier keepSending;

    /**
     * @param awaitLimit how long to wait for one acknowledgement at most; the producer's own delivery
     *        timeout should end every send before this.
     * @param keepSending false once the service is stopping: no new send starts, as after the deadline
     */
    RelayPass(Producer<String, String> producer, Duration awaitLimit, LongSupplier nanoClock,
            BooleanSupplier keepSending) {
        this.producer = producer;
        this.awaitLimit = awaitLimit;
        this.nanoClock = nanoClock;
        this.keepSending = keepSending;
    }

    Outcome send(List<Row> batch, Duration budget) {
        long deadline = nanoClock.getAsLong() + budget.toNanos();
        Map<String, Deque<Row>> byAggregate = new LinkedHashMap<>();
        for (Row row : batch) {
            byAggregate.computeIfAbsent(row.topic() + '\u0000' + row.key(), k -> new ArrayDeque<>()).add(row);
        }
        List<Row> delivered = new ArrayList<>(batch.size());
        List<Parked> parked = new ArrayList<>();
        RuntimeException failure = null;
        boolean deadlineReached = false;
        while (failure == null && !byAggregate.isEmpty()) {
            List<Row> wave = new ArrayList<>(byAggregate.size());
            List<Future<RecordMetadata>> sends = new ArrayList<>(byAggregate.size());
            for (Deque<Row> rows : byAggregate.values()) {
                if (nanoClock.getAsLong() - deadline >= 0 || !keepSending.getAsBoolean()) {
                    deadlineReached = true;
                    break;
                }
                Row row = rows.peek();
                Future<RecordMetadata> sent;
                try {
                    sent = producer.send(record(row));
                } catch (RuntimeException e) {
                    sent = null;
                    if (!refusedForGood(e)) {
                        failure = failed(row, e);
                        break;
                    }
                    parked.add(new Parked(row, e.toString()));
                    rows.poll();
                    continue;
                }
                wave.add(row);
                sends.add(sent);
            }
            for (int i = 0; i < wave.size(); i++) {
                Row row = wave.get(i);
                Deque<Row> rows = byAggregate.get(row.topic() + '\u0000' + row.key());
                Throwable error = awaitAck(sends.get(i));
                if (error == null) {
                    delivered.add(row);
                    rows.poll();
                } else if (refusedForGood(error)) {
                    parked.add(new Parked(row, error.toString()));
                    rows.poll();
                } else if (failure == null) {
                    failure = failed(row, error);
                }
            }
            byAggregate.values().removeIf(Deque::isEmpty);
            if (deadlineReached) {
                break;
            }
        }
        return new Outcome(delivered, parked, failure, deadlineReached);
    }

    private Throwable awaitAck(Future<RecordMetadata> sent) {
        try {
            sent.get(awaitLimit.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() != null ? e.getCause() : e;
        } catch (TimeoutException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e;
        }
    }

    private static ProducerRecord<String, String> record(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        if (row.traceparent() != null) {
            record.headers().add(TraceContexts.TRACEPARENT, row.traceparent().getBytes(StandardCharsets.UTF_8));
            if (row.tracestate() != null) {
                record.headers().add(TraceContexts.TRACESTATE, row.tracestate().getBytes(StandardCharsets.UTF_8));
            }
        }
        return record;
    }

    /** Errors about the record itself: sending it again can never succeed. */
    static boolean refusedForGood(Throwable error) {
        return error instanceof RecordTooLargeException
                || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException;
    }

    private static RuntimeException failed(Row row, Throwable error) {
        return new IllegalStateException("Kafka did not acknowledge event " + row.eventId() + ": " + error, error);
    }
}
