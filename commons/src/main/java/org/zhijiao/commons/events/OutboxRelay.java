package org.zhijiao.commons.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.zhijiao.commons.consumer.Backoff;
import org.zhijiao.commons.tracing.TraceContexts;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes them once Kafka has acknowledged
 * them. Woken right after each commit that wrote events, and polling as a safety net. When Kafka is
 * unreachable the rows simply stay, and are sent, in order, when it returns.
 *
 * <p>With several replicas a PostgreSQL advisory lock lets one relay at a time publish, which keeps
 * each aggregate's events in order; a pass never outlives the transaction holding that lock
 * ({@code zhijiao.outbox.batch-budget}). Within a pass an aggregate's event is sent only once the
 * previous one was acknowledged, and the first failure ends the pass ({@link RelayPass}), so a later
 * version never reaches a topic before an earlier one. An event Kafka refuses for good is parked
 * (metric {@code zhijiao_outbox_parked}, an ERROR log line) so later events flow. Delivery is at least
 * once: consumers deduplicate by event id and aggregate version.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** After a failed pass (the database or Kafka away), the relay tries again sooner than its poll. */
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5));
    /** Arbitrary but fixed: identifies the relay's advisory lock in each service's own database. */
    private static final long RELAY_LOCK = 0x5A48_4A49_414F_0001L;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    Tracer tracer;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    OutboxSettings settings;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, String> producer;
    private Counter published;
    private Counter failures;
    private Counter parkedCounter;
    private Timer batchTimer;

    void start(@Observes StartupEvent startup) {
        if (!settings.enabled()) {
            LOG.info("Outbox relay disabled (zhijiao.outbox.enabled=false)");
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        published = Counter.builder("zhijiao.outbox.published").description("Events relayed to Kafka")
                .register(registry);
        failures = Counter.builder("zhijiao.outbox.relay.failures").description("Relay attempts that failed")
                .register(registry);
        batchTimer = Timer.builder("zhijiao.outbox.relay.batch").description("Time to relay one batch")
                .publishPercentiles(0.5, 0.99).register(registry);
        parkedCounter = Counter.builder("zhijiao.outbox.parked.events")
                .description("Events Kafka refused for good, parked in the outbox").register(registry);
        Gauge.builder("zhijiao.outbox.parked", parked, AtomicLong::get)
                .description("Parked events waiting for ops (as of the last relay pass)").register(registry);
        Gauge.builder("zhijiao.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka (as of the last relay pass)")
                .register(registry);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (!running) {
            return;
        }
        running = false;
        wakeUps.release();
        try {
            worker.join(transactionTimeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Asks the relay to look for new events now rather than at its next poll. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        Duration backoff = null; // the wait after a failed pass; null after one that relayed
        while (running) {
            try {
                wakeUps.tryAcquire((backoff == null ? settings.pollInterval() : backoff).toMillis(),
                        TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                int relayed;
                do {
                    relayed = relayBatch();
                } while (running && relayed == settings.batchSize());
                backoff = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures.increment();
                backoff = backoff == null ? BACKOFF.first() : BACKOFF.after(backoff);
                LOG.warnf("Outbox relay failed, events stay in the outbox (retry in %d ms): %s",
                        backoff.toMillis(), e.getMessage());
            }
        }
    }

    /** One batch in one transaction; the rows are deleted only if Kafka acknowledged them. */
    int relayBatch() {
        Pass pass = QuarkusTransaction.requiringNew()
                .timeout((int) transactionTimeout().toSeconds())
                .call(this::relayInTransaction);
        if (pass.failure() != null) {
            // what was acknowledged is committed; the rest is retried after a back-off
            throw pass.failure();
        }
        return pass.relayed();
    }

    /**
     * The advisory lock lives as long as the transaction, so the transaction must outlive the
     * longest pass: no send starts after the batch budget, a send blocks at most max.block.ms, and
     * every send started ends within the delivery timeout.
     */
    Duration transactionTimeout() {
        return settings.batchBudget().plus(maxBlock()).plus(awaitLimit()).plusSeconds(30);
    }

    private record Pass(int relayed, RuntimeException failure) {
    }

    private Pass relayInTransaction() {
        Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return new Pass(0, null);
        }
        List<OutboxEvent> batch = em.createQuery("FROM OutboxEvent WHERE parkedAt IS NULL ORDER BY seq",
                        OutboxEvent.class)
                .setMaxResults(settings.batchSize())
                .getResultList();
        if (batch.isEmpty()) {
            pending.set(0);
            return new Pass(0, null);
        }
        long started = System.nanoTime();
        Map<Long, Span> sends = new HashMap<>();
        RelayPass.Outcome outcome;
        try {
            outcome = new RelayPass(producer, awaitLimit(), System::nanoTime, () -> running).send(
                    batch.stream().map(e -> row(e, sends)).toList(), settings.batchBudget());
            outcome.parked().forEach(refused -> {
                Span send = sends.get(refused.row().seq());
                if (send != null) {
                    send.setStatus(StatusCode.ERROR, refused.error());
                }
            });
        } finally {
            sends.values().forEach(Span::end);
        }
        if (!outcome.delivered().isEmpty()) {
            em.createQuery("DELETE FROM OutboxEvent WHERE seq IN :seqs")
                    .setParameter("seqs", outcome.delivered().stream().map(RelayPass.Row::seq).toList())
                    .executeUpdate();
            published.increment(outcome.delivered().size());
        }
        for (RelayPass.Parked refused : outcome.parked()) {
            em.createQuery("UPDATE OutboxEvent SET parkedAt = :now, parkedError = :error WHERE seq = :seq")
                    .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC))
                    .setParameter("error", refused.error())
                    .setParameter("seq", refused.row().seq())
                    .executeUpdate();
            parkedCounter.increment();
            LOG.errorf("Outbox event %s (topic %s, key %s, seq %d) parked: Kafka refuses it for good (%s). "
                    + "Later events flow; see docs/operations.md, \"Parked events\"", refused.row().eventId(),
                    refused.row().topic(), refused.row().key(), refused.row().seq(), refused.error());
        }
        if (outcome.deadlineReached()) {
            LOG.infof("Outbox relay batch reached its time budget of %s; the rest follows in the next pass",
                    settings.batchBudget());
        }
        batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        pending.set(count("SELECT count(*) FROM outbox_event WHERE parked_at IS NULL"));
        parked.set(count("SELECT count(*) FROM outbox_event WHERE parked_at IS NOT NULL"));
        return new Pass(batch.size(), outcome.failure());
    }

    /**
     * The row to send; when the change was made in a trace, a producer span continues that trace (the relay
     * runs later, on its own thread) and the record carries the span's context for the consumers.
     */
    private RelayPass.Row row(OutboxEvent event, Map<Long, Span> sends) {
        if (event.traceparent == null) {
            return new RelayPass.Row(event.seq, event.eventId, event.topic, event.recordKey, event.payload, null, null);
        }
        Context change = TraceContexts.extract(event.traceparent, event.tracestate);
        Span send = tracer.spanBuilder(event.topic + " publish")
                .setParent(change)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", event.topic)
                .setAttribute("messaging.message.id", event.eventId)
                .startSpan();
        sends.put(event.seq, send);
        TraceContexts.W3cContext sent = TraceContexts.of(change.with(send));
        if (TraceContexts.HOPS.isDebugEnabled()) {
            try (Scope scope = change.with(send).makeCurrent()) {
                TraceContexts.HOPS.debugf("Relaying event %s to %s, traceparent %s", event.eventId, event.topic,
                        sent.traceparent());
            }
        }
        return new RelayPass.Row(event.seq, event.eventId, event.topic, event.recordKey, event.payload,
                sent.traceparent(), sent.tracestate());
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    private Duration maxBlock() {
        Duration timeout = settings.sendTimeout();
        return timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
    }

    private Duration deliveryTimeout() {
        Duration timeout = settings.sendTimeout();
        return timeout.compareTo(Duration.ofSeconds(12)) > 0 ? timeout : Duration.ofSeconds(12);
    }

    /** Past the delivery timeout the producer has failed the send itself; this only guards against a hang. */
    private Duration awaitLimit() {
        return deliveryTimeout().plusSeconds(5);
    }

    private Properties producerConfig() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "2");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(maxBlock().toMillis()));
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(deliveryTimeout().toMillis()));
        return props;
    }
}
