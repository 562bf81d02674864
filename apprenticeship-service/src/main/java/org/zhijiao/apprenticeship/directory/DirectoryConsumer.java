package org.zhijiao.apprenticeship.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.zhijiao.commons.consumer.CloudEvents;
import org.zhijiao.commons.consumer.MalformedEventException;
import org.zhijiao.commons.events.CloudEvent;

/**
 * Feeds the member directory from the membership topics, one record at a time and in order. An
 * event that can never be applied fails the record, which the connector sends to the dead-letter
 * topic; any other failure (the database away, a lock timeout) is retried with backoff, so no event
 * is dead-lettered or skipped for a passing outage.
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
    public void consume(ConsumerRecord<String, String> record) {
        CloudEvent event;
        try {
            event = CloudEvents.parse(mapper, record.value());
        } catch (MalformedEventException e) {
            LOG.warnf("Dead-lettering record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            throw e;
        }
        Duration backoff = initialBackoff;
        while (true) {
            try {
                updates.apply(record.topic(), event);
                return;
            } catch (MalformedEventException e) {
                LOG.warnf("Dead-lettering event %s (%s) from %s: %s", event.id(), event.type(), record.topic(),
                        e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw e;
                }
                LOG.warnf("Could not apply event %s from %s, retrying in %s: %s", event.id(), record.topic(), backoff,
                        e.getMessage());
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
    }

    private static void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to retry", e);
        }
    }
}
