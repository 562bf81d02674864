package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhijiao.testing.Callers.as;
import static org.zhijiao.testing.Callers.asAdmin;
import static org.zhijiao.apprenticeship.Fixtures.transition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.EventContracts;
import org.zhijiao.testing.TestTokens;
import org.zhijiao.testing.TopicReader;

/**
 * What reaches Kafka: the whole state, versioned, keyed, in order and matching the written contracts,
 * for a cohort of 20 enterprises and their apprentices run through its whole lifecycle.
 */
@QuarkusTest
class EventsTest {

    private static final int ENTERPRISES = 20;
    private static final int PER_ENTERPRISE = 2;

    @Test
    void aCohortOfTwentyEnterprisesRunsItsWholeLifecycleAndEveryChangeIsOnTheTopics() {
        MembershipEvents.cluster(Fixtures.CLUSTER);
        UUID school = MembershipEvents.activeSchool("第五批学校");
        List<UUID> enterprises = MembershipEvents.activeMembers("ENTERPRISE", "第五批企业", ENTERPRISES);

        String specialty = asAdmin().body(Map.of("schoolId", school.toString(), "code", "660301", "nameZh", "工业机器人技术",
                "clusterCode", Fixtures.CLUSTER)).post("/api/v1/specialties").then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("level", "MUNICIPAL", "kind", "FEATURED", "from", "2020-01-01"))
                .post("/api/v1/specialties/" + specialty + "/designations").then().statusCode(200);
        UUID program = Fixtures.publishedProgram(school);
        String facility = asAdmin().body(Map.of("type", "FACTORY_IN_SCHOOL", "nameZh", "校中厂（虚构）",
                "hostOrganizationIds", List.of(school.toString(), enterprises.get(0).toString()), "level", "PROVINCIAL",
                "capacity", 80)).post("/api/v1/facilities").then().statusCode(201).extract().path("id");
        transition("facilities", facility, "ESTABLISH").statusCode(200);

        Map<UUID, Integer> places = new LinkedHashMap<>();
        enterprises.forEach(e -> places.put(e, PER_ENTERPRISE));
        UUID cohort = Fixtures.recruitingCohort(program, places);
        List<UUID> enrollments = new ArrayList<>();
        Map<UUID, UUID> enterpriseOf = new LinkedHashMap<>();
        for (UUID enterprise : enterprises) {
            for (int i = 0; i < PER_ENTERPRISE; i++) {
                UUID enrollment = Fixtures.enroll(cohort, enterprise);
                enrollments.add(enrollment);
                enterpriseOf.put(enrollment, enterprise);
            }
        }
        for (UUID enrollment : enrollments) {
            Fixtures.confirm(TestTokens.school(school), enrollment, "STUDENT_GUARDIAN", 1).statusCode(200);
            Fixtures.confirm(TestTokens.school(school), enrollment, "SCHOOL", 1).statusCode(200);
            Fixtures.confirm(TestTokens.enterprise(enterpriseOf.get(enrollment)), enrollment, "ENTERPRISE", 1)
                    .statusCode(200);
            transition("enrollments", enrollment, "REGISTER").statusCode(200);
        }
        transition("cohorts", cohort, "START").statusCode(200);
        for (UUID enrollment : enrollments) {
            transition("enrollments", enrollment, "START").statusCode(200);
            as(TestTokens.enterprise(enterpriseOf.get(enrollment))).body(Map.of("role", "MENTOR", "name", "师傅（虚构）",
                    "from", "2022-09-01")).post("/api/v1/enrollments/" + enrollment + "/assignments").then().statusCode(200);
        }
        UUID leaver = enrollments.get(0);
        transition(TestTokens.admin(), "enrollments", leaver, Map.of("action", "WITHDRAW", "withdrawalReason",
                "STUDENT_REQUEST", "inProbation", true)).statusCode(200);
        for (UUID enrollment : enrollments.subList(1, enrollments.size())) {
            transition("enrollments", enrollment, "COMPLETE").statusCode(200);
        }
        transition("cohorts", cohort, "CLOSE").statusCode(200);

        JsonNode lastCohortEvent = eventsOf(Topics.COHORTS, Set.of(cohort.toString()), 4).get(cohort.toString())
                .get(3);
        assertThat(types(List.of(lastCohortEvent))).containsExactly("org.zhijiao.cohort.closed");
        JsonNode data = lastCohortEvent.path("data");
        assertThat(data.path("status").asText()).isEqualTo("CLOSED");
        assertThat(data.path("version").asLong()).isEqualTo(3);
        assertThat(data.path("enterprises")).hasSize(ENTERPRISES);
        assertThat(data.path("totalPlaces").asInt()).isEqualTo(ENTERPRISES * PER_ENTERPRISE);
        assertThat(data.path("history")).extracting(h -> h.path("status").asText())
                .containsExactly("PLANNED", "RECRUITING", "ACTIVE", "CLOSED");

        Map<String, List<JsonNode>> byEnrollment = eventsOf(Topics.ENROLLMENTS,
                enrollments.stream().map(UUID::toString).collect(Collectors.toSet()), 7);
        for (UUID enrollment : enrollments) {
            List<JsonNode> events = byEnrollment.get(enrollment.toString());
            String end = enrollment.equals(leaver) ? "org.zhijiao.enrollment.withdrawn" : "org.zhijiao.enrollment.completed";
            assertThat(types(events)).as(enrollment.toString()).containsExactly("org.zhijiao.enrollment.created",
                    "org.zhijiao.enrollment.agreement-confirmed", "org.zhijiao.enrollment.agreement-confirmed",
                    "org.zhijiao.enrollment.agreement-confirmed", "org.zhijiao.enrollment.registered",
                    "org.zhijiao.enrollment.started", "org.zhijiao.enrollment.staff-assigned", end);
            assertThat(events).extracting(e -> e.path("data").path("version").asLong())
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
            JsonNode last = events.get(events.size() - 1).path("data");
            assertThat(last.path("cohortId").asText()).isEqualTo(cohort.toString());
            assertThat(last.path("programId").asText()).isEqualTo(program.toString());
            assertThat(last.path("schoolId").asText()).isEqualTo(school.toString());
            assertThat(last.path("enterpriseId").asText()).isEqualTo(enterpriseOf.get(enrollment).toString());
            assertThat(last.path("assignments").get(0).path("role").asText()).isEqualTo("MENTOR");
            assertThat(last.path("agreement").path("fullyConfirmed").asBoolean()).isTrue();
        }
        JsonNode withdrawn = byEnrollment.get(leaver.toString()).get(7).path("data");
        assertThat(withdrawn.path("withdrawalReason").asText()).isEqualTo("STUDENT_REQUEST");
        assertThat(withdrawn.path("inProbation").asBoolean()).isTrue();

        assertThat(types(eventsOf(Topics.SPECIALTIES, Set.of(specialty), 2).get(specialty)))
                .containsExactly("org.zhijiao.specialty.offered", "org.zhijiao.specialty.designated");
        assertThat(types(eventsOf(Topics.PROGRAMS, Set.of(program.toString()), 3).get(program.toString())))
                .containsExactly("org.zhijiao.program.drafted", "org.zhijiao.program.approved",
                        "org.zhijiao.program.published");
        assertThat(types(eventsOf(Topics.FACILITIES, Set.of(facility), 2).get(facility)))
                .containsExactly("org.zhijiao.facility.planned", "org.zhijiao.facility.established");
    }

    @Test
    void theContractsRejectWhatTheyShould() {
        UUID school = MembershipEvents.activeSchool("反例学校");
        UUID program = Fixtures.publishedProgram(school);
        JsonNode valid = eventsOf(Topics.PROGRAMS, Set.of(program.toString()), 1).get(program.toString()).get(0);
        assertThat(EventContracts.violations(Topics.PROGRAMS, valid)).isEmpty();
        JsonNode missingVersion = valid.deepCopy();
        ((ObjectNode) missingVersion.path("data")).remove("version");
        assertThat(EventContracts.violations(Topics.PROGRAMS, missingVersion)).isNotEmpty();
        JsonNode extraField = valid.deepCopy();
        ((ObjectNode) extraField.path("data")).put("secret", "x");
        assertThat(EventContracts.violations(Topics.PROGRAMS, extraField)).isNotEmpty();
        JsonNode wrongType = valid.deepCopy();
        ((ObjectNode) wrongType).put("type", "org.zhijiao.program.exploded");
        assertThat(EventContracts.violations(Topics.PROGRAMS, wrongType)).isNotEmpty();
    }

    /**
     * Reads the topic once until every key has at least {@code perKey} events, checks that each of
     * them satisfies the topic's contract and is keyed by its subject, and returns them per key.
     */
    private static Map<String, List<JsonNode>> eventsOf(String topic, Set<String> keys, int perKey) {
        List<TopicReader.Event> events = TopicReader.readUntil(topic, Duration.ofSeconds(60), read -> {
            Map<String, Long> counts = read.stream().filter(e -> keys.contains(e.key()))
                    .collect(Collectors.groupingBy(TopicReader.Event::key, Collectors.counting()));
            return keys.stream().allMatch(k -> counts.getOrDefault(k, 0L) >= perKey);
        });
        Map<String, List<JsonNode>> byKey = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (TopicReader.Event event : events) {
            if (!keys.contains(event.key())) {
                continue;
            }
            assertThat(EventContracts.violations(topic, event.value())).as(topic + " " + event.value()).isEmpty();
            assertThat(event.value().path("subject").asText()).isEqualTo(event.key());
            assertThat(event.value().path("source").asText()).isEqualTo("/zhijiao/apprenticeship-service");
            assertThat(ids.add(event.value().path("id").asText())).isTrue();
            byKey.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.value());
        }
        assertThat(byKey.keySet()).containsExactlyInAnyOrderElementsOf(keys);
        return byKey;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }
}
