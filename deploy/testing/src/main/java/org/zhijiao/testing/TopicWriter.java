package org.zhijiao.testing;

import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.zhijiao.commons.events.CloudEvent;

/**
 * Writes to a topic of the test stack's broker as a service's outbox relay does: keyed by the aggregate,
 * with the CloudEvents content type header and, for a change made in a trace, its W3C {@code traceparent}.
 * The counterpart of {@link TopicReader}, for the tests of consumers; it checks nothing, so a test can
 * also write what breaks a topic's contract.
 */
public final class TopicWriter {

    private static KafkaProducer<String, String> producer;

    private TopicWriter() {
    }

    /** Sends and waits for the broker's acknowledgement; returns where the record was written. */
    public static RecordMetadata send(String topic, String key, String value) {
        return send(topic, key, value, null);
    }

    /** As {@link #send(String, String, String)}, with the {@code traceparent} header unless it is null. */
    public static synchronized RecordMetadata send(String topic, String key, String value, String traceparent) {
        ProducerRecord<String, String> record = record(topic, key, value);
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        try {
            return producer().send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while producing to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + topic, e.getCause());
        }
    }

    /** Sends without waiting for the acknowledgement: for a steady load, or bulk with {@link #flush()}. */
    public static synchronized void sendAsync(String topic, String key, String value) {
        producer().send(record(topic, key, value));
    }

    /** Waits until everything sent so far is acknowledged. */
    public static synchronized void flush() {
        producer().flush();
    }

    private static ProducerRecord<String, String> record(String topic, String key, String value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackTestResource.stack().kafka().bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
