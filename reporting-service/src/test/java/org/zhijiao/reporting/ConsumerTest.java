package org.zhijiao.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhijiao.reporting.Events.step;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.reporting.events.TopicContracts;
import org.zhijiao.testing.TopicReader;

/** Events on the real topics reach the summary exactly once, whatever the delivery does. */
@QuarkusTest
class ConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMembershipAndAnEnrollmentShowUpInTheSummary() {
        JsonPath before = Api.summary("year=2031");
        UUID school = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        Events.send(Topics.ORGANIZATIONS, Events.organization(school, "SCHOOL", "SECONDARY_VOCATIONAL", List.of(),
                "青岛市", "CN", 0));
        Events.send(Topics.MEMBERSHIPS, Events.membership(membership, school, "SCHOOL", List.of("EAST-WEST"), List.of(
                step("APPLIED", "APPLY", "2031-01-10"), step("UNDER_REVIEW", "REVIEW", "2031-02-01"),
                step("ACTIVE", "APPROVE", "2031-03-01"))));
        UUID cohort = UUID.randomUUID();
        UUID enterprise = UUID.randomUUID();
        Events.send(Topics.COHORTS, Events.cohort(cohort, school, "第九期工匠班（虚构）", 9, List.of(enterprise), List.of(
                step("PLANNED", "PLAN", "2031-01-05"), step("RECRUITING", "OPEN_RECRUITMENT", "2031-02-01"))));
        Events.send(Topics.ENROLLMENTS, Events.enrollment(UUID.randomUUID(), cohort, enterprise, false, null, "M-1",
                List.of(step("PENDING_AGREEMENT", "CREATE", "2031-03-01"), step("REGISTERED", "REGISTER", "2031-03-05"),
                        step("ACTIVE", "START", "2031-04-01"))));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath after = Api.summary("year=2031");
            assertThat(after.getInt("figures.memberSchools.atEnd"))
                    .isEqualTo(before.getInt("figures.memberSchools.atEnd") + 1);
            assertThat(after.getInt("figures.memberSchools.new"))
                    .isEqualTo(before.getInt("figures.memberSchools.new") + 1);
            String secondary = "figures.memberSchools.slices.schoolLevel.SECONDARY_VOCATIONAL.atEnd";
            assertThat(Api.orZero(after, secondary)).isEqualTo(Api.orZero(before, secondary) + 1);
            assertThat(after.getInt("figures.members.slices.subAlliance.EAST-WEST.atEnd")).isPositive();
            assertThat(after.getInt("figures.apprenticesActive.atEnd"))
                    .isEqualTo(before.getInt("figures.apprenticesActive.atEnd") + 1);
            assertThat(after.getInt("figures.enterprisesInCohorts.slices.batchNumber.9.atEnd")).isEqualTo(1);
            assertThat(after.getInt("figures.mentors.atEnd")).isEqualTo(before.getInt("figures.mentors.atEnd") + 1);
        });
        // before the activation day the school was not yet a member
        assertThat(Api.summary("asOf=2031-02-28&figure=memberSchools").getInt("figures.memberSchools.atEnd"))
                .isEqualTo(Api.summary("asOf=2031-03-01&figure=memberSchools").getInt("figures.memberSchools.atEnd") - 1);
    }

    @Test
    void duplicatesStaleVersionsAndRedeliveriesChangeNothing() throws SQLException {
        UUID org = UUID.randomUUID();
        UUID membership = UUID.randomUUID();
        List<Events.Step> steps = List.of(step("APPLIED", "APPLY", "2032-01-10"), step("UNDER_REVIEW", "REVIEW", "2032-01-20"),
                step("ACTIVE", "APPROVE", "2032-02-01"), step("SUSPENDED", "SUSPEND", "2032-05-01"),
                step("WITHDRAWN", "WITHDRAW", "2032-09-01"));
        List<ObjectNode> versions = List.of(
                Events.membership(membership, org, "ENTERPRISE", List.of(), steps.subList(0, 1)),
                Events.membership(membership, org, "ENTERPRISE", List.of(), steps.subList(0, 2)),
                Events.membership(membership, org, "ENTERPRISE", List.of(), steps.subList(0, 3)),
                Events.membership(membership, org, "ENTERPRISE", List.of(), steps.subList(0, 4)),
                Events.membership(membership, org, "ENTERPRISE", List.of(), steps));
        // newest first, then the older ones, then the very same records again (a redelivery after a crash)
        Events.send(Topics.MEMBERSHIPS, versions.get(4));
        for (ObjectNode older : versions.subList(0, 4)) {
            Events.send(Topics.MEMBERSHIPS, older);
        }
        List<RecordMetadata> redelivered = versions.stream().map(v -> Events.send(Topics.MEMBERSHIPS, v)).toList();

        await().atMost(WAIT).until(() -> applied(redelivered.get(redelivered.size() - 1)));
        assertThat(storedVersion(membership)).isEqualTo(4);
        JsonPath year = Api.summary("year=2032&figure=memberEnterprises");
        assertThat(year.getInt("figures.memberEnterprises.new")).isEqualTo(1);
        assertThat(year.getInt("figures.memberEnterprises.exited")).isEqualTo(1);
        assertThat(year.getInt("figures.memberEnterprises.atEnd")).isEqualTo(year.getInt("figures.memberEnterprises.atStart"));
        assertThat(Api.atEnd("asOf=2032-06-30", "memberEnterprises"))
                .isEqualTo(Api.atEnd("asOf=2032-01-31", "memberEnterprises") + 1);
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndLaterEventsAreStillApplied() {
        String poison = "poison-" + UUID.randomUUID();
        Events.sendRaw(Topics.MEMBERSHIPS, poison, "{not json");
        ObjectNode unknownType = Events.membership(UUID.randomUUID(), UUID.randomUUID(), "SCHOOL", List.of(),
                List.of(step("APPLIED", "APPLY", "2033-01-01")));
        unknownType.put("type", "org.zhijiao.membership.exploded");
        Events.sendRaw(Topics.MEMBERSHIPS, poison, unknownType.toString());
        ObjectNode missingField = Events.membership(UUID.randomUUID(), UUID.randomUUID(), "SCHOOL", List.of(),
                List.of(step("APPLIED", "APPLY", "2033-01-01")));
        ((ObjectNode) missingField.path("data")).remove("organizationId");
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Events.sendRaw(Topics.MEMBERSHIPS, poison, missingField.toString(), traceparent);
        // valid data, but an envelope attribute PostgreSQL cannot store (the projection keeps the event as published)
        ObjectNode nulInEnvelope = Events.membership(UUID.randomUUID(), UUID.randomUUID(), "SCHOOL", List.of(),
                List.of(step("APPLIED", "APPLY", "2033-01-01")));
        nulInEnvelope.put("source", "/membership\u0000");
        Events.sendRaw(Topics.MEMBERSHIPS, poison, nulInEnvelope.toString());

        // a backslash followed by the letters u0000 is text, not a NUL character: applied like any other
        UUID literal = UUID.randomUUID();
        ObjectNode backslashText = Events.membership(literal, UUID.randomUUID(), "SCHOOL", List.of(),
                List.of(step("APPLIED", "APPLY", "2033-01-01")));
        backslashText.put("source", "/membership\\u0000");
        Events.send(Topics.MEMBERSHIPS, backslashText);

        UUID after = UUID.randomUUID();
        Events.send(Topics.MEMBERSHIPS, Events.membership(after, UUID.randomUUID(), "OTHER", List.of(), List.of(
                step("APPLIED", "APPLY", "2033-01-01"), step("UNDER_REVIEW", "REVIEW", "2033-01-02"),
                step("ACTIVE", "APPROVE", "2033-01-03"))));

        List<TopicReader.Event> dead = TopicReader.await(TopicContracts.DEAD_LETTERS, poison, 4, WAIT);
        assertThat(dead).extracting(e -> e.header("dead-letter-reason")).containsExactly(
                "record value is not JSON: Unexpected character ('n' (code 110)): was expecting double-quote to start field name",
                "unknown event type org.zhijiao.membership.exploded on zhijiao.membership.memberships",
                "data.organizationId is required",
                "record value has a NUL character (\\u0000)");
        assertThat(dead).extracting(e -> e.header("dead-letter-topic")).containsOnly(Topics.MEMBERSHIPS);
        // a dead letter keeps the original's headers: the one written in a trace can be followed back to it
        assertThat(dead).extracting(e -> e.header("traceparent")).containsExactly(null, null, traceparent, null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(storedVersion(after)).isEqualTo(2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(storedVersion(literal)).isZero());
    }

    /** Whether the consumer has applied its partition past this record (every record is sent with the same key). */
    private boolean applied(RecordMetadata record) throws SQLException {
        return queryLong("SELECT coalesce(max(next_offset), 0) FROM applied_position WHERE topic = ? AND partition_no = ?",
                record.topic(), record.partition()) > record.offset();
    }

    private long storedVersion(UUID aggregate) throws SQLException {
        return queryLong("SELECT coalesce(max(version), -1) FROM projection WHERE aggregate_id = ?", aggregate);
    }

    private long queryLong(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i] instanceof UUID id ? id.toString() : parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
