package org.zhijiao.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what really reached a topic of the test stack's broker, from the beginning, without a
 * consumer group. Tests filter by key (the aggregate id), so runs against a shared broker work too.
 */
public final class TopicReader {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** One record: key, parsed JSON value, partition/offset and headers. */
    public record Event(String key, JsonNode value, int partition, long offset, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name);
        }
    }

    private TopicReader() {
    }

    /**
     * Waits until at least {@code count} records with key {@code key} are on the topic and returns
     * all of them in offset order. Fails if they do not arrive within {@code timeout}.
     */
    public static List<Event> await(String topic, String key, int count, Duration timeout) {
        List<Event> matching = readUntil(topic, timeout, events -> events.stream().filter(e -> key.equals(e.key()))
                .count() >= count).stream().filter(e -> key.equals(e.key())).toList();
        if (matching.size() < count) {
            throw new AssertionError("Expected " + count + " events with key " + key + " on " + topic + " within "
                    + timeout + ", found " + matching.size());
        }
        return matching;
    }

    /** Everything on the topic now, read for at most {@code timeout}. */
    public static List<Event> readAll(String topic, Duration timeout) {
        return readUntil(topic, timeout, events -> false);
    }

    /**
     * Reads the topic from the beginning until {@code done} holds for what was read, the end of
     * every partition was reached after {@code done} failed and nothing more arrived, or the time ran out.
     */
    public static List<Event> readUntil(String topic, Duration timeout, Predicate<List<Event>> done) {
        return read(LocalStackTestResource.stack().kafka().bootstrapServers(), topic, timeout, done, false);
    }

    /**
     * Everything on {@code topic} of the broker at {@code bootstrapServers} up to the end each partition had
     * when reading began, in partition and offset order.
     *
     * @throws AssertionError when that end is not reached within {@code timeout}
     */
    public static List<Event> readToEnd(String bootstrapServers, String topic, Duration timeout) {
        return read(bootstrapServers, topic, timeout, events -> false, true);
    }

    private static List<Event> read(String bootstrapServers, String topic, Duration timeout, Predicate<List<Event>> done,
            boolean toEndSeenFirst) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(2));
                partitions = infos == null ? List.of()
                        : infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
                if (partitions.isEmpty()) {
                    sleep(200);
                }
            }
            if (partitions.isEmpty()) {
                return events;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> firstEnds = toEndSeenFirst ? consumer.endOffsets(partitions) : Map.of();
            while (true) {
                if (toEndSeenFirst && partitions.stream().allMatch(p -> consumer.position(p) >= firstEnds.get(p))) {
                    break;
                }
                if (System.nanoTime() >= deadline) {
                    if (toEndSeenFirst) {
                        throw new AssertionError("Did not read " + topic + " to its end " + firstEnds + " within " + timeout
                                + " (read " + events.size() + " records)");
                    }
                    break;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    events.add(toEvent(record));
                }
                if (done.test(events)) {
                    break;
                }
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                boolean atEnd = partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                if (atEnd && done.test(events)) {
                    break;
                }
            }
        }
        events.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return events;
    }

    private static Event toEvent(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        JsonNode value;
        try {
            value = JSON.readTree(record.value());
        } catch (Exception e) {
            value = JSON.getNodeFactory().textNode(record.value());
        }
        return new Event(record.key(), value, record.partition(), record.offset(), headers);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
