package org.zhijiao.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * The platform's infrastructure for tests and the run command: PostgreSQL, Kafka and the JWT keys.
 * <p>
 * PostgreSQL and Kafka are embedded unless the environment names existing servers:
 * {@value #PG_URL_ENV} (JDBC URL with {@code user} and {@code password} parameters, a user that may
 * create databases) and {@value #KAFKA_BOOTSTRAP_ENV} (bootstrap servers).
 * <p>
 * A {@linkplain Settings#temporary() temporary} stack keeps everything in scratch directories deleted
 * by {@link #close()}. A {@linkplain Settings#persistent(Path) persistent} one keeps its data in one
 * directory across runs: {@code postgres/}, {@code kafka/}, {@code jwt/} and {@code logs/}.
 */
public final class LocalStack implements AutoCloseable {

    public static final String PG_URL_ENV = "ZHIJIAO_PG_URL";
    public static final String KAFKA_BOOTSTRAP_ENV = "ZHIJIAO_KAFKA_BOOTSTRAP";

    private static final Logger LOG = Logger.getLogger(LocalStack.class);

    /**
     * @param dataDir where a persistent stack keeps its data; null for a temporary stack
     * @param postgresPort port of an embedded PostgreSQL, 0 for a free one
     * @param kafkaPort client port of an embedded Kafka, 0 for a free one
     * @param environment where {@value #PG_URL_ENV} and {@value #KAFKA_BOOTSTRAP_ENV} are looked up
     */
    public record Settings(Path dataDir, int postgresPort, int kafkaPort, Map<String, String> environment) {

        public Settings {
            Objects.requireNonNull(environment, "environment");
        }

        /** Scratch data, free ports, servers from the process environment. */
        public static Settings temporary() {
            return new Settings(null, 0, 0, System.getenv());
        }

        /** Data kept in {@code dataDir}, free ports, servers from the process environment. */
        public static Settings persistent(Path dataDir) {
            return new Settings(Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath(), 0, 0, System.getenv());
        }

        public Settings withPostgresPort(int port) {
            return new Settings(dataDir, port, kafkaPort, environment);
        }

        public Settings withKafkaPort(int port) {
            return new Settings(dataDir, postgresPort, port, environment);
        }

        public Settings withEnvironment(Map<String, String> environment) {
            return new Settings(dataDir, postgresPort, kafkaPort, environment);
        }

        String environment(String name) {
            String value = environment.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final JwtKeys jwtKeys;
    /** Set for a temporary stack (its key directory) and a persistent one (its lock) respectively. */
    private final ScratchDirectory scratch;
    private final DataDirectoryLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalStack(PostgresServer postgres, KafkaServer kafka, JwtKeys jwtKeys, ScratchDirectory scratch, DataDirectoryLock lock) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.jwtKeys = jwtKeys;
        this.scratch = scratch;
        this.lock = lock;
    }

    /**
     * Starts (or connects to) PostgreSQL and Kafka, concurrently, and loads or creates the JWT keys.
     *
     * @throws PortInUseException when a fixed port is taken
     * @throws IllegalStateException when a persistent data directory is used by another running stack
     */
    public static LocalStack start(Settings settings) {
        long started = System.nanoTime();
        Path dataDir = settings.dataDir();
        DataDirectoryLock lock = dataDir == null ? null : DataDirectoryLock.acquire(dataDir);
        ScratchDirectory scratch = null;
        PostgresServer postgres = null;
        CompletableFuture<KafkaServer> kafka = CompletableFuture.supplyAsync(() -> startKafka(settings),
                task -> new Thread(task, "local-stack-kafka-start").start());
        try {
            postgres = startPostgres(settings);
            KafkaServer runningKafka = join(kafka);
            JwtKeys jwtKeys;
            if (dataDir == null) {
                scratch = ScratchDirectory.create("jwt");
                jwtKeys = JwtKeys.loadOrCreate(scratch.path());
            } else {
                jwtKeys = JwtKeys.loadOrCreate(dataDir.resolve("jwt"));
            }
            LOG.infof("Local stack up in %d ms: %s, %s", (System.nanoTime() - started) / 1_000_000, postgres, runningKafka);
            return new LocalStack(postgres, runningKafka, jwtKeys, scratch, lock);
        } catch (RuntimeException | Error e) {
            KafkaServer startedKafka = kafka.handle((server, failure) -> server).join();
            closeAll(startedKafka, postgres, scratch, lock);
            throw e;
        }
    }

    /** A stack of servers started elsewhere, e.g. by another class loader; {@link #close()} closes them. */
    public static LocalStack of(PostgresServer postgres, KafkaServer kafka, JwtKeys jwtKeys) {
        return new LocalStack(Objects.requireNonNull(postgres, "postgres"), Objects.requireNonNull(kafka, "kafka"),
                Objects.requireNonNull(jwtKeys, "jwtKeys"), null, null);
    }

    /** Deletes a persistent stack's data directory; refuses while a stack runs from it. */
    public static void deleteDataDirectory(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (DataDirectoryLock ignored = DataDirectoryLock.acquire(dataDir)) {
            ScratchDirectory.deleteRecursively(dataDir);
        }
    }

    private static PostgresServer startPostgres(Settings settings) {
        String url = settings.environment(PG_URL_ENV);
        if (url != null) {
            return ExternalPostgresServer.fromJdbcUrl(url);
        }
        if (settings.dataDir() == null) {
            return EmbeddedPostgresServer.startTemporary(settings.postgresPort());
        }
        return EmbeddedPostgresServer.startPersistent(settings.dataDir().resolve("postgres"),
                settings.dataDir().resolve("logs").resolve("postgres.log"), settings.postgresPort());
    }

    private static KafkaServer startKafka(Settings settings) {
        String bootstrap = settings.environment(KAFKA_BOOTSTRAP_ENV);
        if (bootstrap != null) {
            return new ExternalKafkaServer(bootstrap);
        }
        if (settings.dataDir() == null) {
            return KafkaBroker.startTemporary(settings.kafkaPort());
        }
        return KafkaBroker.startPersistent(settings.dataDir().resolve("kafka"), settings.kafkaPort());
    }

    private static KafkaServer join(CompletableFuture<KafkaServer> kafka) {
        try {
            return kafka.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public JwtKeys jwtKeys() {
        return jwtKeys;
    }

    /** Stops Kafka, then PostgreSQL (embedded ones only), then removes temporary files. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            closeAll(kafka, postgres, scratch, lock);
        }
    }

    /** Each step runs even when an earlier one failed: a half-stopped stack would leak processes. */
    private static void closeAll(KafkaServer kafka, PostgresServer postgres, ScratchDirectory scratch, DataDirectoryLock lock) {
        if (kafka != null) {
            closeQuietly("Kafka", kafka::close);
        }
        if (postgres != null) {
            closeQuietly("PostgreSQL", postgres::stop);
        }
        if (scratch != null) {
            closeQuietly("JWT key directory", scratch::close);
        }
        if (lock != null) {
            closeQuietly("data directory lock", lock::close);
        }
    }

    private static void closeQuietly(String what, Runnable close) {
        try {
            close.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not stop %s", what);
        }
    }
}
