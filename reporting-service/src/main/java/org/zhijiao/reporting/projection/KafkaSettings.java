package org.zhijiao.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Settings of the plain Kafka clients: the projection consumer and its dead letters, rebuild and freshness. */
@ApplicationScoped
public class KafkaSettings {

    /** The projection consumers' group (docs/operations.md names it for replays). */
    @ConfigProperty(name = "zhijiao.reporting.consumer.group-id", defaultValue = "reporting-projections")
    String group;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "zhijiao.reporting.consumer.max-poll-records", defaultValue = "1000")
    int maxPollRecords;

    @ConfigProperty(name = "zhijiao.reporting.consumer.fetch-max-wait", defaultValue = "PT0.05S")
    Duration fetchMaxWait;

    public String group() {
        return group;
    }

    public Properties admin() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "reporting-admin-" + UUID.randomUUID());
        return props;
    }

    /** A group-less reader that starts wherever it is told to seek. */
    public Properties reader(int maxPollRecords) {
        Properties props = admin();
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, "reporting-rebuild-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // bounded: a fetch's buffers are on top of the heap
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        return props;
    }

    /** The projection consumer: in the group, committing its offsets itself after each applied poll. */
    public Properties projectionConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchMaxWait.toMillis());
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true);
        // a poll's buffers live outside the heap budget: keep them small (a batch is at most max-poll-records)
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 8 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 2 * 1024 * 1024);
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
        return props;
    }

    /** The consumer's dead-letter producer: every send acknowledged by all replicas, never duplicated. */
    public Properties deadLetterProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }
}
