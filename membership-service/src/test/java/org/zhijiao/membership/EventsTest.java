package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhijiao.testing.Callers.asAdmin;
import static org.zhijiao.membership.Fixtures.transition;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.membership.organization.OrganizationDtos.OrganizationRequest;
import org.zhijiao.membership.organization.OrganizationDtos.RegionDto;
import org.zhijiao.membership.organization.OrganizationKind;
import org.zhijiao.membership.organization.OrganizationService;
import org.zhijiao.testing.CreditCodes;
import org.zhijiao.testing.EventContracts;
import org.zhijiao.testing.TopicReader;

/** What reaches Kafka: the whole state, versioned, keyed, in order, matching the written contract. */
@QuarkusTest
class EventsTest {

    @Inject
    OrganizationService organizations;

    @Test
    void createActivateSuspendYieldMatchingCloudEventsInOrder() {
        UUID org = Fixtures.register(Fixtures.enterprise("事件企业（虚构）"));
        UUID membership = Fixtures.applyFor(org, "2020-02-01");
        Fixtures.transitions(membership, "REVIEW 2020-02-02", "APPROVE 2020-02-03", "SUSPEND 2020-03-01");

        List<TopicReader.Event> orgEvents = TopicReader.await(Topics.ORGANIZATIONS, org.toString(), 1,
                Duration.ofSeconds(30));
        assertThat(orgEvents).hasSize(1);
        assertThat(orgEvents.get(0).key()).isEqualTo(org.toString());
        assertThat(orgEvents.get(0).value().path("type").asText()).isEqualTo("org.zhijiao.organization.registered");
        assertThat(orgEvents.get(0).value().path("data").path("kind").asText()).isEqualTo("ENTERPRISE");

        List<TopicReader.Event> events = TopicReader.await(Topics.MEMBERSHIPS, membership.toString(), 4,
                Duration.ofSeconds(30));
        assertThat(events).extracting(e -> e.value().path("type").asText()).containsExactly(
                "org.zhijiao.membership.applied", "org.zhijiao.membership.under-review",
                "org.zhijiao.membership.activated", "org.zhijiao.membership.suspended");
        assertThat(events).extracting(e -> e.value().path("data").path("version").asLong()).containsExactly(0L, 1L, 2L, 3L);
        JsonNode last = events.get(3).value();
        assertThat(last.path("specversion").asText()).isEqualTo("1.0");
        assertThat(last.path("subject").asText()).isEqualTo(membership.toString());
        assertThat(last.path("data").path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(last.path("data").path("history")).hasSize(4);
        assertThat(last.path("data").path("history").get(2).path("on").asText()).isEqualTo("2020-02-03");
        assertThat(events).extracting(e -> e.header("content-type")).allMatch(h -> h.startsWith("application/cloudevents+json"));
    }

    @Test
    void theTraceOfTheRequestTravelsWithItsEventThroughTheOutbox() {
        Fixtures.ensureReferenceData();
        String trace = "0af7651916cd43dd8448eb211c80319c";
        String callersSpan = "b7ad6b7169203331";
        UUID org = UUID.fromString(asAdmin().header("traceparent", "00-" + trace + "-" + callersSpan + "-00")
                .body(Fixtures.enterprise("追踪企业（虚构）")).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id"));

        TopicReader.Event event = TopicReader.await(Topics.ORGANIZATIONS, org.toString(), 1, Duration.ofSeconds(30)).get(0);
        // the same trace, continued by the service and then by the relay's own span
        assertThat(event.header("traceparent")).matches("00-" + trace + "-[0-9a-f]{16}-00");
        assertThat(event.header("traceparent")).doesNotContain(callersSpan);
    }

    @Test
    void everyEmittedEventValidatesAgainstItsContract() {
        UUID school = Fixtures.register(Fixtures.school("契约学校（虚构）"));
        UUID enterprise = Fixtures.register(Fixtures.enterprise("契约企业（虚构）"));
        asAdmin().body(Map.of("nameZh", "契约分校", "region", Map.of("city", "Kathmandu", "country", "NP"),
                "status", "PLANNED")).post("/api/v1/organizations/" + school + "/campuses").then().statusCode(201);
        UUID membership = Fixtures.applyFor(school, "2021-01-01");
        transition(membership, "REJECT", "2021-02-01").statusCode(200);
        String agreement = asAdmin().body(Map.of("title", "契约协议", "kind", "APPRENTICESHIP",
                "parties", List.of(school.toString(), enterprise.toString()))).post("/api/v1/agreements")
                .then().statusCode(201).extract().path("id");
        asAdmin().body(Map.of("action", "SUBMIT")).post("/api/v1/agreements/" + agreement + "/transitions")
                .then().statusCode(200);
        String recognition = asAdmin().body(Map.of("titleZh", "契约荣誉", "level", "MUNICIPAL",
                "awardedOn", "2020-01-01")).post("/api/v1/recognitions").then().statusCode(201).extract().path("id");

        Map<String, String> subjects = Map.of(
                Topics.ORGANIZATIONS, school.toString(),
                Topics.MEMBERSHIPS, membership.toString(),
                Topics.AGREEMENTS, agreement,
                Topics.RECOGNITIONS, recognition,
                Topics.REFERENCE_DATA, "industry-chains/" + Fixtures.CHAIN);
        subjects.forEach((topic, subject) -> {
            List<TopicReader.Event> events = TopicReader.await(topic, subject, 1, Duration.ofSeconds(30));
            for (TopicReader.Event event : events) {
                assertThat(EventContracts.violations(topic, event.value())).as(topic + " " + event.value()).isEmpty();
            }
        });
    }

    @Test
    void theContractRejectsWhatItShould() {
        JsonNode valid = TopicReader.await(Topics.ORGANIZATIONS,
                Fixtures.register(Fixtures.enterprise("反例企业（虚构）")).toString(), 1, Duration.ofSeconds(30))
                .get(0).value();
        assertThat(EventContracts.violations(Topics.ORGANIZATIONS, valid)).isEmpty();
        JsonNode missingVersion = valid.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) missingVersion.path("data")).remove("version");
        assertThat(EventContracts.violations(Topics.ORGANIZATIONS, missingVersion)).isNotEmpty();
        JsonNode wrongType = valid.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) wrongType).put("type", "org.zhijiao.organization.exploded");
        assertThat(EventContracts.violations(Topics.ORGANIZATIONS, wrongType)).isNotEmpty();
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        Fixtures.ensureReferenceData();
        OrganizationRequest request = new OrganizationRequest("回滚企业（虚构）", null, CreditCodes.random(),
                OrganizationKind.ENTERPRISE, null, null, null, new RegionDto("青岛市", null, "CN"), null);
        UUID[] rolledBack = new UUID[1];
        QuarkusTransaction.begin();
        try {
            rolledBack[0] = organizations.register(request).id();
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(organizations.get(rolledBack[0])).isEmpty();
        // a change committed afterwards is published; by then the rolled-back one would have been too
        UUID committed = Fixtures.register(Fixtures.enterprise("回滚之后（虚构）"));
        TopicReader.await(Topics.ORGANIZATIONS, committed.toString(), 1, Duration.ofSeconds(30));
        assertThat(TopicReader.readAll(Topics.ORGANIZATIONS, Duration.ofSeconds(2)))
                .noneMatch(e -> e.key().equals(rolledBack[0].toString()));
    }
}
