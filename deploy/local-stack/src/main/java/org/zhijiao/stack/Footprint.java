package org.zhijiao.stack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start-up and footprint benchmark ({@code deploy/local-stack/bench/footprint.sh}): starts PostgreSQL and
 * Kafka, then launches each service's runnable jar alone, as the run command does, and prints per service the
 * time from launch to a ready {@code /q/health/ready}, Quarkus's own "started in" figure, and the resident set
 * ({@code VmRSS}) and thread count after it has been idle for a while.
 *
 * <p>Several variants (a build of the repository in another directory, other JVM options) are measured
 * alternately in the same run, so their ratios are comparable on a machine whose load changes. Each service is
 * first launched once unmeasured, so every measured start finds its database migrated and its jar in the page cache.
 *
 * <pre>
 * java -cp zhijiao-local-stack.jar org.zhijiao.stack.Footprint [--services a,b] [--idle-seconds 30] [--runs 1]
 *     [--variant LABEL=REPOSITORY_ROOT] [--jvm LABEL=OPTIONS] [--java LABEL=JAVA_HOME]
 * </pre>
 * Without {@code --variant} the one measured variant is this repository ({@code current}). {@code --jvm} replaces
 * the JVM options of a variant's services (space-separated; {@code {heap}} stands for the service's heap size);
 * {@code --java} runs them on another JDK than the benchmark's own (e.g. a JDK 25 beside the default 17).
 */
public final class Footprint {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private record Variant(String label, Path root, Path java, List<String> jvmOptions) {

        List<String> jvmOptionsOf(PlatformService service) {
            if (jvmOptions == null) {
                return java.equals(ServiceProcess.launcherJava()) ? service.jvmOptions(Runtime.version())
                        : service.jvmOptions();
            }
            return jvmOptions.stream().map(option -> option.replace("{heap}", String.valueOf(service.maxHeapMb()))).toList();
        }
    }

    private record Measurement(PlatformService service, Variant variant, double readySeconds, String quarkusSeconds,
            long residentKb, int threads) {
    }

    /** The service being measured, stopped by a shutdown hook if the benchmark is interrupted. */
    private volatile ServiceProcess current;

    private Footprint() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ServiceProcess running = current;
            if (running != null) {
                stop(running);
            }
        }, "footprint-shutdown"));
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        List<PlatformService> services = List.of(PlatformService.values());
        int idleSeconds = 30;
        int runs = 1;
        Map<String, Path> roots = new LinkedHashMap<>();
        Map<String, List<String>> jvmOptions = new LinkedHashMap<>();
        Map<String, Path> javas = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--services" -> services = Arrays.stream(value.split(",")).map(PlatformService::byId).toList();
                case "--idle-seconds" -> idleSeconds = Integer.parseInt(value);
                case "--runs" -> runs = Integer.parseInt(value);
                case "--variant" -> roots.put(label(value),
                        Path.of(value.substring(value.indexOf('=') + 1)).toAbsolutePath().normalize());
                case "--jvm" -> jvmOptions.put(label(value), List.of(value.substring(value.indexOf('=') + 1).trim().split("\\s+")));
                case "--java" -> javas.put(label(value),
                        Path.of(value.substring(value.indexOf('=') + 1)).resolve("bin/java").toAbsolutePath().normalize());
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; usage: [--services a,b] [--idle-seconds N] [--runs N] [--variant LABEL=DIR] [--jvm LABEL=OPTIONS]"
                        + " [--java LABEL=JAVA_HOME]");
            }
            i++;
        }
        if (roots.isEmpty()) {
            roots.put("current", Path.of("").toAbsolutePath().normalize());
        }
        List<Variant> variants = new ArrayList<>();
        roots.forEach((label, root) -> variants.add(new Variant(label, root,
                javas.getOrDefault(label, ServiceProcess.launcherJava()), jvmOptions.get(label))));
        for (Map<String, ?> perVariant : List.of(jvmOptions, javas)) {
            perVariant.keySet().stream().filter(label -> !roots.containsKey(label)).findAny().ifPresent(label -> {
                throw new IllegalArgumentException("--jvm or --java " + label + "=... names no --variant");
            });
        }
        for (Variant variant : variants) {
            for (PlatformService service : services) {
                if (!Files.isRegularFile(service.runnableJar(variant.root()))) {
                    throw new IllegalStateException(service.runnableJar(variant.root()) + " is missing; build it first");
                }
            }
        }
        new Footprint().run(services, variants, idleSeconds, runs);
    }

    private static String label(String assignment) {
        if (assignment.indexOf('=') < 1) {
            throw new IllegalArgumentException("Expected LABEL=VALUE, got \"" + assignment + "\"");
        }
        return assignment.substring(0, assignment.indexOf('='));
    }

    private void run(List<PlatformService> services, List<Variant> variants, int idleSeconds, int runs) throws Exception {
        Path logs = Files.createTempDirectory("zhijiao-footprint-");
        print("FOOTPRINT java " + System.getProperty("java.version") + " (" + System.getProperty("java.home") + "), "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load average " + loadAverage() + "; logs in " + logs);
        for (Variant variant : variants) {
            print("FOOTPRINT variant " + variant.label() + ": " + variant.root() + ", " + variant.java()
                    + (variant.jvmOptions() == null
                    ? " (the run command's JVM options)" : " with " + String.join(" ", variant.jvmOptions())));
        }
        List<Measurement> measurements = new ArrayList<>();
        try (LocalStack stack = LocalStack.start(LocalStack.Settings.temporary())) {
            for (PlatformService service : services) {
                stack.postgres().createDatabaseIfMissing(service.id());
                // unmeasured: migrates the database and brings the jars into the page cache
                Variant first = variants.get(0);
                stop(launchUntilReady(service, first, stack, logs.resolve(service.id() + "-warm-up.log")).process());
                for (int run = 1; run <= runs; run++) {
                    for (Variant variant : variants) {
                        measurements.add(measure(service, variant, stack, idleSeconds,
                                logs.resolve(service.id() + "-" + variant.label() + "-" + run + ".log")));
                    }
                }
            }
        }
        print("");
        print(String.format(Locale.ROOT, "FOOTPRINT %-15s %-10s %8s %10s %10s %8s", "service", "variant", "ready s",
                "quarkus s", "RSS MB", "threads"));
        for (Measurement m : measurements) {
            print(String.format(Locale.ROOT, "FOOTPRINT %-15s %-10s %8.2f %10s %10.0f %8d", m.service().id(),
                    m.variant().label(), m.readySeconds(), m.quarkusSeconds(), m.residentKb() / 1024.0, m.threads()));
        }
        print("FOOTPRINT RSS after " + idleSeconds + " s idle; load average at the end " + loadAverage()
                + " (figures from a loaded machine are not comparable with an idle one's; compare variants within a run)");
    }

    private record Started(ServiceProcess process, double readySeconds) {
    }

    private Measurement measure(PlatformService service, Variant variant, LocalStack stack, int idleSeconds, Path log)
            throws Exception {
        Started started = launchUntilReady(service, variant, stack, log);
        try {
            Thread.sleep(Duration.ofSeconds(idleSeconds).toMillis());
            long pid = started.process().process().pid();
            Measurement measurement = new Measurement(service, variant, started.readySeconds(), quarkusStartedIn(log),
                    status(pid, "VmRSS"), (int) status(pid, "Threads"));
            print(String.format(Locale.ROOT, "FOOTPRINT %s (%s): ready after %.2f s (Quarkus: started in %s s), %d MB resident, %d threads",
                    service.id(), variant.label(), measurement.readySeconds(), measurement.quarkusSeconds(),
                    measurement.residentKb() / 1024, measurement.threads()));
            return measurement;
        } finally {
            stop(started.process());
        }
    }

    private Started launchUntilReady(PlatformService service, Variant variant, LocalStack stack, Path log)
            throws IOException, InterruptedException {
        Map<String, String> environment = new LinkedHashMap<>(ServiceEnvironment.of(stack, service.id()));
        if (service == PlatformService.GATEWAY) {
            // alone: the services it routes to are absent, which its readiness does not depend on
            ServiceEnvironment.ServiceUrls nowhere = new ServiceEnvironment.ServiceUrls("http://localhost:1", "http://localhost:1");
            environment.putAll(ServiceEnvironment.gateway(nowhere, nowhere, nowhere,
                    ServiceEnvironment.bootstrapClient(log.resolveSibling("secretariat.client"))));
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long launched = System.nanoTime();
        ServiceProcess process = ServiceProcess.start(service, variant.root(), variant.java(),
                variant.jvmOptionsOf(service), Ports.free(), Ports.free(), environment, log, false);
        current = process;
        while (!process.isReady(http)) {
            if (!process.process().isAlive() || System.nanoTime() - launched > READY_TIMEOUT.toNanos()) {
                stop(process);
                throw new IllegalStateException(service.id() + " (" + variant.label() + ") did not become ready ("
                        + process.lastProbe() + ")\n" + Logs.tail(log, 20));
            }
            Thread.sleep(20);
        }
        return new Started(process, (System.nanoTime() - launched) / 1e9);
    }

    private static void stop(ServiceProcess process) {
        Processes.stopAll(List.of(process.process().toHandle()), STOP_GRACE);
    }

    private static String quarkusStartedIn(Path log) throws IOException {
        Matcher matcher = STARTED_IN.matcher(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
        return matcher.find() ? matcher.group(1) : "?";
    }

    /** A numeric field of /proc/PID/status, e.g. {@code VmRSS} (kB) or {@code Threads}. */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("No " + field + " in /proc/" + pid + "/status");
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
