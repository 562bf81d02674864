package org.zhijiao.reporting.projection;

import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.zhijiao.commons.consumer.Backoff;
import org.zhijiao.commons.consumer.Failures;
import org.zhijiao.commons.consumer.MalformedEventException;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.commons.tracing.ConsumedTraces;
import org.zhijiao.reporting.events.EventData;
import org.zhijiao.reporting.events.EventReader;
import org.zhijiao.reporting.events.IncomingEvent;
import org.zhijiao.reporting.events.TopicContracts;

/**
 * Applies the projected topics (group {@code reporting-projections}): one plain Kafka consumer per
 * replica (sharing the partitions with other replicas) splits what a poll returned into {@code lanes}
 * by organization — an organization's own events, its memberships' and everything else keyed by
 * aggregate — and applies the lanes in parallel, each in one transaction ({@link ProjectionApplier})
 * appending its counter entries to the pending ones, then commits the offsets once every lane has
 * committed. Lanes never meet on an organization's rows (its events and its memberships' arrive on
 * different partitions, so consumers split by partition would wait on each other's locks) nor on
 * counter rows (they only append; the folder adds to the counters).
 * All events of one aggregate in a poll go to one lane, so its versions are applied in one
 * transaction. A malformed record goes to {@code zhijiao.reporting.dlq} with the reason in its
 * {@code dead-letter-reason} header, and the rest of its batch is applied. Any other failure
 * (PostgreSQL away, a deadlock) retries that lane's batch with back-off for as long as it takes:
 * nothing is skipped and the consumer never gives up; the health check reports it as stalled meanwhile.
 *
 * <p>Polls are pipelined: while the lanes apply one poll, the polling thread fetches and reads the next (its
 * JSON parsing overlaps the database's work); that poll's lanes start once the previous one's committed,
 * so polls are applied one after the other, in order, as before.
 */
@ApplicationScoped
public class ProjectionConsumer {

    private static final Logger LOG = Logger.getLogger(ProjectionConsumer.class);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    @Inject
    EventReader reader;

    @Inject
    ProjectionApplier applier;

    @Inject
    KafkaSettings settings;

    @Inject
    Clock clock;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "zhijiao.reporting.consumer.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "zhijiao.reporting.consumer.lanes", defaultValue = "1")
    int lanes;

    private volatile boolean running;
    /** The polling thread; null while the consumer is disabled. Read by the health check. */
    private volatile Worker worker;
    private KafkaProducer<String, String> deadLetters;
    /** Applies the lanes of a poll, while the polling thread reads the next one. */
    private ExecutorService laneThreads;

    void start(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        running = true;
        deadLetters = new KafkaProducer<>(settings.deadLetterProducer(), new StringSerializer(), new StringSerializer());
        AtomicInteger laneNumber = new AtomicInteger();
        laneThreads = Executors.newFixedThreadPool(Math.max(1, lanes), r -> {
            Thread thread = new Thread(r, "projection-lane-" + laneNumber.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
        worker = new Worker();
        worker.thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.wakeup();
            try {
                worker.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (laneThreads != null) {
            laneThreads.shutdownNow();
        }
        if (deadLetters != null) {
            deadLetters.close(Duration.ofSeconds(2));
        }
    }

    /** How the consumer is doing (its polling thread and lanes together), for the health check. */
    public List<WorkerState> states() {
        Worker w = worker;
        return w == null ? List.of() : List.of(new WorkerState(w.thread.getName(), w.thread.isAlive(), w.failingSince,
                w.lastError, w.lastApplied));
    }

    public boolean enabled() {
        return enabled;
    }

    /** A consumer's state: failing since when (null when fine), its last error, its last applied poll. */
    public record WorkerState(String name, boolean alive, Instant failingSince, String lastError, Instant lastApplied) {
    }

    private final class Worker implements Runnable {
        final Thread thread;
        volatile KafkaConsumer<String, String> consumer;
        volatile Instant failingSince;
        volatile String lastError;
        volatile Instant lastApplied;
        /** The poll whose lanes are applying while the next is read; only the polling thread uses it. */
        private Applying applying;

        Worker() {
            thread = new Thread(this, "projection-consumer");
            thread.setDaemon(true);
        }

        void wakeup() {
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                current.wakeup();
            }
            thread.interrupt();
        }

        @Override
        public void run() {
            Duration backoff = BACKOFF.first();
            while (running) {
                try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(settings.projectionConsumer(),
                        new StringDeserializer(), new StringDeserializer())) {
                    consumer = kafka;
                    kafka.subscribe(Topics.ALL);
                    while (running) {
                        // while a poll is being applied, take what the next fetch already brought, without waiting
                        ConsumerRecords<String, String> records = kafka.poll(applying == null ? Duration.ofMillis(500)
                                : Duration.ZERO);
                        Batch next = records.isEmpty() ? null : read(records);
                        Applying previous = applying;
                        applying = null;
                        boolean committed;
                        try {
                            committed = previous == null || commit(kafka, previous);
                        } catch (RuntimeException e) {
                            abandon(next);
                            throw e;
                        }
                        if (!committed) {
                            abandon(next);
                            break; // shutting down: left uncommitted, redelivered to whoever consumes next
                        }
                        applying = next == null ? null : apply(next);
                        backoff = BACKOFF.first();
                    }
                } catch (WakeupException e) {
                    // shutting down
                } catch (RuntimeException e) {
                    if (!running) {
                        break;
                    }
                    failing(e);
                    LOG.warnf(e, "Projection consumer failed; starting again in %s", backoff);
                    pause(backoff);
                    backoff = BACKOFF.after(backoff);
                } finally {
                    consumer = null;
                    settle();
                }
            }
        }

        /**
         * Before the consumer is made anew (or stops): waits for the batch still applying, so that polls stay one after
         * the other; its offsets are not committed (the new consumer reads it again, and it changes nothing).
         */
        private void settle() {
            Applying unfinished = applying;
            applying = null;
            if (unfinished == null) {
                return;
            }
            for (Future<Boolean> lane : unfinished.lanes()) {
                try {
                    finished(lane);
                } catch (RuntimeException e) {
                    LOG.debugf("A lane of the unfinished poll failed: %s", Failures.rootMessage(e));
                }
            }
            unfinished.batch().traces().abandoned("Not committed: the consumer is made anew; the records are redelivered");
        }

        /** A poll read but not applied: its records come again to whoever consumes next. */
        private void abandon(Batch batch) {
            if (batch != null) {
                batch.traces().abandoned("Not applied: the consumer stopped; the records are redelivered");
            }
        }

        /** A poll read: its events by lane, the dead-lettered positions, the offsets to commit once it is applied. */
        private record Batch(int records, List<List<IncomingEvent>> byLane, List<ProjectionApplier.Position> malformed,
                Map<TopicPartition, OffsetAndMetadata> offsets, ConsumedTraces traces, long oldestAgeMs) {
        }

        /** A batch whose lanes are applying, since {@code started} ({@link System#nanoTime()}). */
        private record Applying(Batch batch, List<Future<Boolean>> lanes, long started) {
        }

        /** Reads a poll's records (dead-lettering the malformed ones) and splits its events into lanes. */
        private Batch read(ConsumerRecords<String, String> records) {
            List<IncomingEvent> events = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
            List<ProjectionApplier.Position> malformed = new ArrayList<>();
            long oldest = clock.millis();
            for (ConsumerRecord<String, String> record : records) {
                if (record.timestamp() >= 0) { // RecordBatch.NO_TIMESTAMP is -1
                    oldest = Math.min(oldest, record.timestamp());
                }
                offsets.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
                try {
                    events.add(reader.read(record.topic(), record.partition(), record.offset(), record.key(),
                            record.value()));
                } catch (MalformedEventException e) {
                    deadLetter(record, e.getMessage());
                    malformed.add(new ProjectionApplier.Position(record.topic(), record.partition(), record.offset(),
                            null));
                }
            }
            return new Batch(records.count(), split(events), malformed, offsets,
                    ConsumedTraces.start(tracer, "apply", records), Math.max(0, clock.millis() - oldest));
        }

        /** Starts applying a batch's lanes, each in its own transaction (the dead-lettered positions with lane 0). */
        private Applying apply(Batch batch) {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int lane = 0; lane < batch.byLane().size(); lane++) {
                List<IncomingEvent> laneEvents = batch.byLane().get(lane);
                List<ProjectionApplier.Position> positions = lane == 0 ? batch.malformed() : List.of();
                int number = lane;
                futures.add(laneThreads.submit(() -> applyLane(laneEvents, positions, number)));
            }
            return new Applying(batch, futures, System.nanoTime());
        }

        /** Waits until every lane of the batch committed, then commits its offsets; false when the consumer stopped first. */
        private boolean commit(KafkaConsumer<String, String> kafka, Applying applying) {
            Batch batch = applying.batch();
            boolean applied = true;
            RuntimeException failure = null;
            for (Future<Boolean> lane : applying.lanes()) {
                try {
                    applied &= finished(lane);
                } catch (RuntimeException e) {
                    failure = e; // the other lanes still finish first
                }
            }
            if (failure != null) {
                batch.traces().abandoned("Not applied: " + Failures.rootMessage(failure));
                throw failure;
            }
            if (!applied) {
                batch.traces().abandoned("Not applied: the consumer stopped; the records are redelivered");
                return false;
            }
            LOG.debugf("Poll of %d records in %d lanes committed in %d ms (read %d ms after its oldest was sent)",
                    batch.records(), applying.lanes().size(), (System.nanoTime() - applying.started()) / 1_000_000,
                    batch.oldestAgeMs());
            batch.traces().committed("Applied to the projections");
            lastApplied = clock.instant();
            failingSince = null;
            try {
                kafka.commitSync(batch.offsets());
            } catch (WakeupException e) {
                throw e;
            } catch (RuntimeException e) {
                // the partitions moved on meanwhile: their new owner starts from the last commit, and what this
                // batch applied changes nothing when it comes again (no version in it is newer than the stored one)
                LOG.infof("Offsets not committed (%s); the applied events change nothing when redelivered", e.getMessage());
            }
            return true;
        }

        /**
         * Applies one lane's events (and the dead-lettered positions, lane 0) in one transaction,
         * retrying with back-off until it commits; false when the consumer stops first.
         */
        private boolean applyLane(List<IncomingEvent> events, List<ProjectionApplier.Position> malformed, int lane) {
            if (events.isEmpty() && malformed.isEmpty()) {
                return true;
            }
            Duration backoff = BACKOFF.first();
            while (running) {
                try {
                    long started = System.nanoTime();
                    int newer = applier.applyConsumed(events, malformed);
                    LOG.debugf("Lane %d: %d events (%d newer) committed in %d ms", lane, events.size(), newer,
                            (System.nanoTime() - started) / 1_000_000);
                    return true;
                } catch (RuntimeException e) {
                    failing(e);
                    LOG.warnf("Applying %d events failed (%s); retrying in %s", events.size(), Failures.rootMessage(e), backoff);
                    pause(backoff);
                    backoff = BACKOFF.after(backoff);
                }
            }
            return false;
        }

        private boolean finished(Future<Boolean> lane) {
            try {
                return lane.get();
            } catch (InterruptedException e) {
                return false; // shutting down
            } catch (ExecutionException e) {
                throw new IllegalStateException("A lane failed", e.getCause());
            }
        }

        private void deadLetter(ConsumerRecord<String, String> record, String reason) {
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
            ProducerRecord<String, String> dead = new ProducerRecord<>(TopicContracts.DEAD_LETTERS, record.key(), record.value());
            // the original headers too: its traceparent leads from the dead letter to the request that wrote it
            record.headers().forEach(header -> dead.headers().add(header));
            dead.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dead-letter-partition",
                    String.valueOf(record.partition()).getBytes(StandardCharsets.UTF_8));
            dead.headers().add("dead-letter-offset", String.valueOf(record.offset()).getBytes(StandardCharsets.UTF_8));
            Duration backoff = BACKOFF.first();
            while (running) {
                try {
                    deadLetters.send(dead).get();
                    return;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    failing(e);
                    pause(backoff);
                    backoff = BACKOFF.after(backoff);
                }
            }
        }

        private void failing(Exception e) {
            if (failingSince == null) {
                failingSince = clock.instant();
            }
            lastError = Failures.rootMessage(e);
        }

        private void pause(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                // shutting down: the loops look at running
            }
        }
    }

    /**
     * The poll's events by lane: by organization where the event has one (an organization's, its
     * memberships'), else by aggregate; every event of one aggregate in the lane of its first.
     */
    List<List<IncomingEvent>> split(List<IncomingEvent> events) {
        List<List<IncomingEvent>> byLane = new ArrayList<>();
        for (int i = 0; i < Math.max(1, lanes); i++) {
            byLane.add(new ArrayList<>());
        }
        Map<ProjectionApplier.Ref, Integer> laneOf = new HashMap<>();
        for (IncomingEvent e : events) {
            int lane = laneOf.computeIfAbsent(new ProjectionApplier.Ref(e.topic(), e.data().key()),
                    ref -> Math.floorMod(affinity(e).hashCode(), byLane.size()));
            byLane.get(lane).add(e);
        }
        return byLane;
    }

    private static String affinity(IncomingEvent e) {
        return e.data() instanceof EventData.Membership membership ? membership.organizationId() : e.data().key();
    }

}
