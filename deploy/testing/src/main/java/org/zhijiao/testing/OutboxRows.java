package org.zhijiao.testing;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.Query;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * The outbox table of the service under test, read from its {@code @QuarkusTest}: the events the relay
 * has not had acknowledged by Kafka yet. Each read is a transaction of its own.
 */
public final class OutboxRows {

    private static final Duration RELAY_WAIT = Duration.ofSeconds(30);

    private OutboxRows() {
    }

    /** How many events wait to be relayed. */
    public static long pending() {
        return count("SELECT count(*) FROM outbox_event");
    }

    /** How many events of {@code aggregate} (the record key) wait to be relayed. */
    public static long pendingFor(UUID aggregate) {
        return count("SELECT count(*) FROM outbox_event WHERE record_key = ?1", aggregate.toString());
    }

    /** Waits (30 s at most) until no event waits to be relayed. */
    public static void awaitRelayed() {
        Awaitility.await().atMost(RELAY_WAIT).until(() -> pending() == 0);
    }

    /** Waits (30 s at most) until no event of {@code aggregate} waits to be relayed. */
    public static void awaitRelayed(UUID aggregate) {
        Awaitility.await().atMost(RELAY_WAIT).until(() -> pendingFor(aggregate) == 0);
    }

    private static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
