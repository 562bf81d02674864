package org.zhijiao.reporting.projection;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.zhijiao.commons.consumer.MalformedEventException;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.Ids;
import org.zhijiao.reporting.events.EventReader;
import org.zhijiao.reporting.events.IncomingEvent;
import org.zhijiao.reporting.events.Topics;
import org.zhijiao.reporting.projection.ProjectionDtos.RebuildView;

/**
 * Drops the projections and replays every topic from its beginning with the same projection code.
 * The live consumer keeps running meanwhile: the projections are emptied first and the end offsets
 * taken afterwards, so whatever the live consumer applied before the wipe is replayed, and whatever
 * it applies after survives; the version check makes their interleaving irrelevant.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    @Inject
    ProjectionStore store;

    @Inject
    EventReader reader;

    @Inject
    KafkaSettings kafka;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @ConfigProperty(name = "zhijiao.reporting.rebuild.max-poll-records", defaultValue = "2000")
    int maxPollRecords;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "projection-rebuild"));

    /** Records a RUNNING rebuild and starts it; 409 while another one runs. */
    public RebuildView start(String requestedBy) {
        UUID id = Ids.newId();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                            INSERT INTO projection_rebuild (id, state, requested_by, started_at)
                            VALUES (?1, 'RUNNING', ?2, ?3)""")
                    .setParameter(1, id).setParameter(2, requestedBy).setParameter(3, OffsetDateTime.now(clock))
                    .executeUpdate());
        } catch (PersistenceException e) {
            throw ProblemException.conflict("A rebuild is already running");
        }
        executor.submit(() -> run(id));
        return get(id).orElseThrow();
    }

    public Optional<RebuildView> get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        SELECT id, state, requested_by, started_at, finished_at, records_read, malformed_skipped, error
                        FROM projection_rebuild WHERE id = ?1""", Object[].class)
                .setParameter(1, id).getResultStream().findFirst().map(row -> RebuildView.of((Object[]) row)));
    }

    private void run(UUID id) {
        try {
            store.clear();
            replay(id);
            finish(id, "DONE", null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild %s failed", id);
            finish(id, "FAILED", e.getMessage());
        }
    }

    private void replay(UUID id) {
        long read = 0;
        long malformed = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.reader(maxPollRecords),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : Topics.ALL) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                List<IncomingEvent> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    try {
                        batch.add(reader.read(record.topic(), record.partition(), record.offset(), record.key(),
                                record.value()));
                    } catch (MalformedEventException e) {
                        malformed++; // the live consumer dead-lettered it when it first came
                    }
                }
                if (!batch.isEmpty()) {
                    store.applyReplayed(batch);
                }
                progress(id, read, malformed);
            }
        }
    }

    private void progress(UUID id, long read, long malformed) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE projection_rebuild SET records_read = ?2, malformed_skipped = ?3 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, read).setParameter(3, malformed).executeUpdate());
    }

    private void finish(UUID id, String state, String error) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE projection_rebuild SET state = ?2, finished_at = ?3, error = CAST(?4 AS TEXT) WHERE id = ?1")
                .setParameter(1, id).setParameter(2, state).setParameter(3, OffsetDateTime.now(clock))
                .setParameter(4, error).executeUpdate());
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
