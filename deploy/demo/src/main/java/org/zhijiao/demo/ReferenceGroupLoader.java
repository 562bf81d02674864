package org.zhijiao.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Loads the reference group (Qingdao Electronic Information Industry Vocational Education Group,
 * 2022) through the gateway's public API, as its secretariat, schools and partner enterprises would:
 * each with its own client credentials. Loading twice changes nothing: every step first looks for
 * what it would create.
 */
public final class ReferenceGroupLoader {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final Duration REPLICA_WAIT = Duration.ofSeconds(90);
    private static final String DATA_LOAD = "/api/v1/reporting/data-loads/reference-group";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI gateway;
    private final PlatformClient secretariat;
    private final Consumer<String> progress;
    private final JsonNode members;
    /** Data key (e.g. "lead", "e07") → organization id. */
    private final Map<String, String> organizations = new LinkedHashMap<>();
    /** Data key → that organization's own API client. */
    private final Map<String, PlatformClient> clients = new HashMap<>();

    public ReferenceGroupLoader(URI gateway, String adminClientId, String adminSecret, Consumer<String> progress) {
        this.gateway = gateway;
        this.secretariat = new PlatformClient(http, gateway, adminClientId, adminSecret);
        this.progress = progress;
        this.members = resource("demo/qingdao-members.json");
    }

    /** What was loaded: the organization ids by data key. */
    public Map<String, String> load() {
        long started = System.nanoTime();
        // the annual report says its figures are partial until the load is announced done (reporting's data loads)
        secretariat.put(DATA_LOAD, Map.of("state", "LOADING"));
        referenceData();
        organizationsAndMemberships();
        recognitions();
        new ApprenticeshipData(this).load();
        new ReportingData(this).load();
        awaitReportingCaughtUp();
        secretariat.put(DATA_LOAD, Map.of("state", "DONE"));
        progress.accept("Reference group loaded in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
        return Map.copyOf(organizations);
    }

    /**
     * Until reporting has applied every event the load caused: caught up at two readings a second apart, so
     * that events the services' outbox relays were still publishing at the first reading count too.
     */
    private void awaitReportingCaughtUp() {
        long deadline = System.nanoTime() + REPLICA_WAIT.toNanos();
        int caughtUpReadings = 0;
        while (caughtUpReadings < 2) {
            caughtUpReadings = caughtUp() ? caughtUpReadings + 1 : 0;
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reporting-service has not applied the loaded data within " + REPLICA_WAIT);
            }
            PlatformClient.sleep(1000);
        }
    }

    /** Whether reporting has applied everything on its topics; not yet when it cannot tell (Kafka slow: a 503). */
    private boolean caughtUp() {
        try {
            return secretariat.get("/api/v1/reporting/freshness").path("caughtUp").asBoolean();
        } catch (PlatformClient.ApiException e) {
            return false;
        }
    }

    /** Configuration for reporting-service so that the report carries the reference group's name. */
    public static Map<String, String> reportingEnvironment() {
        JsonNode group = resource("demo/qingdao-members.json").path("group");
        return Map.of("ZHIJIAO_GROUP_NAME_ZH", group.path("nameZh").asText(),
                "ZHIJIAO_GROUP_NAME_EN", group.path("nameEn").asText());
    }

    PlatformClient secretariat() {
        return secretariat;
    }

    String organization(String key) {
        String id = organizations.get(key);
        if (id == null) {
            throw new IllegalArgumentException("No organization with data key " + key);
        }
        return id;
    }

    void say(String message) {
        progress.accept(message);
    }

    /** The organization's own client (registered at the gateway on first use; secret rotated if unknown). */
    PlatformClient clientOf(String key, String role) {
        return clients.computeIfAbsent(key, k -> {
            String organizationId = organization(k);
            String name = "demo-" + k;
            JsonNode existing = null;
            for (JsonNode client : secretariat.get("/api/v1/gateway/clients?limit=200").path("items")) {
                if (name.equals(client.path("name").asText()) && "ACTIVE".equals(client.path("status").asText())) {
                    existing = client;
                }
            }
            JsonNode credentials = existing == null
                    ? secretariat.post("/api/v1/gateway/clients",
                            Map.of("name", name, "organizationId", organizationId, "roles", List.of(role)))
                    : secretariat.post("/api/v1/gateway/clients/" + existing.path("clientId").asText() + "/secret", null);
            return new PlatformClient(http, gateway, credentials.path("client").path("clientId").asText(),
                    credentials.path("clientSecret").asText());
        });
    }

    private void referenceData() {
        put("industry-chains", members.path("industryChains"));
        put("specialty-clusters", members.path("specialtyClusters"));
        put("sub-alliances", members.path("subAlliances"));
        say("Reference data: " + members.path("industryChains").size() + " industry chains, "
                + members.path("specialtyClusters").size() + " specialty clusters");
    }

    private void put(String kind, JsonNode items) {
        for (JsonNode item : items) {
            JsonNode current = secretariat.get("/api/v1/reference/" + kind);
            boolean same = false;
            for (JsonNode existing : current) {
                same |= existing.path("code").equals(item.path("code"))
                        && existing.path("nameZh").equals(item.path("nameZh"))
                        && existing.path("nameEn").equals(item.path("nameEn"));
            }
            if (!same) {
                secretariat.put("/api/v1/reference/" + kind + "/" + item.path("code").asText(),
                        Map.of("nameZh", item.path("nameZh").asText(), "nameEn", item.path("nameEn").asText()));
            }
        }
    }

    private void organizationsAndMemberships() {
        int admitted = 0;
        for (JsonNode school : members.path("schools")) {
            register(school, "SCHOOL");
            admitted += admit(school);
        }
        for (JsonNode enterprise : members.path("enterprises")) {
            register(enterprise, "ENTERPRISE");
            admitted += admit(enterprise);
        }
        for (JsonNode other : members.path("formerAndPendingEnterprises")) {
            register(other, "ENTERPRISE");
            admitted += admit(other);
        }
        for (JsonNode campus : members.path("campuses")) {
            String school = organization(campus.path("school").asText());
            if (secretariat.get("/api/v1/organizations/" + school).path("campuses").isEmpty()) {
                secretariat.post("/api/v1/organizations/" + school + "/campuses", Map.of(
                        "nameZh", campus.path("nameZh").asText(), "nameEn", campus.path("nameEn").asText(),
                        "region", Map.of("city", campus.path("city").asText(), "country", campus.path("country").asText()),
                        "status", campus.path("status").asText()));
            }
        }
        say("Organizations: " + members.path("schools").size() + " schools, " + members.path("enterprises").size()
                + " enterprises (+" + members.path("formerAndPendingEnterprises").size() + " former/pending); "
                + admitted + " memberships recorded now");
    }

    private void register(JsonNode data, String kind) {
        String creditCode = data.path("creditCode").asText();
        JsonNode found = secretariat.get("/api/v1/organizations?creditCode=" + creditCode).path("items");
        if (!found.isEmpty()) {
            organizations.put(data.path("key").asText(), found.get(0).path("id").asText());
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameZh", data.path("nameZh").asText());
        body.put("nameEn", data.path("nameEn").asText());
        body.put("creditCode", creditCode);
        body.put("kind", kind);
        if (kind.equals("SCHOOL")) {
            body.put("schoolLevel", "SECONDARY_VOCATIONAL");
        } else {
            body.put("enterpriseSize", data.path("enterpriseSize").asText());
            body.put("industryChains", JSON.convertValue(data.path("industryChains"), List.class));
        }
        body.put("region", Map.of("city", data.path("city").asText(), "province", data.path("province").asText(),
                "country", "CN"));
        JsonNode created = secretariat.post("/api/v1/organizations", body,
                Map.of("Idempotency-Key", "demo-organization-" + creditCode));
        organizations.put(data.path("key").asText(), created.path("id").asText());
    }

    /** Applies, reviews and approves on the member's historical dates; returns 1 if it did anything. */
    private int admit(JsonNode data) {
        String organization = organization(data.path("key").asText());
        if (!secretariat.get("/api/v1/memberships?organizationId=" + organization).path("items").isEmpty()) {
            return 0;
        }
        boolean applicantOnly = data.has("applied");
        LocalDate joined = LocalDate.parse(data.path(applicantOnly ? "applied" : "joined").asText());
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("organizationId", organization);
        application.put("role", data.path("role").asText());
        application.put("appliedOn", (applicantOnly ? joined : joined.minusDays(30)).toString());
        if (data.has("subAlliances")) {
            application.put("subAlliances", JSON.convertValue(data.path("subAlliances"), List.class));
        }
        String membership = secretariat.post("/api/v1/memberships", application).path("id").asText();
        if (applicantOnly) {
            return 1;
        }
        transition(membership, "REVIEW", joined.minusDays(10), null);
        transition(membership, "APPROVE", joined, "Admitted by the council");
        if (data.has("withdrawn")) {
            transition(membership, "WITHDRAW", LocalDate.parse(data.path("withdrawn").asText()), "Left the group");
        }
        return 1;
    }

    private void transition(String membership, String action, LocalDate on, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("on", on.toString());
        if (reason != null) {
            body.put("reason", reason);
        }
        secretariat.post("/api/v1/memberships/" + membership + "/transitions", body);
    }

    private void recognitions() {
        JsonNode existing = secretariat.get("/api/v1/recognitions?heldByGroup=true&limit=200").path("items");
        int added = 0;
        for (JsonNode recognition : members.path("recognitions")) {
            boolean present = false;
            for (JsonNode r : existing) {
                present |= r.path("titleZh").equals(recognition.path("titleZh"));
            }
            if (!present) {
                secretariat.post("/api/v1/recognitions", JSON.convertValue(recognition, Map.class));
                added++;
            }
        }
        say("Recognitions of the group: " + members.path("recognitions").size() + " (" + added + " added)");
    }

    static JsonNode resource(String name) {
        try (InputStream in = ReferenceGroupLoader.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + name, e);
        }
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static <T> List<T> list(Iterable<T> items) {
        List<T> list = new ArrayList<>();
        items.forEach(list::add);
        return list;
    }
}
