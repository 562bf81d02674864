package org.zhijiao.reporting.projection;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.zhijiao.commons.consumer.MalformedEventException;
import org.zhijiao.reporting.events.EventReader;
import org.zhijiao.reporting.events.IncomingEvent;

/**
 * Applies every event of the projected topics (group {@code reporting-projections}; replicas share
 * the partitions). A malformed event is nacked, which sends it to {@code zhijiao.reporting.dlq} with
 * the reason in its {@code dead-letter-reason} header, and consumption goes on. Any other failure
 * (the database is away, a deadlock) is retried until it succeeds: it says nothing about the event.
 */
@ApplicationScoped
public class ProjectionConsumer {

    private static final Logger LOG = Logger.getLogger(ProjectionConsumer.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    EventReader reader;

    @Inject
    ProjectionStore store;

    @Incoming("projections")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        IncomingEvent event;
        try {
            event = reader.read(record.getTopic(), record.getPartition(), record.getOffset(),
                    record.getKey() == null ? null : record.getKey().toString(), message.getPayload());
        } catch (MalformedEventException e) {
            LOG.warnf("Dead-lettering %s-%d@%d: %s", record.getTopic(), record.getPartition(), record.getOffset(),
                    e.getMessage());
            return message.nack(e);
        }
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            try {
                store.applyConsumed(event);
                return message.ack();
            } catch (RuntimeException e) {
                LOG.warnf(e, "Applying %s-%d@%d failed; retrying in %s", record.getTopic(), record.getPartition(),
                        record.getOffset(), backoff);
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // shutting down: left unacknowledged, the event is redelivered to whoever consumes next
                return new CompletableFuture<>();
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }
}
