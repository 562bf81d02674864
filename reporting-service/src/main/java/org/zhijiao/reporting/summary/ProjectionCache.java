package org.zhijiao.reporting.summary;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.zhijiao.reporting.events.EventData;
import org.zhijiao.reporting.events.EventReader;
import org.zhijiao.reporting.events.Topics;

/**
 * This replica's parsed copy of the projection table, brought up to date from PostgreSQL before
 * every read: only rows written since the last look are fetched (by transaction id), and a new epoch
 * (a rebuild) reloads everything. The table stays the truth; several replicas each follow it.
 */
@ApplicationScoped
public class ProjectionCache {

    @Inject
    EntityManager em;

    @Inject
    EventReader reader;

    private final Map<String, Map<String, EventData>> byTopic = new HashMap<>();
    private long epoch = -1;
    /** Rows written by transactions at or above this id may have been invisible at the last look. */
    private String horizon = "0";
    /** The copy handed out; remade only when something changed, so idle reads cost one small query. */
    private Projections snapshot = Projections.EMPTY;
    private boolean changed;

    /** The projections as committed now (or later). */
    public synchronized Projections current() {
        QuarkusTransaction.requiringNew().run(this::catchUp);
        if (changed) {
            Map<String, Map<String, EventData>> copy = new HashMap<>();
            byTopic.forEach((topic, items) -> copy.put(topic, Map.copyOf(items)));
            snapshot = new Projections(copy);
            changed = false;
        }
        return snapshot;
    }

    @SuppressWarnings("unchecked")
    private void catchUp() {
        long currentEpoch = ((Number) em.createNativeQuery("SELECT epoch FROM projection_epoch").getSingleResult())
                .longValue();
        if (currentEpoch != epoch) {
            byTopic.clear();
            horizon = "0";
            changed = true;
            epoch = currentEpoch;
        }
        // taken before the rows: anything committed by an older transaction is in what follows
        String nextHorizon = em.createNativeQuery("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")
                .getSingleResult().toString();
        List<Object[]> rows = em.createNativeQuery("""
                SELECT topic, aggregate_id, version, data::text FROM projection
                WHERE txid >= CAST(CAST(?1 AS TEXT) AS xid8)""", Object[].class)
                .setParameter(1, horizon).getResultList();
        for (Object[] row : rows) {
            String topic = (String) row[0];
            Topics.Contract contract = Topics.contract(topic);
            if (contract == null) {
                continue;
            }
            long version = ((Number) row[2]).longValue();
            Map<String, EventData> items = byTopic.computeIfAbsent(topic, t -> new HashMap<>());
            EventData known = items.get((String) row[1]);
            if (known == null || known.version() < version) {
                items.put((String) row[1], reader.stored((String) row[3], contract.dataType()));
                changed = true;
            }
        }
        horizon = nextHorizon;
    }
}
