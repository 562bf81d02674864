package org.zhijiao.stack;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A Kafka broker of the local stack: the embedded {@link KafkaBroker}, or an existing one named by
 * {@code ZHIJIAO_KAFKA_BOOTSTRAP}. Only an embedded broker can be stopped and started; tests that do
 * so should first check {@link #isEmbedded()} (e.g. with JUnit's {@code assumeTrue}).
 */
public interface KafkaServer {

    /** The {@code bootstrap.servers} value for clients. */
    String bootstrapServers();

    /** Whether this broker was started by the local stack (and so can be stopped and restarted). */
    boolean isEmbedded();

    /** Starts a stopped broker again (same port, same data); does nothing when it runs. */
    void start();

    /** Stops the broker, keeping its port and data for {@link #start()}; does nothing when it is stopped. */
    void stop();

    /** {@link #stop()} then {@link #start()}: the broker comes back on the same port with the same data. */
    void restart();

    /** Stops the broker for good, deleting a temporary broker's data. */
    void close();

    /**
     * Creates the topics that do not exist yet, with the broker's default partition count and
     * replication factor.
     */
    default void createTopics(String... topics) {
        Duration timeout = Duration.ofSeconds(30);
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()))) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(Arrays.stream(topics)
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty()))
                    .toList()).values();
            for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
                try {
                    result.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Could not create topic " + result.getKey() + " at " + bootstrapServers(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics at " + bootstrapServers(), e);
        }
    }
}
