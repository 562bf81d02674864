package org.zhijiao.reporting.projection;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.zhijiao.reporting.counters.CounterFolder;
import org.zhijiao.reporting.counters.CounterStore;
import org.zhijiao.reporting.counters.Deltas;
import org.zhijiao.reporting.counters.Spans;
import org.zhijiao.reporting.counters.Tables;
import org.zhijiao.reporting.events.EventData;
import org.zhijiao.reporting.events.EventData.Cohort;
import org.zhijiao.reporting.events.EventData.CohortEnterprise;
import org.zhijiao.reporting.events.EventData.Enrollment;
import org.zhijiao.reporting.events.EventData.Membership;
import org.zhijiao.reporting.events.EventData.Organization;
import org.zhijiao.reporting.events.EventData.Program;
import org.zhijiao.reporting.events.EventReader;
import org.zhijiao.reporting.events.IncomingEvent;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.reporting.events.TopicContracts;
import org.zhijiao.reporting.report.ReportCache;
import org.zhijiao.reporting.summary.Family;
import org.zhijiao.reporting.summary.Figure;
import org.zhijiao.reporting.summary.FigureCatalog;
import org.zhijiao.reporting.summary.Item;
import org.zhijiao.reporting.summary.Projections;

/**
 * Applies a batch of events in one transaction: the newer versions into the projections (a version not
 * newer than the one stored — a duplicate, a redelivery, a stale event — changes nothing), the counters
 * of every entity whose inputs changed (recounted from the state before and after, the difference added
 * to the dated counters), and the partitions' applied positions.
 *
 * <p>Two consumers (threads or replicas) may change inputs of the same entity at once, e.g. an
 * organization and its membership. Each recounts an entity only while holding that entity's row of
 * {@code entity_lock}, taken in one global order; so whoever recounts second sees the first one's
 * committed inputs and the sum stays exact. A consumer that recounts the enrollments of a cohort
 * first locks the cohort's row exclusively; one that adds an enrollment locks it shared.
 */
@ApplicationScoped
public class ProjectionApplier {

    private static final Logger LOG = Logger.getLogger(ProjectionApplier.class);
    /** Threads a rebuild's count recounts chunks on, while the rebuild's own thread lists and sums them. */
    private static final int COUNT_WORKERS = 3;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventReader reader;

    @Inject
    CounterStore counters;

    @Inject
    CounterFolder folder;

    @Inject
    Clock clock;

    /** Blocks of days a rebuild's count sums in memory before it writes them ({@link Deltas#blocks()}). */
    @ConfigProperty(name = "zhijiao.reporting.rebuild.count-blocks", defaultValue = "300000")
    int countBlocks;

    /** Entities a rebuild's count recounts at a time, per worker. */
    @ConfigProperty(name = "zhijiao.reporting.rebuild.count-chunk", defaultValue = "500")
    int countChunk;

    /**
     * A consumed batch: the version check decides what wins. One transaction.
     * {@code deadLettered}: the batch's records that went to the dead-letter topic (their positions count as applied).
     * Returns how many aggregates got a newer version.
     */
    public int applyConsumed(List<IncomingEvent> events, List<Position> deadLettered) {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            try (Connection c = dataSource.getConnection()) {
                try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock_shared(?)")) {
                    // a rebuild's switch takes this exclusively: no batch straddles the swap
                    s.setLong(1, Tables.SWITCH_LOCK);
                    s.execute();
                }
                // no inbox: a redelivered event is not newer than the version stored, so it changes nothing,
                // and recording every event's id cost more than the rare redelivery it would spare
                int newer = apply(c, Tables.LIVE, events, true);
                List<Position> positions = new ArrayList<>(deadLettered);
                events.forEach(e -> positions.add(new Position(e.topic(), e.partition(), e.offset(), e.time())));
                advance(c, Tables.LIVE, positions);
                if (newer > 0) {
                    ReportCache.stale(c);
                }
                return newer;
            }
        });
    }

    /**
     * Applies events (already known to be first deliveries, or replayed) to the given tables. With
     * {@code lock}, entity rows are locked; a rebuild's single writer into its shadow tables needs none.
     * The live counters change through pending entries ({@link CounterFolder}), a shadow's directly.
     * Returns how many aggregates got a newer version.
     */
    public int apply(Connection c, Tables tables, List<IncomingEvent> events, boolean lock)
            throws SQLException {
        Map<Ref, IncomingEvent> newest = newest(events);
        if (newest.isEmpty()) {
            return 0;
        }
        long t0 = System.nanoTime();
        Map<Ref, EventData> old = load(c, tables, newest.keySet(), lock);
        Map<Ref, IncomingEvent> winners = new LinkedHashMap<>();
        newest.forEach((ref, e) -> {
            EventData stored = old.get(ref);
            if (stored == null || stored.version() < e.data().version()) {
                winners.put(ref, e);
            }
        });
        if (winners.isEmpty()) {
            return 0;
        }
        Affected affected = new Affected();
        winners.forEach((ref, e) -> affected.add(ref.topic(), old.get(ref), e.data()));
        long t1 = System.nanoTime();
        if (lock) {
            lockRows(c, "dep", affected.dependencies, affected.cascades());
        }
        affected.cascade(c, tables, this);
        if (lock) {
            lockRows(c, "entity", affected.entityLocks(), true);
        }
        long t2 = System.nanoTime();
        // the inputs of every affected entity as committed (nobody else can change them now) ...
        Map<String, Map<String, EventData>> before = new HashMap<>();
        old.forEach((ref, data) -> put(before, ref.topic(), data));
        affected.loadInputs(c, tables, this, newest.keySet(), before);
        long t3 = System.nanoTime();
        // ... and with this batch's newer versions
        Map<String, Map<String, EventData>> after = new HashMap<>();
        before.forEach((topic, byKey) -> after.put(topic, new HashMap<>(byKey)));
        winners.values().forEach(e -> put(after, e.topic(), e.data()));
        Deltas deltas = new Deltas();
        recount(affected, new Projections(before), -1, deltas);
        recount(affected, new Projections(after), +1, deltas);
        // the own-family figures count each aggregate by itself: only the batch's versions matter
        Map<String, Map<String, EventData>> ownBefore = new HashMap<>();
        Map<String, Map<String, EventData>> ownAfter = new HashMap<>();
        winners.forEach((ref, e) -> {
            if (old.containsKey(ref)) {
                put(ownBefore, ref.topic(), old.get(ref));
            }
            put(ownAfter, ref.topic(), e.data());
        });
        recountOwn(new Projections(ownBefore), -1, deltas);
        recountOwn(new Projections(ownAfter), +1, deltas);

        long t4 = System.nanoTime();
        upsertProjections(c, tables, winners.values());
        linkCohorts(c, tables, winners.values());
        long t5 = System.nanoTime();
        if (tables == Tables.LIVE) {
            folder.deferred(counters.defer(c, tables, deltas));
        } else {
            counters.write(c, tables, deltas);
        }
        long t6 = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Applied %d events (%d newer): load %d ms, lock %d ms, inputs %d ms, recount %d ms, "
                    + "projections %d ms, %d counter rows %d ms", events.size(), winners.size(), (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000,
                    deltas.size(), (t6 - t5) / 1_000_000);
        }
        return winners.size();
    }

    /** Each aggregate's newest version among the events, in the order of their first events. */
    private static Map<Ref, IncomingEvent> newest(List<IncomingEvent> events) {
        Map<Ref, IncomingEvent> newest = new LinkedHashMap<>();
        for (IncomingEvent e : events) {
            newest.merge(new Ref(e.topic(), e.data().key()), e, (a, b) -> b.data().version() > a.data().version() ? b : a);
        }
        return newest;
    }

    private static void recount(Affected affected, Projections p, int sign, Deltas deltas) {
        for (Figure figure : FigureCatalog.stored()) {
            Set<String> entities = affected.entities.get(figure.family());
            if (entities == null || entities.isEmpty()) {
                continue;
            }
            Map<String, List<Item>> byEntity = new HashMap<>();
            for (Item item : figure.items().apply(p)) {
                String owner = figure.family() == Family.MENTOR ? item.entity().substring(0, item.entity().indexOf('/'))
                        : item.entity();
                if (entities.contains(owner)) {
                    byEntity.computeIfAbsent(item.entity(), k -> new ArrayList<>()).add(item);
                }
            }
            byEntity.values().forEach(items -> deltas.add(figure.key(), Spans.of(items), sign));
        }
    }

    private static void recountOwn(Projections p, int sign, Deltas deltas) {
        for (Figure figure : FigureCatalog.stored()) {
            if (figure.family() != Family.OWN) {
                continue;
            }
            Map<String, List<Item>> byEntity = new HashMap<>();
            for (Item item : figure.items().apply(p)) {
                byEntity.computeIfAbsent(item.entity(), k -> new ArrayList<>()).add(item);
            }
            byEntity.values().forEach(items -> deltas.add(figure.key(), Spans.of(items), sign));
        }
    }

    private static void put(Map<String, Map<String, EventData>> byTopic, String topic, EventData data) {
        byTopic.computeIfAbsent(topic, t -> new HashMap<>()).put(data.key(), data);
    }

    /** A projected aggregate: its topic and key. */
    record Ref(String topic, String key) {
    }

    /** The entities a batch recounts, per family, and the cohorts/programs whose dependants it recounts. */
    static final class Affected {
        final Map<Family, Set<String>> entities = new HashMap<>();
        /** cohort:<id> / program:<id> rows to lock: shared by enrollments, exclusive by cascades. */
        final Set<String> dependencies = new TreeSet<>();
        final Set<String> cascadeCohorts = new HashSet<>();
        final Set<String> cascadePrograms = new HashSet<>();
        /** Cohorts and programs the batch's enrollments refer to (their slices need them). */
        final Set<String> referencedCohorts = new HashSet<>();
        final Set<String> referencedPrograms = new HashSet<>();

        void entity(Family family, String id) {
            if (id != null) {
                entities.computeIfAbsent(family, f -> new HashSet<>()).add(id);
            }
        }

        boolean cascades() {
            return !cascadeCohorts.isEmpty() || !cascadePrograms.isEmpty();
        }

        void add(String topic, EventData before, EventData after) {
            switch (topic) {
                case Topics.ORGANIZATIONS -> {
                    // a rename or a new campus changes no count: only the slicing attributes matter
                    if (before == null || !((Organization) before).attributes().equals(((Organization) after).attributes())) {
                        entity(Family.ORGANIZATION, after.key());
                        entity(Family.COHORT_ENTERPRISE, after.key());
                    }
                }
                case Topics.MEMBERSHIPS -> {
                    entity(Family.ORGANIZATION, ((Membership) after).organizationId());
                    if (before != null) {
                        entity(Family.ORGANIZATION, ((Membership) before).organizationId());
                    }
                }
                case Topics.COHORTS -> {
                    Cohort now = (Cohort) after;
                    now.enterprises().forEach(e -> entity(Family.COHORT_ENTERPRISE, e.enterpriseId()));
                    if (before != null) {
                        ((Cohort) before).enterprises().forEach(e -> entity(Family.COHORT_ENTERPRISE, e.enterpriseId()));
                    }
                    if (before == null || !Objects.equals(((Cohort) before).batchNumber(), now.batchNumber())) {
                        cascadeCohorts.add(now.id());
                        dependencies.add("cohort:" + now.id());
                    }
                }
                case Topics.PROGRAMS -> {
                    if (before == null || !Objects.equals(((Program) before).kind(), ((Program) after).kind())) {
                        cascadePrograms.add(after.key());
                        dependencies.add("program:" + after.key());
                    }
                }
                case Topics.ENROLLMENTS -> {
                    for (EventData version : before == null ? List.of(after) : List.of(before, after)) {
                        Enrollment e = (Enrollment) version;
                        entity(Family.ENROLLMENT, e.id());
                        entity(Family.MENTOR, e.enterpriseId());
                        dependencies.add("cohort:" + e.cohortId());
                        dependencies.add("program:" + e.programId());
                        referencedCohorts.add(e.cohortId());
                        referencedPrograms.add(e.programId());
                    }
                }
                default -> {
                    // counted by itself (Family.OWN)
                }
            }
        }

        /** Adds the enrollments of cohorts whose batch changed and of programs whose kind changed. */
        void cascade(Connection c, Tables tables, ProjectionApplier applier) throws SQLException {
            List<EventData> dependants = new ArrayList<>();
            dependants.addAll(applier.byReference(c, tables, Topics.ENROLLMENTS, "cohortId", cascadeCohorts));
            dependants.addAll(applier.byReference(c, tables, Topics.ENROLLMENTS, "programId", cascadePrograms));
            for (EventData data : dependants) {
                Enrollment e = (Enrollment) data;
                entity(Family.ENROLLMENT, e.id());
                entity(Family.MENTOR, e.enterpriseId());
            }
        }

        /**
         * One lock row per organization (whichever of its families — member, enterprise in cohorts,
         * mentors — is recounted: one row instead of up to three, and coarser is never less safe) and
         * one per enrollment.
         */
        Set<String> entityLocks() {
            Set<String> keys = new TreeSet<>();
            entities.forEach((family, ids) -> ids.forEach(id -> keys.add(
                    (family == Family.ENROLLMENT ? "enrollment:" : "organization:") + id)));
            return keys;
        }

        /**
         * Loads every input of every affected entity as stored now, except the aggregates {@code known}: the
         * caller has their stored versions (or knows there are none) in {@code into} already.
         */
        void loadInputs(Connection c, Tables tables, ProjectionApplier applier, Set<Ref> known,
                Map<String, Map<String, EventData>> into) throws SQLException {
            Set<String> organizations = new HashSet<>(entities.getOrDefault(Family.ORGANIZATION, Set.of()));
            Set<String> enterprises = entities.getOrDefault(Family.COHORT_ENTERPRISE, Set.of());
            organizations.addAll(enterprises);
            List<EventData> loaded = new ArrayList<>();
            loaded.addAll(applier.byReference(c, tables, Topics.MEMBERSHIPS, "organizationId",
                    entities.getOrDefault(Family.ORGANIZATION, Set.of())));
            Set<String> cohorts = applier.cohortsOf(c, tables, enterprises);
            Set<String> enrollmentIds = new HashSet<>(entities.getOrDefault(Family.ENROLLMENT, Set.of()));
            List<EventData> enrollments = new ArrayList<>(
                    applier.byKey(c, tables, Topics.ENROLLMENTS, unknown(Topics.ENROLLMENTS, enrollmentIds, known)));
            enrollments.addAll(applier.byReference(c, tables, Topics.ENROLLMENTS, "enterpriseId",
                    entities.getOrDefault(Family.MENTOR, Set.of())));
            Set<String> programs = new HashSet<>(referencedPrograms);
            cohorts.addAll(referencedCohorts);
            for (EventData data : enrollments) {
                Enrollment e = (Enrollment) data;
                cohorts.add(e.cohortId());
                programs.add(e.programId());
            }
            loaded.addAll(enrollments);
            loaded.addAll(applier.byKey(c, tables, Topics.ORGANIZATIONS,
                    unknown(Topics.ORGANIZATIONS, organizations, known)));
            loaded.addAll(applier.byKey(c, tables, Topics.COHORTS, unknown(Topics.COHORTS, cohorts, known)));
            loaded.addAll(applier.byKey(c, tables, Topics.PROGRAMS, unknown(Topics.PROGRAMS, programs, known)));
            for (EventData data : loaded) {
                String topic = topicOf(data);
                // the batch's own aggregates were loaded (and locked) first; keep those
                into.computeIfAbsent(topic, t -> new HashMap<>()).putIfAbsent(data.key(), data);
            }
        }

        private static Set<String> unknown(String topic, Set<String> keys, Set<Ref> known) {
            if (known.isEmpty()) {
                return keys;
            }
            Set<String> unknown = new HashSet<>();
            keys.forEach(key -> {
                if (!known.contains(new Ref(topic, key))) {
                    unknown.add(key);
                }
            });
            return unknown;
        }
    }

    private static String topicOf(EventData data) {
        for (String topic : Topics.ALL) {
            if (TopicContracts.contract(topic).dataType().isInstance(data)) {
                return topic;
            }
        }
        throw new IllegalStateException("no topic for " + data.getClass());
    }

    // --- reading the projections

    private Map<Ref, EventData> load(Connection c, Tables tables, Collection<Ref> refs, boolean lock)
            throws SQLException {
        List<Ref> sorted = refs.stream().sorted((a, b) -> a.topic().equals(b.topic()) ? a.key().compareTo(b.key())
                : a.topic().compareTo(b.topic())).toList();
        Map<Ref, EventData> found = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.topic, p.aggregate_id, p.data::text FROM %s p
                JOIN unnest(?::text[], ?::text[]) AS k(topic, aggregate_id) USING (topic, aggregate_id)
                ORDER BY p.topic, p.aggregate_id %s""".formatted(tables.projection(), lock ? "FOR UPDATE OF p" : ""))) {
            s.setArray(1, c.createArrayOf("text", sorted.stream().map(Ref::topic).toArray(String[]::new)));
            s.setArray(2, c.createArrayOf("text", sorted.stream().map(Ref::key).toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String topic = rs.getString(1);
                    found.put(new Ref(topic, rs.getString(2)),
                            reader.stored(rs.getString(3), TopicContracts.contract(topic).dataType()));
                }
            }
        }
        return found;
    }

    List<EventData> byKey(Connection c, Tables tables, String topic, Collection<String> keys) throws SQLException {
        if (keys.isEmpty()) {
            return List.of();
        }
        return query(c, "SELECT data::text FROM %s WHERE topic = '%s' AND aggregate_id = ANY(?)"
                .formatted(tables.projection(), topic), topic, keys);
    }

    /** Rows of a topic whose data field (one of the indexed references) is one of the values. */
    List<EventData> byReference(Connection c, Tables tables, String topic, String field, Collection<String> values)
            throws SQLException {
        if (values.isEmpty()) {
            return List.of();
        }
        return query(c, "SELECT data::text FROM %s WHERE topic = '%s' AND (data ->> '%s') = ANY(?)"
                .formatted(tables.projection(), topic, field), topic, values);
    }

    private List<EventData> query(Connection c, String sql, String topic, Collection<String> values)
            throws SQLException {
        List<EventData> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", values.toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.stored(rs.getString(1), TopicContracts.contract(topic).dataType()));
                }
            }
        }
        return rows;
    }

    Set<String> cohortsOf(Connection c, Tables tables, Collection<String> enterprises) throws SQLException {
        Set<String> cohorts = new HashSet<>();
        if (enterprises.isEmpty()) {
            return cohorts;
        }
        try (PreparedStatement s = c.prepareStatement("SELECT cohort_id FROM %s WHERE enterprise_id = ANY(?)"
                .formatted(tables.cohortEnterprise()))) {
            s.setArray(1, c.createArrayOf("text", enterprises.toArray(String[]::new)));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cohorts.add(rs.getString(1));
                }
            }
        }
        return cohorts;
    }

    // --- writing

    /**
     * Locks the rows of {@code keys} (made on first use) in their sorted order. Exclusively in one statement: an
     * insert's {@code ON CONFLICT DO UPDATE} locks every row it meets, and {@code WHERE false} writes none of them
     * again. Shared locks (enrollments on their cohort and program) have no such form: insert, then select.
     */
    private static void lockRows(Connection c, String kind, Set<String> keys, boolean exclusive) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        String[] sorted = new TreeSet<>(keys).toArray(String[]::new);
        String insert = """
                INSERT INTO entity_lock (family, entity) SELECT ?, k FROM unnest(?::text[]) AS k ORDER BY k
                ON CONFLICT (family, entity) DO %s"""
                .formatted(exclusive ? "UPDATE SET entity = excluded.entity WHERE false" : "NOTHING");
        try (PreparedStatement s = c.prepareStatement(insert)) {
            s.setString(1, kind);
            s.setArray(2, c.createArrayOf("text", sorted));
            s.executeUpdate();
        }
        if (exclusive) {
            return;
        }
        try (PreparedStatement select = c.prepareStatement(
                "SELECT 1 FROM entity_lock WHERE family = ? AND entity = ANY(?) ORDER BY entity FOR SHARE")) {
            select.setString(1, kind);
            select.setArray(2, c.createArrayOf("text", sorted));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    // locked
                }
            }
        }
    }

    /**
     * Upserts the events' data where newer than stored; returns the aggregates actually written. The events go as
     * published, one JSON array of them (a text array would have the driver escape every quote of every document,
     * character by character), and PostgreSQL takes each one's {@code data}, id, type and time out of it: writing
     * the parsed data out again as JSON cost the consumer more than PostgreSQL's reading of the envelope. The
     * statements hold at most {@value #UPSERT_CHARS} characters of events: a parameter is written out as one string,
     * and strings past half a heap region are allocated outside the young generation (with G1, each such
     * allocation may start a concurrent collection).
     */
    private Set<Ref> upsertProjections(Connection c, Tables tables, Collection<IncomingEvent> events) throws SQLException {
        Set<Ref> written = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO %1$s (topic, aggregate_id, version, event_id, event_type, event_time, data, applied_at)
                SELECT t, a, v, e ->> 'id', e ->> 'type', (e ->> 'time')::timestamptz, e -> 'data', ?
                FROM unnest(?::text[], ?::text[], ?::int8[]) WITH ORDINALITY AS u(t, a, v, n)
                JOIN jsonb_array_elements(?::jsonb) WITH ORDINALITY AS j(e, n) USING (n)
                ON CONFLICT (topic, aggregate_id) DO UPDATE SET version = excluded.version,
                    event_id = excluded.event_id, event_type = excluded.event_type, event_time = excluded.event_time,
                    data = excluded.data, applied_at = excluded.applied_at
                WHERE %1$s.version < excluded.version
                RETURNING topic, aggregate_id""".formatted(tables.projection()))) {
            Timestamp now = Timestamp.from(clock.instant());
            List<IncomingEvent> chunk = new ArrayList<>();
            List<String> documents = new ArrayList<>();
            int chars = 0;
            for (IncomingEvent e : events) {
                String json = e.value();
                if (!chunk.isEmpty() && chars + json.length() > UPSERT_CHARS) {
                    written.addAll(upsert(c, s, now, chunk, documents));
                    chunk.clear();
                    documents.clear();
                    chars = 0;
                }
                chunk.add(e);
                documents.add(json);
                chars += json.length();
            }
            if (!chunk.isEmpty()) {
                written.addAll(upsert(c, s, now, chunk, documents));
            }
        }
        return written;
    }

    private static final int UPSERT_CHARS = 100_000;

    /** One statement of {@link #upsertProjections}: the events, their data documents; returns what it wrote. */
    private static Set<Ref> upsert(Connection c, PreparedStatement s, Timestamp now, List<IncomingEvent> events,
            List<String> documents) throws SQLException {
        s.setTimestamp(1, now);
        s.setArray(2, c.createArrayOf("text", events.stream().map(IncomingEvent::topic).toArray()));
        s.setArray(3, c.createArrayOf("text", events.stream().map(e -> e.data().key()).toArray()));
        s.setArray(4, c.createArrayOf("int8", events.stream().map(e -> e.data().version()).toArray()));
        s.setString(5, "[" + String.join(",", documents) + "]");
        Set<Ref> written = new HashSet<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                written.add(new Ref(rs.getString(1), rs.getString(2)));
            }
        }
        return written;
    }

    /**
     * A rebuild's first phase: the newest version of each aggregate into the (shadow) projections and
     * the cohort links, without counting; {@link #countAll} counts once everything is there.
     */
    public void store(Connection c, Tables tables, List<IncomingEvent> events) throws SQLException {
        Map<Ref, IncomingEvent> newest = newest(events);
        if (newest.isEmpty()) {
            return;
        }
        Set<Ref> written = upsertProjections(c, tables, newest.values());
        linkCohorts(c, tables, newest.values().stream()
                .filter(e -> written.contains(new Ref(e.topic(), e.data().key()))).toList());
    }

    /**
     * A rebuild's second phase: counts every entity of the (shadow) projections into its empty
     * counters with the same recount as the live path, a chunk of entities at a time. The caller's
     * thread lists the chunks and sums their deltas in memory, written to the counters once at the end
     * (or whenever they hold {@link #countBlocks} blocks of days: the heap bounds them, not the number
     * of entities); {@link #COUNT_WORKERS} workers load each chunk's inputs (on connections of their own:
     * the shadow projections are committed and no longer change) and recount it meanwhile.
     */
    public void countAll(Connection c, Tables tables, Runnable progress) throws SQLException {
        String p = tables.projection();
        // each family's entities in one streamed query, ordered so that a chunk's entities share their inputs: the
        // enrollments of a cohort, the enterprises of a cohort (each cohort is loaded, read and recounted once or
        // twice instead of once for nearly every chunk)
        Map<Family, String> keys = Map.of(
                Family.ORGANIZATION, "SELECT DISTINCT data ->> 'organizationId' FROM %s WHERE topic = '%s' ORDER BY 1"
                        .formatted(p, Topics.MEMBERSHIPS),
                Family.COHORT_ENTERPRISE, "SELECT enterprise_id FROM %s GROUP BY enterprise_id ORDER BY min(cohort_id), 1"
                        .formatted(tables.cohortEnterprise()),
                Family.ENROLLMENT, "SELECT aggregate_id FROM %s WHERE topic = '%s' ORDER BY data ->> 'cohortId', 1"
                        .formatted(p, Topics.ENROLLMENTS),
                Family.MENTOR, ("SELECT data ->> 'enterpriseId' FROM %s WHERE topic = '%s' GROUP BY 1 "
                        + "ORDER BY min(data ->> 'cohortId'), 1").formatted(p, Topics.ENROLLMENTS));
        ExecutorService workers = Executors.newFixedThreadPool(COUNT_WORKERS, r -> new Thread(r, "projection-rebuild-count"));
        Deque<Future<Deltas>> pending = new ArrayDeque<>();
        // every day of every series, summed over all the entities before a counter row is written
        Deltas deltas = new Deltas();
        try {
            for (Map.Entry<Family, String> family : keys.entrySet()) {
                long started = System.nanoTime();
                int entities = 0;
                try (PreparedStatement s = c.prepareStatement(family.getValue())) {
                    s.setFetchSize(countChunk);
                    try (ResultSet rs = s.executeQuery()) {
                        List<String> chunk = new ArrayList<>();
                        boolean more = rs.next();
                        while (more) {
                            chunk.add(rs.getString(1));
                            more = rs.next();
                            if (chunk.size() == countChunk || !more) {
                                entities += chunk.size();
                                pending.add(workers.submit(count(tables, family.getKey(), chunk)));
                                drain(c, tables, pending, COUNT_WORKERS, deltas, progress);
                                chunk = new ArrayList<>();
                            }
                        }
                    }
                }
                LOG.infof("Counted %d entities of family %s in %d ms (chunks still in flight: %d)", entities,
                        family.getKey(), (System.nanoTime() - started) / 1_000_000, pending.size());
            }
            long started = System.nanoTime();
            for (String topic : Topics.ALL) {
                if (!ownFamilyTopic(topic)) {
                    continue;
                }
                String after = "";
                while (true) {
                    Map<String, Map<String, EventData>> rows = new HashMap<>();
                    String last = null;
                    try (PreparedStatement s = c.prepareStatement("SELECT aggregate_id, data::text FROM %s WHERE topic = ? "
                            .formatted(p) + "AND aggregate_id > ? ORDER BY aggregate_id LIMIT ?")) {
                        s.setString(1, topic);
                        s.setString(2, after);
                        s.setInt(3, countChunk);
                        try (ResultSet rs = s.executeQuery()) {
                            while (rs.next()) {
                                last = rs.getString(1);
                                put(rows, topic, reader.stored(rs.getString(2), TopicContracts.contract(topic).dataType()));
                            }
                        }
                    }
                    if (last == null) {
                        break;
                    }
                    after = last;
                    recountOwn(new Projections(rows), +1, deltas);
                    flushWhenLarge(c, tables, deltas, progress);
                }
            }
            drain(c, tables, pending, 0, deltas, progress);
            LOG.infof("Counted the aggregates counted by themselves and the last chunks in %d ms",
                    (System.nanoTime() - started) / 1_000_000);
            started = System.nanoTime();
            int days = deltas.size();
            counters.write(c, tables, deltas);
            LOG.infof("Wrote the count's %d series days into the counters in %d ms", days,
                    (System.nanoTime() - started) / 1_000_000);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Recounts a chunk of a family's entities from the inputs stored now (on a connection of its own). */
    private Callable<Deltas> count(Tables tables, Family family, List<String> chunk) {
        return () -> {
            Affected affected = new Affected();
            chunk.forEach(id -> affected.entity(family, id));
            Map<String, Map<String, EventData>> inputs = new HashMap<>();
            try (Connection own = dataSource.getConnection()) {
                affected.loadInputs(own, tables, this, Set.of(), inputs);
            }
            Deltas counts = new Deltas();
            recount(affected, new Projections(inputs), +1, counts);
            return counts;
        };
    }

    /** Adds finished chunks to the deltas until at most {@code inFlight} are pending (bounding memory). */
    private void drain(Connection c, Tables tables, Deque<Future<Deltas>> pending, int inFlight, Deltas deltas,
            Runnable progress) throws SQLException {
        while (pending.size() > inFlight) {
            try {
                deltas.addAll(pending.poll().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Counting was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof SQLException sql) {
                    throw sql;
                }
                throw new IllegalStateException("Counting a chunk failed", e.getCause());
            }
            flushWhenLarge(c, tables, deltas, progress);
        }
    }

    private void flushWhenLarge(Connection c, Tables tables, Deltas deltas, Runnable progress)
            throws SQLException {
        if (deltas.blocks() > countBlocks) {
            LOG.debugf("Writing %d series days of the count into the counters before it goes on", deltas.size());
            counters.write(c, tables, deltas);
            deltas.clear();
        }
        progress.run();
    }

    /** Topics whose aggregates some figure of {@link Family#OWN} counts by themselves. */
    private static boolean ownFamilyTopic(String topic) {
        return !topic.equals(Topics.ORGANIZATIONS) && !topic.equals(Topics.MEMBERSHIPS)
                && !topic.equals(Topics.ENROLLMENTS);
    }

    /** Keeps the cohort → enterprise links of the winning cohort versions. */
    private static void linkCohorts(Connection c, Tables tables, Collection<IncomingEvent> winners) throws SQLException {
        List<String> cohorts = new ArrayList<>();
        List<String> linkCohort = new ArrayList<>();
        List<String> linkEnterprise = new ArrayList<>();
        for (IncomingEvent e : winners) {
            if (e.data() instanceof Cohort cohort) {
                cohorts.add(cohort.id());
                for (CohortEnterprise enterprise : cohort.enterprises()) {
                    linkCohort.add(cohort.id());
                    linkEnterprise.add(enterprise.enterpriseId());
                }
            }
        }
        if (cohorts.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM %s WHERE cohort_id = ANY(?)"
                .formatted(tables.cohortEnterprise()));
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO %s (enterprise_id, cohort_id) SELECT * FROM unnest(?::text[], ?::text[])
                        ON CONFLICT DO NOTHING""".formatted(tables.cohortEnterprise()))) {
            delete.setArray(1, c.createArrayOf("text", cohorts.toArray(String[]::new)));
            delete.executeUpdate();
            insert.setArray(1, c.createArrayOf("text", linkEnterprise.toArray(String[]::new)));
            insert.setArray(2, c.createArrayOf("text", linkCohort.toArray(String[]::new)));
            insert.executeUpdate();
        }
    }

    /** A record's place, and its event's time. */
    public record Position(String topic, int partition, long offset, java.time.Instant eventTime) {
    }

    /** Records how far each partition has been applied (the next offset), never moving back. */
    public void advance(Connection c, Tables tables, Collection<Position> consumed) throws SQLException {
        Map<String, Position> last = new java.util.TreeMap<>();
        for (Position p : consumed) {
            last.merge(p.topic() + '\n' + p.partition(), p, (a, b) -> b.offset() > a.offset() ? b : a);
        }
        if (last.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO %1$s (topic, partition_no, next_offset, last_event_time, last_applied_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (topic, partition_no) DO UPDATE SET
                    last_event_time = CASE WHEN excluded.next_offset > %1$s.next_offset
                        THEN excluded.last_event_time ELSE %1$s.last_event_time END,
                    next_offset = GREATEST(%1$s.next_offset, excluded.next_offset),
                    last_applied_at = excluded.last_applied_at""".formatted(tables.appliedPosition()))) {
            for (Position p : last.values()) {
                s.setString(1, p.topic());
                s.setInt(2, p.partition());
                s.setLong(3, p.offset() + 1);
                s.setTimestamp(4, p.eventTime() == null ? now : Timestamp.from(p.eventTime()));
                s.setTimestamp(5, now);
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
