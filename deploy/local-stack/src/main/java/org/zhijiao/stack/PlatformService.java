package org.zhijiao.stack;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The services the run command can launch, as fixed in docs/conventions.md. */
enum PlatformService {

    MEMBERSHIP("membership-service", 8081, 9081, 160),
    APPRENTICESHIP("apprenticeship-service", 8082, 9082, 160),
    // its counters keep memory independent of the number of aggregates; batches and caches are bounded
    REPORTING("reporting-service", 8083, 9083, 192),
    GATEWAY("gateway", 8080, 9080, 128);

    private static final int INITIAL_HEAP_MB = 64;

    private final String module;
    private final int defaultPort;
    private final int defaultManagementPort;
    private final int maxHeapMb;

    PlatformService(String module, int defaultPort, int defaultManagementPort, int maxHeapMb) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
        this.maxHeapMb = maxHeapMb;
    }

    /**
     * The JVM's sizing, the same as the image's ({@code quarkus.jib.jvm-additional-arguments}, checked by
     * PlatformServiceTest): a capped heap instead of a quarter of the machine, which starts at 64 MB rather
     * than at the cap, so an idle service has touched less of it; and the serial collector, which on one
     * or two cores and a small heap costs least memory and CPU.
     */
    List<String> jvmOptions() {
        return List.of("-Xmx" + maxHeapMb + "m", "-Xms" + INITIAL_HEAP_MB + "m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError");
    }

    int maxHeapMb() {
        return maxHeapMb;
    }

    /** The name on the command line, in logs and of the service's database, e.g. {@code membership}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    String module() {
        return module;
    }

    int defaultPort() {
        return defaultPort;
    }

    /** Of the management interface ({@code /q/health}, {@code /q/metrics}, {@code /q/openapi}, Swagger UI). */
    int defaultManagementPort() {
        return defaultManagementPort;
    }

    /** Where {@code ./mvnw package} leaves the service's runnable jar. */
    Path runnableJar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }

    static PlatformService byId(String id) {
        return Arrays.stream(values())
                .filter(service -> service.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown service \"" + id + "\"; known: " + ids()));
    }

    static String ids() {
        return Arrays.stream(values()).map(PlatformService::id).collect(Collectors.joining(","));
    }
}
