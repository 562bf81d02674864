package org.zhijiao.commons.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.engine.spi.EntityEntry;
import org.hibernate.engine.spi.SessionImplementor;
import org.zhijiao.commons.tracing.TraceContexts;
import org.zhijiao.commons.web.Ids;

/**
 * Records an event in the transaction of the change it describes (the transactional outbox):
 * it reaches Kafka only if the change commits, and is kept until Kafka has it.
 */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_KEY = Outbox.class.getName() + ".wake";

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    /**
     * Adds an event whose data is {@code state} (the aggregate's whole new state) to the current
     * transaction, keyed by the aggregate id so that one aggregate's events stay in order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, UUID aggregateId, Object state) {
        return publish(topic, type, aggregateId.toString(), state);
    }

    /** As {@link #publish(String, String, UUID, Object)} for aggregates identified by a natural key. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, String aggregateId, Object state) {
        CloudEvent event = new CloudEvent(
                CloudEvent.SPEC_VERSION,
                Ids.newId().toString(),
                "/zhijiao/" + applicationName,
                type,
                aggregateId,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS),
                CloudEvent.DATA_CONTENT_TYPE,
                mapper.valueToTree(state));
        OutboxEvent row = new OutboxEvent();
        row.eventId = event.id();
        row.topic = topic;
        row.recordKey = aggregateId;
        row.createdAt = event.time();
        TraceContexts.W3cContext trace = TraceContexts.current();
        row.traceparent = trace.traceparent();
        row.tracestate = trace.tracestate();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event of type " + type + " cannot be serialized", e);
        }
        row.persist();
        TraceContexts.HOPS.debugf("Event %s (%s, subject %s) written to the outbox for %s, traceparent %s", event.id(),
                type, aggregateId, topic, trace.traceparent());
        wakeRelayAfterCommit();
        return event;
    }

    /**
     * Writes the transaction's pending changes to the database and says whether {@code aggregate}
     * is new or got a new version. Services call it before publishing: a request that changes
     * nothing keeps the aggregate's version, and must not publish an event (which would repeat it).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean flushChanges(Object aggregate) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        EntityEntry entry = session.getPersistenceContextInternal().getEntry(aggregate);
        boolean isNew = entry == null || !entry.isExistsInDatabase();
        Object loadedVersion = entry == null ? null : entry.getVersion();
        session.flush();
        if (isNew) {
            return true;
        }
        EntityEntry flushed = session.getPersistenceContextInternal().getEntry(aggregate);
        return flushed == null || !Objects.equals(loadedVersion, flushed.getVersion());
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(WAKE_KEY) != null) {
            return;
        }
        transactions.putResource(WAKE_KEY, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
