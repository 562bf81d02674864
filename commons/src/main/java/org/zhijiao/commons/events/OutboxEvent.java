package org.zhijiao.commons.events;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * An event waiting to be relayed, written in the transaction of the change it describes.
 * {@code seq} is the commit-independent insertion order the relay publishes in. A row Kafka
 * refused for good is parked ({@code parkedAt}, {@code parkedError}) and left for ops. {@code traceparent}
 * and {@code tracestate} are the W3C trace context of the change, null when it was made outside a trace.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, updatable = false)
    public String eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "record_key", nullable = false, updatable = false)
    public String recordKey;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(updatable = false, columnDefinition = "text")
    public String traceparent;

    @Column(updatable = false, columnDefinition = "text")
    public String tracestate;

    /** Set when Kafka refused the event for good; the relay skips parked rows. */
    @Column(name = "parked_at")
    public OffsetDateTime parkedAt;

    @Column(name = "parked_error", columnDefinition = "text")
    public String parkedError;
}
