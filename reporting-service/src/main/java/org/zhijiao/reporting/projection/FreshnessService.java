package org.zhijiao.reporting.projection;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.problem.ProblemType;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.reporting.projection.ProjectionDtos.Freshness;
import org.zhijiao.reporting.projection.ProjectionDtos.TopicFreshness;

/**
 * Compares each topic's end offsets with the positions the projections recorded when applying
 * (shared by all replicas through the database), and publishes the result as gauges
 * {@code zhijiao_reporting_lag_records{topic}} and {@code zhijiao_reporting_lag_seconds{topic}}.
 */
@Startup
@ApplicationScoped
public class FreshnessService {

    private static final Logger LOG = Logger.getLogger(FreshnessService.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(5);

    @Inject
    KafkaSettings kafka;

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    @Inject
    RebuildService rebuilds;

    private final Map<String, TopicFreshness> latest = new ConcurrentHashMap<>();
    private Admin admin;

    @PostConstruct
    void registerGauges() {
        for (String topic : Topics.ALL) {
            Gauge.builder("zhijiao.reporting.lag.records", latest, m -> m.containsKey(topic) ? m.get(topic).lagRecords() : Double.NaN)
                    .tag("topic", topic).description("Records of the topic not yet applied to the projections")
                    .register(registry);
            Gauge.builder("zhijiao.reporting.lag.seconds", latest, m -> m.containsKey(topic) ? m.get(topic).lagSeconds() : Double.NaN)
                    .tag("topic", topic).description("0 when caught up, else seconds since the last applied event's time")
                    .register(registry);
        }
    }

    @Scheduled(every = "${zhijiao.reporting.freshness-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshGauges() {
        try {
            measure();
        } catch (RuntimeException e) {
            LOG.debugf("Freshness not measured: %s", e.getMessage());
        }
    }

    /** Measures now; 503 when Kafka cannot be asked. */
    public Freshness measure() {
        Map<TopicPartition, Long> ends = endOffsets();
        Map<TopicPartition, Object[]> applied = appliedPositions();
        Instant now = clock.instant();
        List<TopicFreshness> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            long end = 0;
            long position = 0;
            Instant lastEvent = null;
            Instant lastApplied = null;
            for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
                if (e.getKey().topic().equals(topic)) {
                    end += e.getValue();
                }
            }
            for (Map.Entry<TopicPartition, Object[]> e : applied.entrySet()) {
                if (!e.getKey().topic().equals(topic)) {
                    continue;
                }
                position += ((Number) e.getValue()[0]).longValue();
                lastEvent = later(lastEvent, instant(e.getValue()[1]));
                lastApplied = later(lastApplied, instant(e.getValue()[2]));
            }
            long lag = Math.max(0, end - position);
            double seconds = lag == 0 || lastEvent == null ? 0
                    : Math.max(0, Duration.between(lastEvent, now).toMillis() / 1000.0);
            TopicFreshness freshness = new TopicFreshness(topic, lag, seconds, end, position, utc(lastEvent),
                    utc(lastApplied));
            latest.put(topic, freshness);
            topics.add(freshness);
        }
        boolean rebuilding = rebuilds.running();
        return new Freshness(utc(now), topics.stream().allMatch(t -> t.lagRecords() == 0), rebuilding, topics);
    }

    private Map<TopicPartition, Long> endOffsets() {
        try {
            Map<String, TopicDescription> described = new HashMap<>();
            Admin client = admin();
            var existing = client.listTopics().names().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<String> topics = Topics.ALL.stream().filter(existing::contains).toList();
            described.putAll(client.describeTopics(topics).allTopicNames()
                    .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            described.values().forEach(d -> d.partitions().forEach(
                    p -> request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            client.listOffsets(request).all().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, "Kafka did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(ProblemType.UPSTREAM_UNAVAILABLE, "Interrupted while asking Kafka");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<TopicPartition, Object[]> appliedPositions() {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT topic, partition_no, next_offset, last_event_time, last_applied_at FROM applied_position""",
                Object[].class).getResultList());
        Map<TopicPartition, Object[]> positions = new HashMap<>();
        for (Object[] row : rows) {
            positions.put(new TopicPartition((String) row[0], ((Number) row[1]).intValue()),
                    new Object[] {row[2], row[3], row[4]});
        }
        return positions;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka.admin());
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
