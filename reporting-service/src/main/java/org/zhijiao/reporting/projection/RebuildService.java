package org.zhijiao.reporting.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.zhijiao.commons.consumer.Failures;
import org.zhijiao.commons.consumer.MalformedEventException;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.Ids;
import org.zhijiao.reporting.counters.Tables;
import org.zhijiao.reporting.events.EventReader;
import org.zhijiao.reporting.events.IncomingEvent;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.reporting.projection.ProjectionDtos.RebuildView;

/**
 * Replays every topic from its beginning into shadow tables, then swaps them in atomically. It first
 * copies the newest version of every aggregate (multi-row upserts, no counting), then counts every
 * entity once with the same recount the live path uses, then applies what arrived meanwhile as the
 * live consumer does. Until the swap, readers see the old figures (and the API says a rebuild
 * runs); the live consumer keeps applying to the live tables. Before the swap the replay catches up
 * with the live consumer's positions, the last stretch under a lock that holds the live batches back
 * for that moment; so the swapped-in tables hold exactly what the live consumer had applied.
 *
 * <p>A rebuild holds a lease it renews while it works. One whose replica died is failed when its lease
 * has run out, at the next start of the service or the next request, and never blocks later ones.
 */
@ApplicationScoped
public class RebuildService {

    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    /** Threads (each with a connection) that write a replay's polls into the shadow projections. */
    private static final int REPLAY_WRITERS = 2;

    @Inject
    ProjectionApplier applier;

    @Inject
    EventReader reader;

    @Inject
    KafkaSettings kafka;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @ConfigProperty(name = "zhijiao.reporting.rebuild.max-poll-records", defaultValue = "1000")
    int maxPollRecords;

    /** Set as the service stops, before its pool closes: a failing rebuild then says so instead of recording it. */
    private volatile boolean stopping;

    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });

    /** Fails rebuilds whose lease ran out; after an upgrade that introduced the counters, builds them. */
    void onStart(@Observes StartupEvent event) {
        try {
            expireLeases();
            boolean built = query("SELECT counters_built FROM figures_revision", rs -> rs.getBoolean(1));
            if (!built) {
                boolean empty = query("SELECT NOT EXISTS (SELECT 1 FROM projection)", rs -> rs.getBoolean(1));
                if (empty) {
                    update("UPDATE figures_revision SET counters_built = true");
                } else {
                    LOG.info("Counters not built yet for the stored projections: rebuilding from the topics");
                    start("upgrade");
                }
            }
        } catch (ProblemException e) {
            LOG.infof("Counters will be built by the rebuild already running: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Could not check the rebuild state at start: %s", e.getMessage());
        }
    }

    /** Records a RUNNING rebuild and starts it; 409 while another one runs with a live lease. */
    public RebuildView start(String requestedBy) {
        expireLeases();
        UUID id = Ids.newId();
        try {
            QuarkusTransaction.requiringNew().run(() -> update("""
                    INSERT INTO projection_rebuild (id, state, requested_by, started_at, lease_until, phase)
                    VALUES (?, 'RUNNING', ?, now(), now() + make_interval(secs => ?), 'REPLAY')""",
                    id, requestedBy, (double) LEASE.toSeconds()));
        } catch (RuntimeException e) {
            throw ProblemException.conflict("A rebuild is already running");
        }
        executor.submit(() -> run(id));
        return get(id).orElseThrow();
    }

    public Optional<RebuildView> get(UUID id) {
        return Optional.ofNullable(query("""
                SELECT id, state, requested_by, started_at, finished_at, records_read, malformed_skipped, error, phase
                FROM projection_rebuild WHERE id = ?""", rs -> RebuildView.of(rs), id));
    }

    /** True while a rebuild with a live lease runs. */
    public boolean running() {
        return query("SELECT EXISTS (SELECT 1 FROM projection_rebuild WHERE state = 'RUNNING' AND lease_until > now())",
                rs -> rs.getBoolean(1));
    }

    private void expireLeases() {
        int failed = update("""
                UPDATE projection_rebuild SET state = 'FAILED', finished_at = now(),
                    error = 'abandoned: its replica stopped renewing the lease'
                WHERE state = 'RUNNING' AND (lease_until IS NULL OR lease_until < now())""");
        if (failed > 0) {
            LOG.warnf("Failed %d abandoned rebuild(s) whose lease ran out", failed);
        }
    }

    private void run(UUID id) {
        Progress progress = new Progress(id);
        try {
            prepareShadow();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(kafka.reader(maxPollRecords),
                    new StringDeserializer(), new StringDeserializer())) {
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                // copy every aggregate's newest version up to the ends seen now, then count them all at once
                List<String> deferred = deferIndexes();
                copy(consumer, partitions, consumer.endOffsets(partitions), progress);
                progress.phase("COUNT");
                for (String index : deferred) {
                    update(index);
                    progress.save();
                }
                // the count looks entities up by reference: without statistics of the filled table (its
                // expression statistics came with LIKE ... INCLUDING ALL, empty) the planner scans it whole
                update("ANALYZE " + Tables.SHADOW.projection());
                update("ANALYZE " + Tables.SHADOW.cohortEnterprise());
                QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        applier.countAll(c, Tables.SHADOW, progress::save);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // then chase the live consumer, applying (and counting) as it does, until close behind it
                progress.phase("CATCH_UP");
                for (int round = 0; round < 5; round++) {
                    Map<TopicPartition, Long> live = livePositions(null);
                    if (behind(consumer, partitions, live) < maxPollRecords) {
                        break;
                    }
                    replay(consumer, partitions, live, progress, null);
                }
                progress.phase("SWITCH");
                swap(consumer, partitions, progress);
                progress.phase("DONE");
            }
        } catch (RuntimeException | SQLException e) {
            if (stopping) {
                // the pool may be closed already: the rebuild's row tells (DONE if its switch committed; a RUNNING
                // one is failed when its lease runs out, at the next start or request)
                LOG.warnf("Rebuild %s: the service stopped during its %s phase (%s); its state is as recorded: DONE "
                        + "if its switch committed, else failed once its lease runs out", id, progress.phase,
                        Failures.rootMessage(e));
                return;
            }
            if (switched(id)) {
                // e.g. the service stopping just as the switch committed: the transaction manager may then report
                // a failed commit that PostgreSQL did make; the tables are swapped and the rebuild is DONE
                LOG.warnf("Rebuild %s is done; after its switch committed: %s", id, Failures.rootMessage(e));
                return;
            }
            LOG.errorf(e, "Rebuild %s failed", id);
            update("UPDATE projection_rebuild SET state = 'FAILED', finished_at = now(), error = ? WHERE id = ? AND state = 'RUNNING'",
                    Failures.rootMessage(e), id);
            dropShadow();
        }
    }

    /** Whether the rebuild's switch committed (its row says DONE); false too when the database cannot say. */
    private boolean switched(UUID id) {
        try {
            return "DONE".equals(query("SELECT state FROM projection_rebuild WHERE id = ?", rs -> rs.getString(1), id));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Holds the live batches back, replays the rest up to where they stopped, and swaps the tables. */
    private void swap(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, Progress progress)
            throws SQLException {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                    s.setLong(1, Tables.SWITCH_LOCK);
                    s.execute();
                }
                Map<TopicPartition, Long> live = livePositions(c);
                replay(consumer, partitions, live, progress, c);
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO %s SELECT * FROM %s ON CONFLICT (topic, partition_no) DO UPDATE SET "
                            .formatted(Tables.SHADOW.appliedPosition(), Tables.LIVE.appliedPosition())
                            + "next_offset = excluded.next_offset, last_event_time = excluded.last_event_time, "
                            + "last_applied_at = excluded.last_applied_at");
                    String[] live1 = Tables.LIVE.all();
                    String[] shadow = Tables.SHADOW.all();
                    for (int i = 0; i < live1.length; i++) {
                        s.execute("ALTER TABLE %s RENAME TO %s_replaced".formatted(live1[i], live1[i]));
                        s.execute("ALTER TABLE %s RENAME TO %s".formatted(shadow[i], live1[i]));
                        s.execute("DROP TABLE %s_replaced".formatted(live1[i]));
                    }
                    s.execute("UPDATE figures_revision SET revision = revision + 1, counters_built = true");
                }
                try (PreparedStatement s = c.prepareStatement("""
                        UPDATE projection_rebuild SET state = 'DONE', phase = 'DONE', finished_at = now(),
                            records_read = ?, malformed_skipped = ? WHERE id = ?""")) {
                    s.setLong(1, progress.read);
                    s.setLong(2, progress.malformed);
                    s.setObject(3, progress.id);
                    s.executeUpdate();
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Reads every partition up to {@code until} into the shadow projections, without counting. Reading and
     * parsing a poll overlaps with writing the previous ones, on {@value #REPLAY_WRITERS} writers with a
     * connection each. An aggregate always goes to the same writer (by its key), so its versions (and a cohort's
     * links) are written by one of them, in order, and no two writers touch the same row; the positions read are
     * recorded once all is written.
     */
    private void copy(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> until, Progress progress) throws SQLException {
        List<ExecutorService> writers = new ArrayList<>();
        List<CompletableFuture<Void>> previous = new ArrayList<>();
        for (int w = 0; w < REPLAY_WRITERS; w++) {
            String name = "projection-rebuild-writer-" + w;
            writers.add(Executors.newSingleThreadExecutor(r -> new Thread(r, name)));
            previous.add(CompletableFuture.completedFuture(null));
        }
        Map<TopicPartition, ProjectionApplier.Position> read = new HashMap<>();
        long started = System.nanoTime();
        long waited = 0;
        try {
            while (behind(consumer, partitions, until) > 0) {
                List<List<IncomingEvent>> batches = new ArrayList<>();
                for (int w = 0; w < REPLAY_WRITERS; w++) {
                    batches.add(new ArrayList<>());
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    progress.read++;
                    read.put(new TopicPartition(record.topic(), record.partition()), new ProjectionApplier.Position(
                            record.topic(), record.partition(), record.offset(), null));
                    try {
                        IncomingEvent event = reader.read(record.topic(), record.partition(), record.offset(),
                                record.key(), record.value());
                        batches.get(Math.floorMod(event.data().key().hashCode(), REPLAY_WRITERS)).add(event);
                    } catch (MalformedEventException e) {
                        progress.malformed++;
                    }
                }
                for (int w = 0; w < REPLAY_WRITERS; w++) {
                    List<IncomingEvent> batch = batches.get(w);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    long waiting = System.nanoTime();
                    previous.get(w).join();
                    waited += System.nanoTime() - waiting;
                    previous.set(w, CompletableFuture.runAsync(() -> {
                        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                            try (Connection c = dataSource.getConnection()) {
                                applier.store(c, Tables.SHADOW, batch);
                            } catch (SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        progress.save();
                    }, writers.get(w)));
                }
            }
            previous.forEach(CompletableFuture::join);
            LOG.infof("Replay: %d ms, of which the reader waited %d ms for a writer",
                    (System.nanoTime() - started) / 1_000_000, waited / 1_000_000);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        } finally {
            writers.forEach(ExecutorService::shutdownNow);
        }
        try (Connection c = dataSource.getConnection()) {
            applier.advance(c, Tables.SHADOW, read.values());
        }
    }

    /**
     * Reads every partition up to {@code until} and applies what it read to the shadow tables, a poll
     * per transaction (or all on {@code inside}'s connection).
     */
    private void replay(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> until, Progress progress, Connection inside) {
        while (behind(consumer, partitions, until) > 0) {
            List<IncomingEvent> batch = new ArrayList<>();
            List<ProjectionApplier.Position> positions = new ArrayList<>();
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                progress.read++;
                positions.add(new ProjectionApplier.Position(record.topic(), record.partition(), record.offset(), null));
                try {
                    batch.add(reader.read(record.topic(), record.partition(), record.offset(), record.key(),
                            record.value()));
                } catch (MalformedEventException e) {
                    progress.malformed++; // the live consumer dead-lettered it when it first came
                }
            }
            if (positions.isEmpty()) {
                continue;
            }
            if (inside != null) {
                applyShadow(inside, batch, positions);
            } else {
                QuarkusTransaction.requiringNew().timeout(600).run(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        applyShadow(c, batch, positions);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                });
                progress.save();
            }
        }
    }

    private void applyShadow(Connection c, List<IncomingEvent> batch, List<ProjectionApplier.Position> positions) {
        try {
            applier.apply(c, Tables.SHADOW, batch, false);
            applier.advance(c, Tables.SHADOW, positions);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long behind(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> until) {
        long behind = 0;
        for (TopicPartition p : partitions) {
            behind += Math.max(0, until.getOrDefault(p, 0L) - consumer.position(p));
        }
        return behind;
    }

    private Map<TopicPartition, Long> livePositions(Connection inside) {
        String sql = "SELECT topic, partition_no, next_offset FROM " + Tables.LIVE.appliedPosition();
        Map<TopicPartition, Long> positions = new HashMap<>();
        SqlWork<Void> read = c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    positions.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
            return null;
        };
        try {
            if (inside != null) {
                read.run(inside);
            } else {
                try (Connection c = dataSource.getConnection()) {
                    read.run(c);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return positions;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                infos.forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
        }
        return partitions;
    }

    private void prepareShadow() {
        dropShadow();
        String[] live = Tables.LIVE.all();
        String[] shadow = Tables.SHADOW.all();
        for (int i = 0; i < live.length; i++) {
            update("CREATE TABLE %s (LIKE %s INCLUDING ALL)".formatted(shadow[i], live[i]));
            // LIKE copies columns, constraints and indexes but not storage parameters (the counters' fillfactor)
            String options = query("SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE oid = ?::regclass",
                    rs -> rs.getString(1), live[i]);
            if (options != null && !options.isEmpty()) {
                update("ALTER TABLE %s SET (%s)".formatted(shadow[i], options));
            }
        }
    }

    /**
     * Drops the shadow projection's secondary indexes (the references the count looks entities up by)
     * and returns their definitions: filling the table without them and building each once afterwards
     * costs a fraction of keeping them current row by row.
     */
    private List<String> deferIndexes() {
        List<String[]> indexes = list("""
                SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
                WHERE x.indrelid = ?::regclass AND NOT x.indisprimary ORDER BY 1""",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, Tables.SHADOW.projection());
        for (String[] index : indexes) {
            update("DROP INDEX " + index[0]);
        }
        return indexes.stream().map(index -> index[1]).toList();
    }

    private void dropShadow() {
        for (String table : Tables.SHADOW.all()) {
            update("DROP TABLE IF EXISTS " + table);
        }
    }

    /** Progress of one rebuild, saved with its lease renewed; each phase's duration logged as it ends. */
    private final class Progress {
        final UUID id;
        volatile long read;
        volatile long malformed;
        volatile String phase = "REPLAY";
        private volatile long savedAt;
        private long phaseStarted = System.nanoTime();

        Progress(UUID id) {
            this.id = id;
        }

        synchronized void save() {
            long now = System.nanoTime();
            if (now - savedAt < 1_000_000_000L) {
                return;
            }
            savedAt = now;
            update("""
                    UPDATE projection_rebuild SET records_read = ?, malformed_skipped = ?,
                        lease_until = now() + make_interval(secs => ?) WHERE id = ?""",
                    read, malformed, (double) LEASE.toSeconds(), id);
        }

        void phase(String phase) {
            long now = System.nanoTime();
            LOG.infof("Rebuild %s: %s took %d ms (%d records read)", id, this.phase, (now - phaseStarted) / 1_000_000,
                    read);
            this.phase = phase;
            phaseStarted = now;
            if (phase.equals("DONE")) {
                return; // the switch recorded it
            }
            update("UPDATE projection_rebuild SET phase = ?, records_read = ?, lease_until = now() + make_interval(secs => ?) "
                    + "WHERE id = ?", phase, read, (double) LEASE.toSeconds(), id);
        }
    }

    // --- small JDBC helpers (autocommit, outside any transaction unless the caller has one)

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Bound<T> {
        T run(PreparedStatement s) throws SQLException;
    }

    /** Runs {@code work} on {@code sql} with {@code params} bound, on a connection of its own. */
    private <T> T prepared(String sql, Object[] params, Bound<T> work) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return work.run(s);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private int update(String sql, Object... params) {
        return prepared(sql, params, PreparedStatement::executeUpdate);
    }

    /** The first row's value, null when there is none. */
    private <T> T query(String sql, Row<T> row, Object... params) {
        return prepared(sql, params, s -> {
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? row.read(rs) : null;
            }
        });
    }

    private <T> List<T> list(String sql, Row<T> row, Object... params) {
        return prepared(sql, params, s -> {
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row.read(rs));
                }
            }
            return rows;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
