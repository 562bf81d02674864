package org.zhijiao.stack;

/** An existing Kafka broker (the form of {@code ZHIJIAO_KAFKA_BOOTSTRAP}); the local stack never stops it. */
public final class ExternalKafkaServer implements KafkaServer {

    private final String bootstrapServers;

    public ExternalKafkaServer(String bootstrapServers) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Expected bootstrap servers like localhost:9092");
        }
        this.bootstrapServers = bootstrapServers.trim();
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public boolean isEmbedded() {
        return false;
    }

    @Override
    public void start() {
        throw notOurs();
    }

    @Override
    public void stop() {
        throw notOurs();
    }

    @Override
    public void restart() {
        throw notOurs();
    }

    @Override
    public void close() {
        // not ours to stop
    }

    private UnsupportedOperationException notOurs() {
        return new UnsupportedOperationException("Kafka at " + bootstrapServers + " is external (ZHIJIAO_KAFKA_BOOTSTRAP) "
                + "and cannot be stopped or started; guard such tests with assumeTrue(kafka.isEmbedded())");
    }

    @Override
    public String toString() {
        return "external Kafka at " + bootstrapServers;
    }
}
