package org.zhijiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zhijiao.stack.LaunchedService;
import org.zhijiao.stack.PostgresServer;
import org.zhijiao.demo.PlatformClient;
import org.zhijiao.testing.CreditCodes;
import org.zhijiao.testing.TopicReader;

/**
 * The platform under faults (issue 11): while partners keep writing to membership-service and
 * apprenticeship-service through the gateway, the consumers are killed with SIGKILL and restarted,
 * Kafka is stopped for a while, and the reporting database refuses connections for 90 s. Afterwards
 * every summary figure equals a recount from the owning services' own APIs, every aggregate's last
 * event on its topic carries the version its owner holds (nothing lost), and no topic holds an older
 * version of an aggregate after a newer one.
 * <p>
 * It runs on a platform of its own (in its own JVM, see the e2e pom): the faults must not leave the
 * platform the other end-to-end tests share half-broken, whatever order the tests run in.
 */
@Tag("fault")
class FaultSuiteE2ETest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration KAFKA_OUTAGE = Duration.ofSeconds(Long.getLong("fault.kafka-outage-seconds", 25));
    private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(Long.getLong("fault.database-outage-seconds", 90));
    /** Writes before the first fault, and between the last fault and the end of the writes. */
    private static final Duration STEADY = Duration.ofSeconds(5);
    private static final Duration QUIESCENCE = Duration.ofMinutes(3);
    private static final String CLUSTER = "IOT";
    private static final Map<String, String> AGREEMENT = Map.of("TRAINING_CONTENT", "岗位实训（故障演练）", "SCHEDULE", "工学交替",
            "COMPENSATION", "学徒津贴", "INSURANCE", "实习责任保险", "ASSESSMENT", "校企共同考核");
    /** The figures recounted here, each from the owning service's own list. */
    private static final List<String> FIGURES = List.of("members", "memberSchools", "memberEnterprises", "otherMembers",
            "specialties", "programs", "cohorts", "enterprisesInCohorts", "apprenticesRegistered");
    private static final List<String> TOPICS = List.of("zhijiao.membership.organizations", "zhijiao.membership.memberships",
            "zhijiao.membership.reference-data", "zhijiao.apprenticeship.specialties", "zhijiao.apprenticeship.programs",
            "zhijiao.apprenticeship.cohorts", "zhijiao.apprenticeship.enrollments");

    private final AtomicBoolean writing = new AtomicBoolean(true);
    private final Map<String, AtomicInteger> measured = new TreeMap<>();
    private Platform platform;
    private PlatformClient secretariat;

    @Test
    void nothingIsLostCountedTwiceOrReorderedWhenKafkaConsumersAndADatabaseFail() throws Exception {
        long started = System.nanoTime();
        try (Platform running = Platform.startSeparate("fault-logs")) {
            platform = running;
            assumeTrue(platform.stack.kafka().isEmbedded() && platform.stack.postgres().isEmbedded(),
                    "the fault suite stops Kafka and PostgreSQL: it needs the embedded ones");
            secretariat = platform.secretariat();
            note("platform start ms", (int) ((System.nanoTime() - started) / 1_000_000));
            Partners partners = setUp();

            List<Thread> writers = List.of(new Thread(() -> writeMemberships(), "fault-membership-writer"),
                    new Thread(() -> writeApprenticeships(partners), "fault-apprenticeship-writer"));
            writers.forEach(Thread::start);
            long faultsStarted = System.nanoTime();
            try {
                Thread.sleep(STEADY.toMillis());
                killAndRestart(platform.reporting, platform.apprenticeship);
                Thread.sleep(STEADY.toMillis());
                reportingDatabaseRefusesConnections(DATABASE_OUTAGE, () -> stopKafkaFor(KAFKA_OUTAGE));
                Thread.sleep(STEADY.toMillis());
            } finally {
                writing.set(false);
                for (Thread writer : writers) {
                    writer.join(Duration.ofSeconds(120).toMillis());
                    assertThat(writer.isAlive()).as(writer.getName() + " stopped").isFalse();
                }
            }
            note("faults and writes ms", (int) ((System.nanoTime() - faultsStarted) / 1_000_000));

            long quiet = System.nanoTime();
            Map<String, Long> recount = recount();
            recount.forEach((figure, value) -> note("figure " + figure, value.intValue()));
            awaitFigures(recount);
            Map<String, Integer> versions = ownedVersions();
            Map<String, List<TopicReader.Event>> topics = awaitTopicsHold(versions);
            note("quiescence ms", (int) ((System.nanoTime() - quiet) / 1_000_000));
            assertNoOlderVersionAfterANewer(topics);
            note("aggregates", versions.size());
            note("events", topics.values().stream().mapToInt(List::size).sum());
            note("suite ms", (int) ((System.nanoTime() - started) / 1_000_000));
        } finally {
            System.out.println("[fault suite] measured: " + measured);
        }
    }

    /** The partners the writers act as: a member school, member enterprises, and their clients. */
    private record Partners(String school, PlatformClient schoolClient, List<String> enterprises,
            Map<String, PlatformClient> enterpriseClients) {
    }

    private Partners setUp() {
        secretariat.put("/api/v1/reference/specialty-clusters/" + CLUSTER, Map.of("nameZh", "物联网（演练）", "nameEn", "IoT (drill)"));
        String school = admit("SCHOOL", 0, false);
        List<String> enterprises = List.of(admit("ENTERPRISE", 1, false), admit("ENTERPRISE", 2, false));
        Map<String, PlatformClient> enterpriseClients = new HashMap<>();
        enterprises.forEach(e -> enterpriseClients.put(e, platform.clientFor(e, "enterprise", "fault-enterprise")));
        PlatformClient schoolClient = platform.clientFor(school, "school", "fault-school");
        // the school reaches apprenticeship-service's directory through Kafka (the enterprises: see cohort())
        PlatformClient.retryWhile(422, Duration.ofSeconds(60), () -> schoolClient.post("/api/v1/specialties",
                Map.of("schoolId", school, "code", "FSETUP", "nameZh", "演练专业（虚构）", "clusterCode", CLUSTER)));
        return new Partners(school, schoolClient, enterprises, enterpriseClients);
    }

    /**
     * An organization admitted as a member; with {@code churn}, some are then suspended, withdrawn or
     * renamed. Returns its id.
     */
    private String admit(String kind, int n, boolean churn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nameZh", "故障演练成员" + n + "（虚构）");
        body.put("creditCode", CreditCodes.withCheck("91370200" + String.format("%09d", n)));
        body.put("kind", kind);
        if (kind.equals("SCHOOL")) {
            body.put("schoolLevel", "SECONDARY_VOCATIONAL");
        } else if (kind.equals("ENTERPRISE")) {
            body.put("enterpriseSize", "SMALL");
        }
        body.put("region", Map.of("city", "青岛市", "country", "CN"));
        String organization = secretariat.post("/api/v1/organizations", body,
                Map.of("Idempotency-Key", "fault-organization-" + n)).path("id").asText();
        String membership = secretariat.post("/api/v1/memberships", Map.of("organizationId", organization, "role", "MEMBER"))
                .path("id").asText();
        transition("/api/v1/memberships/" + membership, secretariat, "REVIEW");
        transition("/api/v1/memberships/" + membership, secretariat, "APPROVE");
        if (churn && n % 4 == 1) {
            transition("/api/v1/memberships/" + membership, secretariat, "SUSPEND");
        }
        if (churn && n % 5 == 2) {
            transition("/api/v1/memberships/" + membership, secretariat, "WITHDRAW");
        }
        if (churn && n % 3 == 0) {
            body.put("nameEn", "Drill member " + n + " (fictional)"); // organizations are replaced as a whole
            secretariat.put("/api/v1/organizations/" + organization, body);
        }
        return organization;
    }

    private static void transition(String resource, PlatformClient client, String action) {
        client.post(resource + "/transitions", Map.of("action", action, "reason", "fault drill"));
    }

    /** Organizations and memberships of every kind, admitted, suspended, withdrawn, renamed, until told to stop. */
    private void writeMemberships() {
        String[] kinds = {"SCHOOL", "ENTERPRISE", "INDUSTRY_ASSOCIATION"};
        for (int n = 3; writing.get(); n++) { // 0 to 2: the partners
            int i = n;
            attempt("membership", () -> admit(kinds[i % kinds.length], i, true));
        }
    }

    /** Specialties, programs published, cohorts recruiting and apprentices registered, until told to stop. */
    private void writeApprenticeships(Partners partners) {
        String startsOn = LocalDate.now(SHANGHAI).plusMonths(6).toString();
        String cohort = null;
        for (int n = 0; writing.get(); n++) {
            int i = n;
            attempt("specialty", () -> partners.schoolClient().post("/api/v1/specialties", Map.of("schoolId", partners.school(),
                    "code", String.format("F%05d", i), "nameZh", "演练专业" + i + "（虚构）", "clusterCode", CLUSTER)));
            if (cohort == null || n % 8 == 0) {
                String opened = cohort(partners, i, startsOn);
                cohort = opened != null ? opened : cohort;
            }
            String inCohort = cohort;
            if (inCohort != null) {
                attempt("enrollment", () -> enroll(partners, inCohort, partners.enterprises().get(i % partners.enterprises().size()), i));
            }
        }
    }

    /** A program approved and published, and a cohort of it opened for recruitment; null when a step failed. */
    private String cohort(Partners partners, int n, String startsOn) {
        String[] opened = new String[1];
        attempt("cohort", () -> {
            String program = partners.schoolClient().post("/api/v1/programs", Map.of("kind", "ORDER_CLASS",
                    "titleZh", "演练订单班" + n + "（虚构）", "schoolId", partners.school(),
                    "trainingPlan", Map.of("durationMonths", 12, "modules", List.of(Map.of("code", "M01", "title", "岗位实训",
                            "location", "ENTERPRISE", "hours", 120))))).path("id").asText();
            transition("/api/v1/programs/" + program, secretariat, "APPROVE");
            transition("/api/v1/programs/" + program, secretariat, "PUBLISH");
            List<Map<String, Object>> places = partners.enterprises().stream()
                    .map(e -> Map.<String, Object>of("enterpriseId", e, "places", 500)).toList();
            // the first time, the enterprises may not have reached apprenticeship-service's directory yet
            String cohort = PlatformClient.retryWhile(422, Duration.ofSeconds(60), () -> partners.schoolClient().post(
                    "/api/v1/cohorts", Map.of("programId", program, "nameZh", "演练批次" + n + "（虚构）", "batchNumber", 1 + n % 1000,
                            "startsOn", startsOn, "enterprises", places))).path("id").asText();
            transition("/api/v1/cohorts/" + cohort, partners.schoolClient(), "OPEN_RECRUITMENT");
            opened[0] = cohort;
        });
        return opened[0];
    }

    /** An apprentice enrolled, the agreement confirmed by its three parties, registered. */
    private void enroll(Partners partners, String cohort, String enterprise, int n) {
        PlatformClient school = partners.schoolClient();
        JsonNode enrollment = school.post("/api/v1/enrollments", Map.of("cohortId", cohort, "enterpriseId", enterprise,
                "student", Map.of("studentNumber", "FD-" + n, "nameZh", "演练学徒" + n + "（虚构）"), "agreement", AGREEMENT));
        String id = enrollment.path("id").asText();
        int version = enrollment.path("agreement").path("version").asInt(1);
        String confirmations = "/api/v1/enrollments/" + id + "/agreement/confirmations";
        school.post(confirmations, Map.of("party", "STUDENT_GUARDIAN", "version", version));
        school.post(confirmations, Map.of("party", "SCHOOL", "version", version));
        partners.enterpriseClients().get(enterprise).post(confirmations, Map.of("party", "ENTERPRISE", "version", version));
        transition("/api/v1/enrollments/" + id, school, "REGISTER");
    }

    /**
     * Runs one write; a failure (a service down, a breaker open, a conflict after a retried request) is
     * counted and the writer goes on: the recount below reads what the owners really hold.
     */
    private void attempt(String what, Runnable write) {
        try {
            write.run();
            note(what + " ok", 1);
        } catch (RuntimeException e) {
            note(what + " failed" + (e instanceof PlatformClient.ApiException answer ? " " + answer.status() : ""), 1);
            try {
                Thread.sleep(200);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                writing.set(false);
            }
        }
    }

    private void note(String what, int amount) {
        synchronized (measured) {
            measured.computeIfAbsent(what, k -> new AtomicInteger()).addAndGet(amount);
        }
    }

    private void killAndRestart(LaunchedService... consumers) {
        long started = System.nanoTime();
        for (LaunchedService consumer : consumers) {
            consumer.kill();
        }
        for (LaunchedService consumer : consumers) {
            Platform.restart(consumer);
        }
        note("kill -9 and restart ms", (int) ((System.nanoTime() - started) / 1_000_000));
    }

    private void stopKafkaFor(Duration outage) {
        platform.stack.kafka().stop();
        try {
            Thread.sleep(outage.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            platform.stack.kafka().start();
        }
    }

    /**
     * The reporting database refuses connections (and its open sessions are ended, again and again) for
     * {@code outage}, as if its server were down; the embedded server is shared by all services, so
     * stopping it would take the owners down too. {@code meanwhile} runs inside the outage.
     */
    private void reportingDatabaseRefusesConnections(Duration outage, Runnable meanwhile) throws Exception {
        PostgresServer postgres = platform.stack.postgres();
        long until = System.nanoTime() + outage.toNanos();
        Thread other = new Thread(meanwhile, "fault-meanwhile");
        boolean sawUnready = false;
        try (Connection c = postgres.connect("postgres");
                Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE reporting ALLOW_CONNECTIONS false");
            try {
                other.start();
                while (System.nanoTime() < until) {
                    s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'reporting'"
                            + " AND pid <> pg_backend_pid()");
                    sawUnready |= !platform.reporting.isReady();
                    Thread.sleep(500);
                }
            } finally {
                s.execute("ALTER DATABASE reporting ALLOW_CONNECTIONS true");
                other.join();
            }
        }
        assertThat(sawUnready).as("reporting-service reported itself not ready while its database was away").isTrue();
    }

    /** The figures as the owners' own lists give them, counted as docs/metrics.md defines them, for today. */
    private Map<String, Long> recount() {
        Map<String, String> kinds = new HashMap<>();
        all("/api/v1/organizations").forEach(o -> kinds.put(o.path("id").asText(), o.path("kind").asText()));
        Set<String> members = new HashSet<>();
        all("/api/v1/memberships").stream().filter(m -> Set.of("ACTIVE", "SUSPENDED").contains(m.path("status").asText()))
                .forEach(m -> members.add(m.path("organizationId").asText()));
        List<JsonNode> cohorts = all("/api/v1/cohorts").stream()
                .filter(c -> Set.of("RECRUITING", "ACTIVE").contains(c.path("status").asText())).toList();
        Set<String> enterprisesInCohorts = new HashSet<>();
        cohorts.forEach(c -> c.path("enterprises").forEach(e -> enterprisesInCohorts.add(e.path("enterpriseId").asText())));
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("members", (long) members.size());
        figures.put("memberSchools", members.stream().filter(o -> "SCHOOL".equals(kinds.get(o))).count());
        figures.put("memberEnterprises", members.stream().filter(o -> "ENTERPRISE".equals(kinds.get(o))).count());
        figures.put("otherMembers", members.stream().filter(o -> !Set.of("SCHOOL", "ENTERPRISE").contains(kinds.get(o))).count());
        figures.put("specialties", count("/api/v1/specialties", s -> "OFFERED".equals(s.path("status").asText())));
        figures.put("programs", count("/api/v1/programs", p -> "PUBLISHED".equals(p.path("status").asText())));
        figures.put("cohorts", (long) cohorts.size());
        figures.put("enterprisesInCohorts", (long) enterprisesInCohorts.size());
        figures.put("apprenticesRegistered", count("/api/v1/enrollments",
                e -> Set.of("REGISTERED", "ACTIVE", "PAUSED").contains(e.path("status").asText())));
        return figures;
    }

    private long count(String list, Predicate<JsonNode> which) {
        return all(list).stream().filter(which).count();
    }

    /** Every item of a list, page by page. */
    private List<JsonNode> all(String list) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = secretariat.get(list + "?limit=200" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    private void awaitFigures(Map<String, Long> recount) {
        String query = FIGURES.stream().map(f -> "figure=" + f).collect(Collectors.joining("&"));
        Map<String, Long> reported = new LinkedHashMap<>();
        try {
            Awaitility.await().atMost(QUIESCENCE).pollInterval(Duration.ofSeconds(2)).ignoreExceptions().until(() -> {
                JsonNode summary = secretariat.get("/api/v1/summary?asOf=" + LocalDate.now(SHANGHAI) + "&" + query);
                FIGURES.forEach(f -> reported.put(f, summary.path("figures").path(f).path("atEnd").asLong(-1)));
                return reported.equals(recount);
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Within " + QUIESCENCE + " the reported figures did not come to equal the recount from "
                    + "the owning services; differing (figure: reported ≠ recounted): " + differences(reported, recount), e);
        }
    }

    private static String differences(Map<String, Long> reported, Map<String, Long> recount) {
        return recount.keySet().stream().filter(k -> !recount.get(k).equals(reported.get(k)))
                .map(k -> k + ": " + reported.get(k) + " ≠ " + recount.get(k)).collect(Collectors.joining(", "));
    }

    /** The version every aggregate has at its owner, by topic and id ("topic/id"). */
    private Map<String, Integer> ownedVersions() {
        Map<String, Integer> versions = new TreeMap<>();
        Map<String, String> lists = Map.of("zhijiao.membership.organizations", "/api/v1/organizations",
                "zhijiao.membership.memberships", "/api/v1/memberships", "zhijiao.apprenticeship.specialties",
                "/api/v1/specialties", "zhijiao.apprenticeship.programs", "/api/v1/programs", "zhijiao.apprenticeship.cohorts",
                "/api/v1/cohorts", "zhijiao.apprenticeship.enrollments", "/api/v1/enrollments");
        lists.forEach((topic, list) -> all(list).forEach(item -> versions.put(topic + "/" + item.path("id").asText(),
                item.path("version").asInt())));
        return versions;
    }

    /**
     * Waits until, for every aggregate, the last event on its topic carries the version its owner holds:
     * every change reached Kafka. Returns every topic's records.
     */
    private Map<String, List<TopicReader.Event>> awaitTopicsHold(Map<String, Integer> versions) {
        Map<String, List<TopicReader.Event>> topics = new LinkedHashMap<>();
        Map<String, String> missing = new TreeMap<>();
        try {
            Awaitility.await().atMost(QUIESCENCE).pollInterval(Duration.ofSeconds(2)).until(() -> {
                TOPICS.forEach(t -> topics.put(t, TopicReader.readToEnd(platform.stack.kafka().bootstrapServers(), t,
                        Duration.ofSeconds(60))));
                Map<String, Integer> last = new HashMap<>();
                topics.forEach((topic, events) -> events.forEach(e -> last.merge(topic + "/" + e.key(),
                        e.value().path("data").path("version").asInt(), Math::max)));
                missing.clear();
                versions.forEach((aggregate, version) -> {
                    if (!version.equals(last.get(aggregate))) {
                        missing.put(aggregate, "owner v" + version + ", topic v" + last.get(aggregate));
                    }
                });
                return missing.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Within " + QUIESCENCE + " not every change reached its topic: " + missing, e);
        }
        return topics;
    }

    private void assertNoOlderVersionAfterANewer(Map<String, List<TopicReader.Event>> topics) {
        List<String> reordered = new ArrayList<>();
        topics.forEach((topic, events) -> {
            Map<String, TopicReader.Event> newest = new HashMap<>();
            int duplicates = 0;
            for (TopicReader.Event e : events) { // partition and offset order; one key lives in one partition
                TopicReader.Event before = newest.get(e.key());
                int version = e.value().path("data").path("version").asInt();
                if (before != null) {
                    int previous = before.value().path("data").path("version").asInt();
                    if (version < previous) {
                        reordered.add(topic + " key " + e.key() + ": v" + version + " at offset " + e.offset() + " after v"
                                + previous + " at offset " + before.offset());
                        continue;
                    }
                    duplicates += version == previous ? 1 : 0;
                }
                newest.put(e.key(), e);
            }
            note("events on " + topic, events.size());
            note("redelivered on " + topic, duplicates);
        });
        assertThat(reordered).as("records with an older version of an aggregate after a newer one").isEmpty();
    }
}
