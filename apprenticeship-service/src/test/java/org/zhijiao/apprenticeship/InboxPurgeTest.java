package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.consumer.InboxPurge;

/** The inbox forgets event ids older than its retention (7 days by default), in batches, and keeps the rest. */
@QuarkusTest
class InboxPurgeTest {

    @Inject
    EntityManager em;

    @Inject
    InboxPurge purge;

    @Test
    void idsOlderThanTheRetentionArePurgedAndRecentOnesKept() {
        String run = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 2500; i++) { // more than one batch
                insert("old-" + run + "-" + i, OffsetDateTime.now().minusDays(8));
            }
            insert("recent-" + run, OffsetDateTime.now().minusDays(6));
        });

        assertThat(purge.purge()).isGreaterThanOrEqualTo(2500);

        assertThat(count("old-" + run + "-%")).isZero();
        assertThat(count("recent-" + run)).isEqualTo(1);
    }

    private void insert(String eventId, OffsetDateTime processedAt) {
        em.createNativeQuery("INSERT INTO processed_event (event_id, topic, subject, processed_at) VALUES (?1, 't', 's', ?2)")
                .setParameter(1, eventId).setParameter(2, processedAt).executeUpdate();
    }

    private long count(String pattern) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id LIKE ?1")
                .setParameter(1, pattern).getSingleResult()).longValue());
    }
}
