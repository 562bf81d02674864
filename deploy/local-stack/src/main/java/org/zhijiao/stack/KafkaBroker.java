package org.zhijiao.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.logging.Level;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real Apache Kafka broker running inside this JVM: one KRaft node that is broker and controller.
 * <p>
 * {@link #stop()} and {@link #start()} (or {@link #restart()}) bring it down and back on the same port
 * with the same data, so tests can prove that producers hold events while Kafka is away.
 * Topics are auto-created with 3 partitions.
 */
public final class KafkaBroker implements KafkaServer {

    private static final int NODE_ID = 1;

    /**
     * The broker's own loggers are chatty at INFO; WARN keeps test output readable. References are
     * held because java.util.logging forgets the level of a logger that was garbage collected.
     */
    private static final List<java.util.logging.Logger> QUIETED_LOGGERS = atWarning(
            "kafka", "state.change.logger", "org.apache.kafka.server", "org.apache.kafka.controller",
            "org.apache.kafka.raft", "org.apache.kafka.metadata", "org.apache.kafka.image",
            "org.apache.kafka.storage", "org.apache.kafka.coordinator", "org.apache.kafka.queue",
            "org.apache.kafka.snapshot", "org.apache.kafka.network",
            // dumps every configuration value of the broker, several times per start
            "org.apache.kafka.common.config.AbstractConfig");

    private final Path directory;
    private final ScratchDirectory scratch;
    private final int port;
    /** Fixed for the broker's lifetime, like {@link #port}, so a restart finds the same quorum. */
    private final int controllerPort;
    private KafkaRaftServer server; // guarded by this; null while stopped

    private KafkaBroker(Path directory, ScratchDirectory scratch, int port) {
        this.directory = directory;
        this.scratch = scratch;
        this.port = port == 0 ? Ports.free() : Ports.requireFree(port, "Kafka");
        this.controllerPort = Ports.free();
    }

    /**
     * Starts a broker on a fresh directory that {@link #close()} deletes.
     *
     * @param port the client port, 0 for a free one
     */
    public static KafkaBroker startTemporary(int port) {
        ScratchDirectory scratch = ScratchDirectory.create("kafka");
        try {
            KafkaBroker broker = new KafkaBroker(scratch.path(), scratch, port);
            broker.start();
            return broker;
        } catch (RuntimeException e) {
            scratch.close();
            throw e;
        }
    }

    /**
     * Starts a broker whose data lives in {@code directory} across runs; the directory is formatted on
     * first use.
     *
     * @param port the client port, 0 for a free one
     */
    public static KafkaBroker startPersistent(Path directory, int port) {
        KafkaBroker broker = new KafkaBroker(directory, null, port);
        broker.start();
        return broker;
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public boolean isEmbedded() {
        return true;
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        // Kafka loads plugin classes through the context class loader, and its threads inherit it: it must
        // be the broker's own, not e.g. that of the Quarkus application under test.
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaBroker.class.getClassLoader());
        try {
            Properties config = config();
            formatOnFirstStart(config);
            KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(config), Time.SYSTEM);
            try {
                starting.startup(); // returns once the broker is unfenced and serving
            } catch (Exception e) { // Scala code throws checked exceptions too
                shutdown(starting);
                throw new IllegalStateException("Kafka did not start on port " + port + ": " + e.getMessage(), e);
            }
            server = starting;
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        shutdown(stopping);
    }

    @Override
    public synchronized void restart() {
        stop();
        start();
    }

    @Override
    public synchronized void close() {
        try {
            stop();
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }

    private static List<java.util.logging.Logger> atWarning(String... names) {
        List<java.util.logging.Logger> loggers = new ArrayList<>();
        for (String name : names) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            loggers.add(logger);
        }
        return loggers;
    }

    private static void shutdown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private Properties config() {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", String.valueOf(NODE_ID));
        config.setProperty("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.setProperty("log.dirs", directory.resolve("data").toString());
        config.setProperty("auto.create.topics.enable", "true");
        config.setProperty("num.partitions", "3");
        // One node: internal topics cannot have more replicas than that.
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        // Fewer partitions for the consumer-offsets topic: the first consumer group is ready sooner.
        config.setProperty("offsets.topic.num.partitions", "5");
        // No waiting for more members before the first rebalance: consumers in tests start at once.
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        return config;
    }

    /** What {@code kafka-storage.sh format} does, skipped when the directory holds a formatted broker. */
    private void formatOnFirstStart(Properties config) {
        Path dataDir = directory.resolve("data");
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        Path configFile = directory.resolve("server.properties");
        try {
            Files.createDirectories(directory);
            try (Writer writer = Files.newBufferedWriter(configFile)) {
                config.store(writer, "Written by " + KafkaBroker.class.getName() + " to format the storage");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            exitCode = StorageTool.execute(new String[] {
                    "format", "--cluster-id", Uuid.randomUuid().toString(), "--config", configFile.toString() }, out);
        } catch (Exception e) { // Scala code throws checked exceptions too
            throw new IllegalStateException("Could not format Kafka storage in " + dataDir + ": " + e.getMessage(), e);
        }
        if (exitCode != 0) {
            throw new IllegalStateException("Could not format Kafka storage in " + dataDir + ": " + output.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public String toString() {
        return "embedded Kafka on port " + port;
    }
}
