package org.zhijiao.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.zhijiao.commons.consumer.Inbox;
import org.zhijiao.reporting.events.IncomingEvent;

/**
 * Writes events into the projections: the latest version of each aggregate, and how far each
 * partition has been applied. An event whose version is not newer than the stored one changes
 * nothing, so duplicates, reordering and replays are harmless.
 */
@ApplicationScoped
public class ProjectionStore {

    private static final String UPSERT = """
            INSERT INTO projection (topic, aggregate_id, version, event_id, event_type, event_time, data, applied_at)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (topic, aggregate_id) DO UPDATE SET version = excluded.version,
                event_id = excluded.event_id, event_type = excluded.event_type, event_time = excluded.event_time,
                data = excluded.data, applied_at = excluded.applied_at, txid = pg_current_xact_id()
            WHERE projection.version < excluded.version""";

    private static final String ADVANCE = """
            INSERT INTO applied_position (topic, partition_no, next_offset, last_event_time, last_applied_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (topic, partition_no) DO UPDATE SET
                last_event_time = CASE WHEN excluded.next_offset > applied_position.next_offset
                    THEN excluded.last_event_time ELSE applied_position.last_event_time END,
                next_offset = GREATEST(applied_position.next_offset, excluded.next_offset),
                last_applied_at = excluded.last_applied_at""";

    @Inject
    EntityManager em;

    @Inject
    Inbox inbox;

    @Inject
    Clock clock;

    /** Applies one consumed event unless its id was applied before; false for a redelivery. */
    @Transactional
    public boolean applyConsumed(IncomingEvent event) {
        boolean first = inbox.firstDelivery(event.topic(), event.event());
        write(first ? List.of(event) : List.of(), List.of(event));
        return first;
    }

    /**
     * Applies a replayed batch. The inbox is not consulted: these events were consumed before, and
     * the version check alone decides.
     */
    @Transactional
    public void applyReplayed(List<IncomingEvent> events) {
        // only the newest version of an aggregate in the batch can win; skip the rest before the database
        Map<String, IncomingEvent> newest = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            newest.merge(event.topic() + '\n' + event.data().key(), event,
                    (a, b) -> b.data().version() > a.data().version() ? b : a);
        }
        write(newest.values(), events);
    }

    /** Empties the projections and positions and starts a new epoch, in one transaction. */
    @Transactional
    public void clear() {
        session().doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("TRUNCATE projection, applied_position");
                statement.execute("UPDATE projection_epoch SET epoch = epoch + 1");
            }
        });
    }

    private void write(Collection<IncomingEvent> upserts, List<IncomingEvent> consumed) {
        Timestamp now = Timestamp.from(clock.instant());
        session().doWork(connection -> {
            upsert(connection, upserts, now);
            advance(connection, consumed, now);
        });
    }

    private static void upsert(Connection connection, Collection<IncomingEvent> events, Timestamp now)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            for (IncomingEvent e : events) {
                statement.setString(1, e.topic());
                statement.setString(2, e.data().key());
                statement.setLong(3, e.data().version());
                statement.setString(4, e.event().id());
                statement.setString(5, e.event().type());
                statement.setTimestamp(6, Timestamp.from(e.event().time().toInstant()));
                statement.setString(7, e.event().data().toString());
                statement.setTimestamp(8, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static void advance(Connection connection, List<IncomingEvent> consumed, Timestamp now)
            throws SQLException {
        Map<String, IncomingEvent> last = new LinkedHashMap<>();
        for (IncomingEvent e : consumed) {
            last.merge(e.topic() + '\n' + e.partition(), e, (a, b) -> b.offset() > a.offset() ? b : a);
        }
        try (PreparedStatement statement = connection.prepareStatement(ADVANCE)) {
            for (IncomingEvent e : last.values()) {
                statement.setString(1, e.topic());
                statement.setInt(2, e.partition());
                statement.setLong(3, e.offset() + 1);
                statement.setTimestamp(4, Timestamp.from(e.event().time().toInstant()));
                statement.setTimestamp(5, now);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private Session session() {
        return em.unwrap(Session.class);
    }
}
