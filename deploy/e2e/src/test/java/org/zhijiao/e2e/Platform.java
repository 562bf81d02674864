package org.zhijiao.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.zhijiao.stack.LaunchedService;
import org.zhijiao.stack.LocalStack;
import org.zhijiao.stack.ServiceEnvironment;
import org.zhijiao.demo.PlatformClient;
import org.zhijiao.demo.ReferenceGroupLoader;

/**
 * The whole platform for the end-to-end tests: a fresh local stack, the three services and the
 * gateway, each the real runnable jar the build produced, on free ports. {@link #get()} gives the one
 * the tests of a JVM share; {@link #startSeparate()} one for a test that breaks things (the fault suite).
 */
final class Platform implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(180);
    private static Platform running;

    final LocalStack stack;
    /** The gateway's bootstrap group admin. */
    final ServiceEnvironment.BootstrapClient admin;
    final URI gateway;
    final LaunchedService membership;
    final LaunchedService apprenticeship;
    final LaunchedService reporting;
    final Path logs;
    private final List<LaunchedService> services = new ArrayList<>();
    private Map<String, String> referenceGroup;

    static synchronized Platform get() {
        if (running == null) {
            running = start();
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "e2e-platform-shutdown"));
        }
        return running;
    }

    /** A platform of its own, logging to {@code deploy/e2e/target/<logDirectory>}; the caller closes it. */
    static Platform startSeparate(String logDirectory) {
        return start(logDirectory);
    }

    private static Platform start() {
        return start("e2e-logs");
    }

    private static Platform start(String logDirectory) {
        Path root = repositoryRoot();
        Path logs = root.resolve("deploy/e2e/target").resolve(logDirectory);
        LocalStack stack = LocalStack.start(LocalStack.Settings.temporary());
        try {
            Files.createDirectories(logs);
            ServiceEnvironment.BootstrapClient secretariat = ServiceEnvironment.bootstrapClient(logs.resolve("secretariat.client"));
            CompletableFuture<LaunchedService> membership = launch("membership", root, stack, Map.of(), logs);
            CompletableFuture<LaunchedService> apprenticeship = launch("apprenticeship", root, stack, Map.of(), logs);
            CompletableFuture<LaunchedService> reporting = launch("reporting", root, stack,
                    ReferenceGroupLoader.reportingEnvironment(), logs);
            CompletableFuture.allOf(membership, apprenticeship, reporting).join();
            LaunchedService gateway = launch("gateway", root, stack, ServiceEnvironment.gateway(
                    membership.join().urls(), apprenticeship.join().urls(), reporting.join().urls(), secretariat), logs).join();
            return new Platform(stack, secretariat, membership.join(), apprenticeship.join(), reporting.join(), gateway, logs);
        } catch (IOException | CompletionException e) {
            stack.close();
            throw new IllegalStateException("The platform did not start: " + e.getMessage(), e);
        }
    }

    private Platform(LocalStack stack, ServiceEnvironment.BootstrapClient admin, LaunchedService membership, LaunchedService apprenticeship,
            LaunchedService reporting, LaunchedService gateway, Path logs) {
        this.logs = logs;
        this.stack = stack;
        this.admin = admin;
        this.membership = membership;
        this.apprenticeship = apprenticeship;
        this.reporting = reporting;
        this.gateway = URI.create(gateway.url());
        services.addAll(List.of(gateway, membership, apprenticeship, reporting));
    }

    /** Starts a killed service again on its ports and waits until it is ready. */
    static void restart(LaunchedService service) {
        try {
            service.restart(READY);
        } catch (IOException e) {
            throw new IllegalStateException("Could not restart " + service.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting " + service.url(), e);
        }
    }

    /** Where a launched service's output goes (JSON lines, as in production). */
    Path log(String service) {
        return logs.resolve(service + ".log");
    }

    private static CompletableFuture<LaunchedService> launch(String service, Path root, LocalStack stack,
            Map<String, String> environment, Path logs) {
        Map<String, String> withHops = new HashMap<>(environment);
        // each hop of a traced change logs a line with the trace id (TracingE2ETest follows them)
        withHops.put("QUARKUS_LOG_CATEGORY__ORG_ZHIJIAO_TRACING__LEVEL", "DEBUG");
        return CompletableFuture.supplyAsync(() -> {
            try {
                return LaunchedService.start(service, root, stack, service, withHops, logs.resolve(service + ".log"),
                        READY);
            } catch (IOException e) {
                throw new CompletionException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        });
    }

    /** The reference group, loaded through the gateway on first use: organization ids by data key. */
    synchronized Map<String, String> referenceGroup() {
        if (referenceGroup == null) {
            referenceGroup = new ReferenceGroupLoader(gateway, admin.clientId(), admin.secret(),
                    message -> System.out.println("[load] " + message)).load();
        }
        return referenceGroup;
    }

    PlatformClient secretariat() {
        return new PlatformClient(HttpClient.newHttpClient(), gateway, admin.clientId(), admin.secret());
    }

    /** Registers a fresh client (name {@code namePrefix} and a unique suffix) for an organization, with one role. */
    PlatformClient clientFor(String organizationId, String role, String namePrefix) {
        JsonNode credentials = secretariat().post("/api/v1/gateway/clients", Map.of("name", namePrefix + "-" + System.nanoTime(),
                "organizationId", organizationId, "roles", List.of(role)));
        return new PlatformClient(HttpClient.newHttpClient(), gateway,
                credentials.path("client").path("clientId").asText(), credentials.path("clientSecret").asText());
    }

    /** A bearer token for a client, from the gateway's token endpoint. */
    String token(String clientId, String secret) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                        + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                        + URLEncoder.encode(secret, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token for " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        String body = response.body();
        int start = body.indexOf("\"access_token\"");
        int open = body.indexOf('"', body.indexOf(':', start) + 1);
        return body.substring(open + 1, body.indexOf('"', open + 1));
    }

    @Override
    public void close() {
        services.forEach(LaunchedService::close);
        stack.close();
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local-stack/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Run from inside the repository");
    }
}
