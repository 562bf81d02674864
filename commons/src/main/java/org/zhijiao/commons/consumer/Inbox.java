package org.zhijiao.commons.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import org.zhijiao.commons.events.CloudEvent;

/**
 * Remembers which events were applied (table {@code processed_event}, Flyway location
 * {@code db/inbox}), in the transaction that applies them, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /** True the first time an event id is seen; false for a redelivery. Call in the applying transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String topic, CloudEvent event) {
        return em.createNativeQuery("""
                        INSERT INTO processed_event (event_id, topic, subject, processed_at)
                        VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, event.id())
                .setParameter(2, topic)
                .setParameter(3, event.subject())
                .setParameter(4, OffsetDateTime.now())
                .executeUpdate() == 1;
    }
}
