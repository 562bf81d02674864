package org.zhijiao.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The services the run command can launch, as fixed in docs/conventions.md. */
enum PlatformService {

    MEMBERSHIP("membership-service", 8081, 9081, 160, 12),
    APPRENTICESHIP("apprenticeship-service", 8082, 9082, 160, 12),
    // its counters keep memory independent of the number of aggregates; batches and caches are bounded. Its
    // consumer allocates a batch of events at a time and is throughput-bound: the young generation keeps the
    // JVM's own sizing so that a batch dies young. G1, not the serial collector: its reads have latency targets
    // (a figure's p99 ≤ 50 ms) that a stop-the-world collection of the whole heap would miss, and at the scale
    // reference G1 cost no consumer throughput (docs/benchmarks.md, "Reporting")
    REPORTING("reporting-service", 8083, 9083, 192, 0),
    GATEWAY("gateway", 8080, 9080, 128, 12);

    private static final int INITIAL_HEAP_MB = 64;
    private static final int METASPACE_GC_THRESHOLD_MB = 128;
    private static final int TRIM_INTERVAL_MS = 5000;
    private static final String TRIM_NATIVE_HEAP = "-XX:TrimNativeHeapInterval=" + TRIM_INTERVAL_MS;

    private final String module;
    private final int defaultPort;
    private final int defaultManagementPort;
    private final int maxHeapMb;
    /** {@code -Xmn}, or 0 for the JVM's own sizing. */
    private final int youngGenerationMb;

    PlatformService(String module, int defaultPort, int defaultManagementPort, int maxHeapMb, int youngGenerationMb) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.defaultManagementPort = defaultManagementPort;
        this.maxHeapMb = maxHeapMb;
        this.youngGenerationMb = youngGenerationMb;
    }

    /**
     * The JVM's sizing, the same as the image's ({@code quarkus.jib.jvm-additional-arguments}, checked by
     * PlatformServiceTest; docs/benchmarks.md, "Start-up and footprint", has the measurements):
     * <ul>
     * <li>a capped heap instead of a quarter of the machine, which starts at 64 MB rather than at the cap, so an
     * idle service has touched less of it;</li>
     * <li>a young generation of 12 MB where requests allocate little and die young (membership, apprenticeship,
     * the gateway): an idle service's timers cycle through all of it, 21 MB by default, so it is all resident;</li>
     * <li>the serial collector, which on one or two cores and a small heap costs least memory and CPU (the JVM
     * would pick it itself in a pod limited to one CPU; saying so keeps the run command and the pods alike) —
     * except for reporting-service, whose reads have latency targets: G1;</li>
     * <li>the C heap trimmed every {@value #TRIM_INTERVAL_MS} ms: glibc keeps what start-up freed (class parsing,
     * the JIT's arenas) otherwise, 17 to 27 MB of an idle service;</li>
     * <li>no full collection for metadata before {@value #METASPACE_GC_THRESHOLD_MB} MB of classes: with the
     * default threshold (21 MB) every start paid two full collections while loading its ~60 MB of classes.</li>
     * </ul>
     */
    List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-Xmx" + maxHeapMb + "m", "-Xms" + INITIAL_HEAP_MB + "m"));
        if (youngGenerationMb > 0) {
            options.add("-Xmn" + youngGenerationMb + "m");
        }
        // G1 for reporting-service only: see the comment on REPORTING
        String collector = this == REPORTING ? "-XX:+UseG1GC" : "-XX:+UseSerialGC";
        options.addAll(List.of(collector, "-XX:MetaspaceSize=" + METASPACE_GC_THRESHOLD_MB + "m",
                TRIM_NATIVE_HEAP, "-XX:+ExitOnOutOfMemoryError"));
        return List.copyOf(options);
    }

    /**
     * {@link #jvmOptions()} as far as {@code jvm} knows them: a JDK 17 before 17.0.11 (April 2024) or 21 before
     * 21.0.3 has no {@code TrimNativeHeapInterval} as a product option and would refuse to start; the images run
     * a current one.
     */
    List<String> jvmOptions(Runtime.Version jvm) {
        boolean trims = jvm.feature() == 17 ? jvm.update() >= 11
                : jvm.feature() == 21 ? jvm.update() >= 3
                : jvm.feature() == 22 ? jvm.update() >= 1
                : jvm.feature() > 22;
        return trims ? jvmOptions() : jvmOptions().stream().filter(option -> !option.equals(TRIM_NATIVE_HEAP)).toList();
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
