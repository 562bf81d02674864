package org.zhijiao.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Connection settings for the plain Kafka clients: consumers, rebuild and freshness. */
@ApplicationScoped
public class KafkaSettings {

    /** The projection consumers' group (docs/operations.md names it for replays). */
    @ConfigProperty(name = "zhijiao.reporting.consumer.group-id", defaultValue = "reporting-projections")
    String group;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

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
}
