package org.zhijiao.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One service launched by the run command as a child JVM ({@code java -jar quarkus-run.jar}). */
final class ServiceProcess {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** Written by the Quarkus build next to quarkus-run.jar when {@code quarkus.package.jar.appcds.enabled=true}. */
    private static final String CLASS_DATA_ARCHIVE = "app-cds.jsa";

    private final PlatformService service;
    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final Process process;
    private final URI readiness;
    /** The last answer of the readiness probe, for error messages: a status code or why there was none. */
    private volatile String lastProbe = "no answer yet";

    private ServiceProcess(PlatformService service, int port, int managementPort, Path logFile, Process process) {
        this.service = service;
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.process = process;
        this.readiness = URI.create(managementUrl() + "/q/health/ready");
    }

    /**
     * Starts the service's runnable jar with the launcher's JVM, in the service's module directory (where
     * Quarkus also reads {@code config/} and {@code .env}) or, with a class data archive, in its
     * {@code target/quarkus-app}, with {@code environment} added and all output in {@code logFile}
     * (truncated, or appended to when {@code appendLog}: a restart keeps the log of the run before).
     */
    static ServiceProcess start(PlatformService service, Path repositoryRoot, int port, int managementPort,
            Map<String, String> environment, Path logFile, boolean appendLog) throws IOException {
        return start(service, repositoryRoot, launcherJava(), service.jvmOptions(Runtime.version()), port,
                managementPort, environment, logFile, appendLog);
    }

    /** The {@code java} of the JVM running this launcher, which the services run on too. */
    static Path launcherJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** As above with another JVM or other options than the service's own (the footprint benchmark compares them). */
    static ServiceProcess start(PlatformService service, Path repositoryRoot, Path java, List<String> jvmOptions,
            int port, int managementPort, Map<String, String> environment, Path logFile, boolean appendLog)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmOptions);
        Path application = service.runnableJar(repositoryRoot).getParent();
        Path directory;
        if (Files.isRegularFile(application.resolve(CLASS_DATA_ARCHIVE))) {
            // The archive records the class path relative to quarkus-app/, so the JVM must start there. A JVM
            // other than the one that built it ignores the archive (and logs why) and loads classes as usual.
            command.addAll(List.of("-XX:SharedArchiveFile=" + CLASS_DATA_ARCHIVE, "-Xshare:auto", "-jar", "quarkus-run.jar"));
            directory = application;
        } else {
            command.addAll(List.of("-jar", service.runnableJar(repositoryRoot).toString()));
            directory = repositoryRoot.resolve(service.module());
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(logFile.toFile())
                        : ProcessBuilder.Redirect.to(logFile.toFile()));
        // glibc's per-thread malloc arenas would otherwise hold tens of MB per busy thread
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        return new ServiceProcess(service, port, managementPort, logFile, builder.start());
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    PlatformService service() {
        return service;
    }

    Process process() {
        return process;
    }

    Path logFile() {
        return logFile;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** The management interface: health, metrics, the service's own OpenAPI document and Swagger UI. */
    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    String lastProbe() {
        return lastProbe;
    }

    /** Whether {@code /q/health/ready} on the management port answers 200 (all checks UP). */
    boolean isReady(HttpClient http) throws InterruptedException {
        try {
            int status = http.send(HttpRequest.newBuilder(readiness).timeout(PROBE_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            lastProbe = "HTTP " + status;
            return status == 200;
        } catch (IOException e) {
            lastProbe = e.getClass().getSimpleName();
            return false;
        }
    }
}
