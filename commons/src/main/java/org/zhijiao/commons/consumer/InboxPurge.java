package org.zhijiao.commons.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Keeps the inbox ({@code processed_event}) from growing forever: ids older than
 * {@code zhijiao.inbox.retention} are deleted in small batches, each in its own short transaction.
 * An event redelivered after that still changes nothing, because consumers only ever move an
 * aggregate to a newer version; the inbox only spares them the work for recent redeliveries.
 *
 * <p>Services without an inbox table (no {@code db/inbox} migration) skip the job. Rows other
 * transactions hold are skipped, so the purge never waits for a consumer, and concurrent replicas
 * share the work instead of queueing behind each other.
 */
@ApplicationScoped
public class InboxPurge {

    private static final Logger LOG = Logger.getLogger(InboxPurge.class);

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Inject
    InboxSettings settings;

    private volatile Boolean hasInbox;
    private Counter purged;

    @Scheduled(identity = "inbox-purge", every = "${zhijiao.inbox.purge-interval:PT1H}",
            delayed = "${zhijiao.inbox.purge-delay:PT5M}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!settings.purgeEnabled()) {
            return;
        }
        try {
            purge();
        } catch (RuntimeException e) {
            LOG.warnf("Inbox purge failed, retried at its next run: %s", e.getMessage());
        }
    }

    /** Deletes every inbox row older than the retention; returns how many. */
    public long purge() {
        if (!hasInbox()) {
            return 0;
        }
        OffsetDateTime before = OffsetDateTime.now().minus(settings.retention());
        int batchSize = settings.purgeBatchSize();
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            DELETE FROM processed_event WHERE event_id IN (
                                SELECT event_id FROM processed_event WHERE processed_at < ?1
                                ORDER BY processed_at LIMIT ?2 FOR UPDATE SKIP LOCKED)""")
                    .setParameter(1, before)
                    .setParameter(2, batchSize)
                    .executeUpdate());
            total += deleted;
        } while (deleted == batchSize);
        if (total > 0) {
            counter().increment(total);
            LOG.infof("Inbox purge deleted %d event ids processed before %s", total, before);
        }
        return total;
    }

    private boolean hasInbox() {
        if (hasInbox == null) {
            hasInbox = QuarkusTransaction.requiringNew().call(() -> (Boolean) em
                    .createNativeQuery("SELECT to_regclass('processed_event') IS NOT NULL")
                    .getSingleResult());
        }
        return hasInbox;
    }

    private Counter counter() {
        if (purged == null) {
            purged = Counter.builder("zhijiao.inbox.purged").description("Inbox rows deleted after the retention")
                    .register(registry);
        }
        return purged;
    }
}
