package org.zhijiao.stack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A built service (its {@code target/quarkus-app/quarkus-run.jar}) started as a child JVM against a
 * local stack, the way the run command starts it: for tests that need a real service next to the one
 * under test, e.g. behind the gateway.
 */
public final class LaunchedService implements AutoCloseable {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final HttpClient PROBES = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Path repositoryRoot;
    private final Map<String, String> environment;
    private ServiceProcess process; // guarded by this; replaced by a restart

    private LaunchedService(ServiceProcess process, Path repositoryRoot, Map<String, String> environment) {
        this.process = process;
        this.repositoryRoot = repositoryRoot;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Starts {@code serviceId} (e.g. {@code membership}) on free ports (API and management) with its database
     * {@code database} on {@code stack}, and waits until it is ready.
     *
     * @throws IllegalStateException when the jar is missing, or the service exits or is not ready in time
     */
    public static LaunchedService start(String serviceId, Path repositoryRoot, LocalStack stack, String database,
            Path logFile, Duration readyTimeout) throws IOException, InterruptedException {
        return start(serviceId, repositoryRoot, stack, database, Map.of(), logFile, readyTimeout);
    }

    /** As above, with {@code extraEnvironment} added to the service's environment (e.g. the gateway's upstreams). */
    public static LaunchedService start(String serviceId, Path repositoryRoot, LocalStack stack, String database,
            Map<String, String> extraEnvironment, Path logFile, Duration readyTimeout)
            throws IOException, InterruptedException {
        PlatformService service = PlatformService.byId(serviceId);
        Path jar = service.runnableJar(repositoryRoot);
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(jar + " is missing; build " + service.module() + " first (./mvnw -pl "
                    + service.module() + " package)");
        }
        stack.postgres().createDatabaseIfMissing(database);
        Map<String, String> environment = new HashMap<>(ServiceEnvironment.of(stack, database));
        environment.putAll(extraEnvironment);
        LaunchedService launched = new LaunchedService(ServiceProcess.start(service, repositoryRoot, Ports.free(), Ports.free(),
                environment, logFile, false), repositoryRoot, environment);
        try {
            launched.awaitReady(readyTimeout);
        } catch (IllegalStateException | InterruptedException e) {
            launched.close();
            throw e;
        }
        return launched;
    }

    /** The service's process id (benchmarks read its resident memory). */
    public synchronized long pid() {
        return process.process().pid();
    }

    /** e.g. {@code http://localhost:41234} */
    public synchronized String url() {
        return process.url();
    }

    /** The management interface ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}), e.g. {@code http://localhost:41235} */
    public synchronized String managementUrl() {
        return process.managementUrl();
    }

    /**
     * Kills the service as a crash would (SIGKILL: no shutdown hook, no graceful close of its consumers
     * and connections) and waits until it is gone.
     */
    public synchronized void kill() {
        List<ProcessHandle> processes = processes();
        processes.forEach(ProcessHandle::destroyForcibly);
        processes.forEach(p -> p.onExit().join());
    }

    /**
     * Starts the service again after {@link #kill()} or {@link #close()}: the same jar, ports and
     * environment (so whoever calls it, e.g. the gateway, finds it where it was), its output appended to
     * the same log. Waits until it is ready.
     *
     * @throws IllegalStateException when it is still running, or exits or is not ready in time
     */
    public synchronized void restart(Duration readyTimeout) throws IOException, InterruptedException {
        if (process.process().isAlive()) {
            throw new IllegalStateException(process.service().id() + " still runs (pid " + pid() + ")");
        }
        process = ServiceProcess.start(process.service(), repositoryRoot, process.port(), process.managementPort(),
                environment, process.logFile(), true);
        awaitReady(readyTimeout);
    }

    /** Whether it answers ready now ({@code /q/health/ready} on its management port: 200). */
    public boolean isReady() throws InterruptedException {
        ServiceProcess current;
        synchronized (this) {
            current = process;
        }
        return current.isReady(PROBES);
    }

    public ServiceEnvironment.ServiceUrls urls() {
        return new ServiceEnvironment.ServiceUrls(url(), managementUrl());
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!process.isReady(PROBES)) {
            if (!process.process().isAlive()) {
                throw new IllegalStateException(process.service().id() + " exited with code " + process.process().exitValue()
                        + " while starting; see " + process.logFile() + "\n" + Logs.tail(process.logFile(), 15));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(process.service().id() + " not ready after " + timeout.toSeconds()
                        + " s (last readiness answer: " + process.lastProbe() + "); see " + process.logFile());
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    /** Stops the service (SIGTERM, then SIGKILL after a grace period) and waits until it is gone. */
    @Override
    public synchronized void close() {
        Processes.stopAll(processes(), STOP_GRACE);
    }

    private List<ProcessHandle> processes() {
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(process.process().toHandle());
        process.process().descendants().forEach(processes::add);
        return processes;
    }
}
