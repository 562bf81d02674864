package org.zhijiao.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.reporting.Events.Step;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.reporting.counters.CounterFolder;

/**
 * Randomized histories (seeded, so a failure reproduces) of thousands of lifecycle changes, every
 * version delivered in shuffled order with duplicates, against a brute-force recount done here from
 * the generated histories, day by day, for many days and periods. Histories lie in 1960–1989, where
 * no other test writes.
 */
@QuarkusTest
class ProjectionPropertyTest {

    private static final long SEED = Long.getLong("reporting.seed", 20221231L);
    private static final LocalDate START = LocalDate.of(1960, 1, 1);
    private static final List<String> KINDS = List.of("SCHOOL", "ENTERPRISE", "ENTERPRISE", "INDUSTRY_ASSOCIATION");
    private static final List<String> CHAINS = List.of("P-CHAIN-A", "P-CHAIN-B", "P-CHAIN-C", "P-CHAIN-D");
    private static final Set<String> MEMBER = Set.of("ACTIVE", "SUSPENDED");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CounterFolder folder;

    private final Random random = new Random(SEED);

    /** An organization whose attributes changed on {@code changedOn} (null: never) from the first to the second. */
    record Org(UUID id, Events.Attributes first, Events.Attributes second) {
        Events.Attributes on(LocalDate day) {
            return second == null || day.isBefore(second.from()) ? first : second;
        }

        String kind() {
            return first.kind();
        }
    }

    /** A membership's sub-alliances changed on {@code changedOn} (null: never). */
    record Alliances(List<String> first, LocalDate changedOn, List<String> second) {
        List<String> on(LocalDate day) {
            return changedOn == null || day.isBefore(changedOn) ? first : second;
        }
    }

    record Life(UUID id, UUID owner, List<Step> steps) {
    }

    record Enrollment(UUID id, UUID enterprise, boolean inProbation, String reason, String mentor, List<Step> steps) {
    }

    @Test
    void projectionsEqualABruteForceRecount() throws Exception {
        assertThat(Api.atEnd("asOf=1959-12-31", "members")).as("nothing before the generated histories").isZero();
        List<Org> orgs = new ArrayList<>();
        List<Life> memberships = new ArrayList<>();
        List<Enrollment> enrollments = new ArrayList<>();
        List<Life> facilities = new ArrayList<>();
        Map<UUID, Alliances> allianceOf = new HashMap<>();
        Map<String, List<ObjectNode>> events = new HashMap<>();
        Map<UUID, Integer> finalVersion = new HashMap<>();

        for (int i = 0; i < 160; i++) {
            String kind = KINDS.get(random.nextInt(KINDS.size()));
            Events.Attributes first = new Events.Attributes(null, kind, pick(CHAINS), random.nextInt(10) == 0 ? "NP" : "CN");
            // half of them change chains (and a few their country, a few enterprises their kind) on a day
            Events.Attributes second = random.nextBoolean() ? null : new Events.Attributes(
                    START.plusDays(random.nextInt(9000)),
                    kind.equals("ENTERPRISE") && random.nextInt(8) == 0 ? "INDUSTRY_ASSOCIATION" : kind, pick(CHAINS),
                    random.nextInt(6) == 0 ? "NP" : "CN");
            Org org = new Org(UUID.randomUUID(), first, second);
            orgs.add(org);
            // version 0 with other chains, version 1 with the dated ones: only the newest may count
            add(events, finalVersion, Topics.ORGANIZATIONS, org.id(), 1, List.of(
                    Events.organization(org.id(), List.of(new Events.Attributes(null, kind, List.of("P-CHAIN-OLD"), "CN")), 0),
                    Events.organization(org.id(), second == null ? List.of(first) : List.of(first, second), 1)));
            int count = 1 + random.nextInt(2); // a second membership re-joins after the first ended
            LocalDate day = START.plusDays(random.nextInt(3000));
            for (int m = 0; m < count; m++) {
                List<Step> steps = walk(day, "APPLIED", "APPLY", Map.of(
                        "APPLIED", List.of("UNDER_REVIEW", "UNDER_REVIEW", "REJECTED"),
                        "UNDER_REVIEW", List.of("ACTIVE", "ACTIVE", "REJECTED"),
                        "ACTIVE", List.of("SUSPENDED", "WITHDRAWN", "EXPELLED", "ACTIVE_STAY"),
                        "SUSPENDED", List.of("ACTIVE", "WITHDRAWN", "EXPELLED")));
                Life life = new Life(UUID.randomUUID(), org.id(), steps);
                memberships.add(life);
                Alliances alliances = random.nextInt(3) == 0 ? new Alliances(List.of("P-EW"), null, List.of())
                        : random.nextBoolean() ? new Alliances(List.of(), null, List.of())
                        : new Alliances(List.of(), steps.get(0).on().plusDays(random.nextInt(900)), List.of("P-EW"));
                allianceOf.put(life.id(), alliances);
                List<ObjectNode> versions = new ArrayList<>();
                for (int v = 1; v <= steps.size(); v++) {
                    // the sub-alliances change with the last version
                    versions.add(Events.membership(life.id(), org.id(), org.kind(), v < steps.size() || alliances.changedOn() == null
                            ? List.of(new Events.AllianceVersion(null, alliances.first()))
                            : List.of(new Events.AllianceVersion(null, alliances.first()),
                                    new Events.AllianceVersion(alliances.changedOn(), alliances.second())),
                            steps.subList(0, v), true));
                }
                add(events, finalVersion, Topics.MEMBERSHIPS, life.id(), steps.size() - 1, versions);
                day = steps.get(steps.size() - 1).on().plusDays(random.nextInt(400));
            }
        }
        List<UUID> enterprises = orgs.stream().filter(o -> o.kind().equals("ENTERPRISE")).map(Org::id).toList();
        UUID cohort = UUID.randomUUID();
        for (int i = 0; i < 450; i++) {
            List<Step> steps = walk(START.plusDays(random.nextInt(9000)), "PENDING_AGREEMENT", "CREATE", Map.of(
                    "PENDING_AGREEMENT", List.of("REGISTERED"),
                    "REGISTERED", List.of("ACTIVE", "ACTIVE", "WITHDRAWN"),
                    "ACTIVE", List.of("PAUSED", "COMPLETED", "COMPLETED", "WITHDRAWN", "ACTIVE_STAY"),
                    "PAUSED", List.of("ACTIVE", "WITHDRAWN")));
            boolean withdrawn = steps.get(steps.size() - 1).status().equals("WITHDRAWN");
            String reason = withdrawn ? List.of("STUDENT_REQUEST", "CHANGED_ENTERPRISE", "ACADEMIC").get(random.nextInt(3)) : null;
            Enrollment e = new Enrollment(UUID.randomUUID(), enterprises.get(random.nextInt(enterprises.size())),
                    random.nextBoolean(), reason, "P-M" + random.nextInt(60), steps);
            enrollments.add(e);
            List<ObjectNode> versions = new ArrayList<>();
            for (int v = 1; v <= steps.size(); v++) {
                versions.add(Events.enrollment(e.id(), cohort, e.enterprise(), e.inProbation(), v == steps.size() ? reason : null,
                        e.mentor(), steps.subList(0, v)));
            }
            add(events, finalVersion, Topics.ENROLLMENTS, e.id(), steps.size() - 1, versions);
        }
        for (int i = 0; i < 120; i++) {
            List<Step> steps = walk(START.plusDays(random.nextInt(9000)), "PLANNED", "PLAN", Map.of(
                    "PLANNED", List.of("OPERATIONAL", "OPERATIONAL", "CLOSED"),
                    "OPERATIONAL", List.of("SUSPENDED", "CLOSED", "OPERATIONAL_STAY"),
                    "SUSPENDED", List.of("OPERATIONAL", "CLOSED")));
            Life f = new Life(UUID.randomUUID(), null, steps);
            facilities.add(f);
            List<ObjectNode> versions = new ArrayList<>();
            for (int v = 1; v <= steps.size(); v++) {
                versions.add(Events.facility(f.id(), "MASTER_STUDIO", "MUNICIPAL", steps.subList(0, v)));
            }
            add(events, finalVersion, Topics.FACILITIES, f.id(), steps.size() - 1, versions);
        }

        int changes = events.values().stream().mapToInt(List::size).sum();
        assertThat(changes).as("lifecycle changes generated").isGreaterThan(3000);
        Map<String, List<ObjectNode>> deliveries = new LinkedHashMap<>();
        for (Map.Entry<String, List<ObjectNode>> topic : events.entrySet()) {
            List<ObjectNode> delivery = new ArrayList<>(topic.getValue());
            for (ObjectNode event : topic.getValue()) {
                if (random.nextInt(5) == 0) {
                    delivery.add(event); // the same record again, as after a redelivery
                }
            }
            Collections.shuffle(delivery, random);
            deliveries.put(topic.getKey(), delivery);
        }
        // half of every topic, then a fold of what has been applied by then (the test profile never folds by
        // itself: CounterFolder), then the rest: the figures are read from folded counters and pending entries
        deliveries.forEach((topic, delivery) -> Events.sendAll(topic, delivery.subList(0, delivery.size() / 2)));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("counter_pending") > 0);
        assertThat(folder.fold()).as("entries folded while the events are applied").isPositive();
        deliveries.forEach((topic, delivery) -> Events.sendAll(topic, delivery.subList(delivery.size() / 2, delivery.size())));
        long expectedVersions = finalVersion.values().stream().mapToLong(Integer::longValue).sum();
        await().atMost(Duration.ofSeconds(90)).until(() -> storedVersions(finalVersion.keySet()) == expectedVersions);

        Map<UUID, Org> orgById = new HashMap<>();
        orgs.forEach(o -> orgById.put(o.id(), o));
        assertThat(count("counter_pending")).as("counter entries still pending").isPositive();
        Map<String, JsonPath> sampled = new LinkedHashMap<>();
        for (int sample = 0; sample < 44; sample++) {
            LocalDate from = START.plusDays(random.nextInt(10500));
            LocalDate to = from.plusDays(random.nextInt(800));
            if (sample >= 36) {
                // periods inside one month that start the day after a membership changed: both ends read days of
                // the same month's row, and the change counts at the start
                List<Step> steps = memberships.get(random.nextInt(memberships.size())).steps();
                from = steps.get(random.nextInt(steps.size())).on().plusDays(1);
                from = from.getDayOfMonth() == 1 ? from.plusDays(1) : from;
                to = from.plusDays(random.nextInt(from.lengthOfMonth() - from.getDayOfMonth() + 1));
            } else if (sample >= 24) {
                // calendar periods too: whole years, quarters and months, where a read needs no day buckets
                from = from.withDayOfMonth(1);
                to = switch (sample % 4) {
                    case 0 -> from.withDayOfYear(1).plusYears(random.nextInt(3)).withMonth(12).withDayOfMonth(31);
                    case 1 -> from.plusMonths(2).withDayOfMonth(from.plusMonths(2).lengthOfMonth());
                    case 2 -> from.withDayOfMonth(from.lengthOfMonth());
                    default -> to.withDayOfMonth(to.lengthOfMonth());
                };
                from = sample % 4 == 0 ? from.withDayOfYear(1) : from;
            }
            JsonPath summary = Api.summary("from=" + from + "&to=" + to);
            sampled.put("from=" + from + "&to=" + to, summary);
            check(summary, "members", from, to, memberEntities(memberships, orgById, allianceOf, (a, s) -> true));
            check(summary, "memberSchools", from, to,
                    memberEntities(memberships, orgById, allianceOf, (a, s) -> a.kind().equals("SCHOOL")));
            check(summary, "memberEnterprises", from, to,
                    memberEntities(memberships, orgById, allianceOf, (a, s) -> a.kind().equals("ENTERPRISE")));
            check(summary, "overseasMembers", from, to,
                    memberEntities(memberships, orgById, allianceOf, (a, s) -> !a.country().equals("CN")));
            check(summary, "subAllianceMembers", from, to,
                    memberEntities(memberships, orgById, allianceOf, (a, s) -> !s.isEmpty()));
            check(summary, "members.slices.country.NP", from, to,
                    memberEntities(memberships, orgById, allianceOf, (a, s) -> a.country().equals("NP")));
            check(summary, "members.slices.subAlliance.'P-EW'", from, to,
                    memberEntities(memberships, orgById, allianceOf, (a, s) -> s.contains("P-EW")));
            Map<String, Day> chains = new HashMap<>();
            for (String chain : CHAINS) {
                MemberTest carries = (a, s) -> a.kind().equals("ENTERPRISE") && a.chains().contains(chain);
                check(summary, "memberEnterprises.slices.industryChain.'" + chain + "'", from, to,
                        memberEntities(memberships, orgById, allianceOf, carries));
                chains.put(chain, d -> memberships.stream().anyMatch(m -> in(MEMBER, statusOn(m.steps(), d))
                        && carries.test(orgById.get(m.owner()).on(d), allianceOf.get(m.id()).on(d))));
            }
            check(summary, "industryChainsServed", from, to, chains);
            check(summary, "apprenticesRegistered", from, to,
                    lives(enrollments, Set.of("REGISTERED", "ACTIVE", "PAUSED")));
            check(summary, "apprenticesActive", from, to, lives(enrollments, Set.of("ACTIVE")));
            check(summary, "apprenticesCompleted", from, to, lives(enrollments, Set.of("COMPLETED")));
            check(summary, "apprenticesWithdrawn", from, to, lives(enrollments, Set.of("WITHDRAWN")));
            Map<String, Day> mentors = new HashMap<>();
            for (Enrollment e : enrollments) {
                String key = e.enterprise() + "/" + e.mentor();
                Day previous = mentors.getOrDefault(key, d -> false);
                mentors.put(key, d -> previous.in(d) || (!d.isBefore(e.steps().get(0).on())
                        && in(Set.of("REGISTERED", "ACTIVE", "PAUSED"), statusOn(e.steps(), d))));
            }
            check(summary, "mentors", from, to, mentors);
            Map<String, Day> facilityDays = new HashMap<>();
            facilities.forEach(f -> facilityDays.put(f.id().toString(),
                    d -> in(Set.of("OPERATIONAL", "SUSPENDED"), statusOn(f.steps(), d))));
            check(summary, "facilities", from, to, facilityDays);

            List<Enrollment> counted = enrollments.stream()
                    .filter(e -> !e.inProbation() && !"CHANGED_ENTERPRISE".equals(e.reason())).toList();
            long completions = transitionsInto(enrollments, "COMPLETED", from, to);
            long withdrawals = transitionsInto(counted, "WITHDRAWN", from, to);
            assertThat(summary.getList("rates.completionRate.periodTerms", Long.class))
                    .as("completion rate terms " + from + ".." + to)
                    .containsExactly(completions, completions + withdrawals);
        }

        // folding the rest changes no figure
        assertThat(folder.fold()).as("entries folded").isPositive();
        assertThat(count("counter_pending")).as("counter entries pending after the fold").isZero();
        sampled.forEach((query, before) -> {
            JsonPath after = Api.summary(query);
            assertThat(after.getMap("figures")).as("figures after the fold, " + query).isEqualTo(before.getMap("figures"));
            assertThat(after.getMap("rates")).as("rates after the fold, " + query).isEqualTo(before.getMap("rates"));
        });
    }

    private long count(String table) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + table);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether an entity counts on a day. */
    interface Day {
        boolean in(LocalDate day);
    }

    /** Compares total atStart/atEnd/new/exited with a day-by-day recount over the period. */
    private static void check(JsonPath summary, String figure, LocalDate from, LocalDate to, Map<String, Day> entities) {
        long atStart = 0;
        long atEnd = 0;
        long entered = 0;
        long exited = 0;
        for (Day entity : entities.values()) {
            boolean previous = entity.in(from.minusDays(1));
            atStart += previous ? 1 : 0;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                boolean now = entity.in(d);
                entered += now && !previous ? 1 : 0;
                exited += !now && previous ? 1 : 0;
                previous = now;
            }
            atEnd += previous ? 1 : 0;
        }
        String at = figure + " " + from + ".." + to;
        assertThat(List.of(count(summary, figure, "atStart"), count(summary, figure, "atEnd"), count(summary, figure, "new"),
                count(summary, figure, "exited"))).as(at).containsExactly(atStart, atEnd, entered, exited);
    }

    /** Whether a member counts, given its organization's attributes and its sub-alliances on the day. */
    interface MemberTest {
        boolean test(Events.Attributes attributes, List<String> alliances);
    }

    private static Map<String, Day> memberEntities(List<Life> memberships, Map<UUID, Org> orgs,
            Map<UUID, Alliances> alliances, MemberTest which) {
        Map<String, Day> entities = new HashMap<>();
        for (Life m : memberships) {
            Org org = orgs.get(m.owner());
            Day previous = entities.getOrDefault(org.id().toString(), d -> false);
            entities.put(org.id().toString(), d -> previous.in(d) || (in(MEMBER, statusOn(m.steps(), d))
                    && which.test(org.on(d), alliances.get(m.id()).on(d))));
        }
        return entities;
    }

    /** A count of a figure or slice; a slice value with nothing to count is left out of the summary: 0. */
    private static long count(JsonPath summary, String figure, String which) {
        Object value = summary.get("figures." + figure + "." + which);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Map<String, Day> lives(List<Enrollment> enrollments, Set<String> statuses) {
        Map<String, Day> entities = new HashMap<>();
        enrollments.forEach(e -> entities.put(e.id().toString(), d -> in(statuses, statusOn(e.steps(), d))));
        return entities;
    }

    private static long transitionsInto(List<Enrollment> enrollments, String status, LocalDate from, LocalDate to) {
        long count = 0;
        for (Enrollment e : enrollments) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (status.equals(statusOn(e.steps(), d)) && !status.equals(statusOn(e.steps(), d.minusDays(1)))) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean in(Set<String> statuses, String status) {
        return status != null && statuses.contains(status);
    }

    /** The brute-force reading of a history: the status of the last step dated on or before the day. */
    private static String statusOn(List<Step> steps, LocalDate day) {
        String status = null;
        for (Step step : steps) {
            if (!step.on().isAfter(day)) {
                status = step.status();
            }
        }
        return status;
    }

    /**
     * A random walk through a lifecycle: each state lists its successors ({@code X_STAY} = the walk
     * ends there); steps are 0–120 days apart, so several may share a day.
     */
    private List<Step> walk(LocalDate first, String initial, String action, Map<String, List<String>> next) {
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(initial, action, first));
        String state = initial;
        LocalDate day = first;
        while (next.containsKey(state) && steps.size() < 12) {
            List<String> options = next.get(state);
            String chosen = options.get(random.nextInt(options.size()));
            if (chosen.endsWith("_STAY")) {
                break;
            }
            day = day.plusDays(random.nextInt(4) == 0 ? 0 : random.nextInt(120));
            steps.add(new Step(chosen, "STEP", day));
            state = chosen;
        }
        return steps;
    }

    private List<String> pick(List<String> from) {
        List<String> picked = new ArrayList<>();
        from.forEach(c -> {
            if (random.nextInt(3) == 0) {
                picked.add(c);
            }
        });
        return picked;
    }

    private static void add(Map<String, List<ObjectNode>> events, Map<UUID, Integer> finalVersion, String topic, UUID id,
            int version, List<ObjectNode> versions) {
        events.computeIfAbsent(topic, t -> new ArrayList<>()).addAll(versions);
        finalVersion.put(id, version);
    }

    private long storedVersions(Set<UUID> ids) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT coalesce(sum(version), 0) FROM projection WHERE aggregate_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", ids.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
