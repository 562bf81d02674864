package org.zhijiao.apprenticeship.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.CloudEvent;

/** A valid event whose retry is cut short by shutdown is left for the next consumer, never dead-lettered. */
class DirectoryConsumerShutdownTest {

    private static final String EVENT = """
            {"specversion":"1.0","id":"e-1","source":"/zhijiao/membership-service",
             "type":"org.zhijiao.organization.registered","subject":"s-1","time":"2022-01-01T00:00:00Z",
             "datacontenttype":"application/json","data":{"id":"s-1","version":0}}""";

    @Test
    void aRetryInterruptedByShutdownNeitherAcksNorDeadLetters() throws Exception {
        CountDownLatch attempted = new CountDownLatch(1);
        DirectoryConsumer consumer = new DirectoryConsumer();
        consumer.mapper = new ObjectMapper().findAndRegisterModules();
        consumer.initialBackoff = Duration.ofSeconds(30);
        consumer.maxBackoff = Duration.ofSeconds(30);
        consumer.updates = new DirectoryUpdates() {
            @Override
            public boolean apply(String topic, CloudEvent event) {
                attempted.countDown();
                throw new IllegalStateException("database away");
            }
        };
        AtomicBoolean acked = new AtomicBoolean();
        AtomicReference<Throwable> nacked = new AtomicReference<>();
        Message<String> message = Message.of(EVENT,
                Metadata.of(new IncomingKafkaRecordMetadata<>(
                        new ConsumerRecord<>("zhijiao.membership.organizations", 0, 7L, "s-1", EVENT), "membership-events")),
                () -> {
                    acked.set(true);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    nacked.set(failure);
                    return CompletableFuture.completedFuture(null);
                });

        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                outcome.set(consumer.consume(message));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });
        worker.start();
        assertThat(attempted.await(10, TimeUnit.SECONDS)).isTrue();
        worker.interrupt(); // what the worker pool does to a blocked handler on shutdown
        worker.join(10_000);

        assertThat(outcome.get()).isInstanceOf(CompletionStage.class);
        assertThat(((CompletionStage<?>) outcome.get()).toCompletableFuture()).isNotDone();
        assertThat(nacked.get()).as("dead-lettered").isNull();
        assertThat(acked.get()).isFalse();
    }
}
