package org.zhijiao.apprenticeship.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.zhijiao.commons.consumer.Backoff;
import org.zhijiao.commons.consumer.CloudEvents;
import org.zhijiao.commons.consumer.MalformedEventException;
import org.zhijiao.commons.events.CloudEvent;
import org.zhijiao.commons.tracing.TraceContexts;

/**
 * Feeds the member directory from the membership topics, one record at a time and in order. An
 * event that can never be applied is nacked, which sends it to the dead-letter topic; any other
 * failure (the database away, a lock timeout) is retried with backoff for as long as it lasts, so no
 * event is dead-lettered or skipped for a passing outage. Shutting down in the middle of a retry
 * leaves the record unacknowledged: the next consumer of the partition reads it again.
 */
@ApplicationScoped
public class DirectoryConsumer {

    private static final Logger LOG = Logger.getLogger(DirectoryConsumer.class);

    @Inject
    DirectoryUpdates updates;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "zhijiao.directory.retry.initial-backoff", defaultValue = "PT0.2S")
    Duration initialBackoff;

    @ConfigProperty(name = "zhijiao.directory.retry.max-backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    private volatile boolean stopping;

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    @Incoming("membership-events")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> record = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        CloudEvent event;
        try {
            event = CloudEvents.parse(mapper, message.getPayload());
        } catch (MalformedEventException e) {
            LOG.warnf("Dead-lettering record %s-%d@%d: %s", record.getTopic(), record.getPartition(),
                    record.getOffset(), e.getMessage());
            return message.nack(e);
        }
        Backoff backoff = new Backoff(initialBackoff, maxBackoff);
        Duration wait = backoff.first();
        // the connector opened a consumer span in the change's trace (traceparent header); log within it
        Context trace = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                .orElseGet(() -> TraceContexts.extract(record.getHeaders()));
        while (true) {
            try (Scope scope = trace.makeCurrent()) {
                updates.apply(record.getTopic(), event);
                TraceContexts.HOPS.debugf("Applied event %s (%s, subject %s) to the member directory", event.id(),
                        event.type(), event.subject());
                return message.ack();
            } catch (MalformedEventException e) {
                LOG.warnf("Dead-lettering event %s (%s) from %s: %s", event.id(), event.type(), record.getTopic(),
                        e.getMessage());
                return message.nack(e);
            } catch (RuntimeException e) {
                if (stopping) {
                    return leftForTheNextConsumer(event, record.getTopic());
                }
                LOG.warnf("Could not apply event %s from %s, retrying in %s: %s", event.id(), record.getTopic(),
                        wait, e.getMessage());
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return leftForTheNextConsumer(event, record.getTopic());
            }
            wait = backoff.after(wait);
        }
    }

    /** Neither acked nor nacked: its offset is not committed, so it is redelivered after the restart. */
    private static CompletionStage<Void> leftForTheNextConsumer(CloudEvent event, String topic) {
        LOG.infof("Shutting down: event %s from %s is left for the next consumer", event.id(), topic);
        return new CompletableFuture<>();
    }
}
