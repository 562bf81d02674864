package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.LocalStackTestResource;
import org.zhijiao.testing.OutboxRows;
import org.zhijiao.testing.TopicReader;

/**
 * Kafka stopped while apprenticeship-service takes writes: they commit, and when Kafka returns every
 * event arrives once, and no topic holds an older version of an aggregate after a newer one.
 */
@QuarkusTest
class KafkaOutageTest {

    @Test
    void writesDuringAnOutageArriveOnceAndInVersionOrder() {
        UUID school = MembershipEvents.activeSchool("断网学校");
        UUID enterprise = MembershipEvents.activeEnterprise("断网企业");
        UUID program = Fixtures.publishedProgram(school);
        UUID cohort = Fixtures.recruitingCohort(program, Map.of(enterprise, 5));
        var kafka = LocalStackTestResource.stack().kafka();
        List<UUID> enrollments = new ArrayList<>();
        kafka.stop();
        try {
            for (int i = 0; i < 4; i++) {
                asAdmin().header("If-Match", "\"" + (1 + i) + "\"").body(Map.of("nameZh", "断网期间改名" + i))
                        .patch("/api/v1/cohorts/" + cohort).then().statusCode(200);
                enrollments.add(Fixtures.enroll(cohort, enterprise));
            }
            assertThat(OutboxRows.pending()).isGreaterThanOrEqualTo(8);
        } finally {
            kafka.restart();
        }

        // created (0), recruitment opened (1), four renames (2..5)
        List<TopicReader.Event> cohortEvents = TopicReader.await(Topics.COHORTS, cohort.toString(), 6, Duration.ofSeconds(90));
        assertThat(versions(cohortEvents)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        for (UUID enrollment : enrollments) {
            assertThat(versions(TopicReader.await(Topics.ENROLLMENTS, enrollment.toString(), 1, Duration.ofSeconds(30))))
                    .containsExactly(0L);
        }
        OutboxRows.awaitRelayed();
        // nothing more arrives later: each event was published once, in version order
        assertThat(versions(TopicReader.readAll(Topics.COHORTS, Duration.ofSeconds(2)).stream()
                .filter(e -> e.key().equals(cohort.toString())).toList())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        for (String topic : List.of(Topics.COHORTS, Topics.ENROLLMENTS)) {
            assertNoOlderVersionAfterANewer(TopicReader.readAll(topic, Duration.ofSeconds(2)));
        }
    }

    private static void assertNoOlderVersionAfterANewer(List<TopicReader.Event> events) {
        Map<String, Long> newest = new java.util.HashMap<>();
        for (TopicReader.Event event : events) {
            long version = event.value().path("data").path("version").asLong();
            Long before = newest.put(event.key(), version);
            assertThat(before == null || before <= version)
                    .as("version %d of %s after version %d", version, event.key(), before).isTrue();
        }
    }

    private static List<Long> versions(List<TopicReader.Event> events) {
        return events.stream().map(e -> e.value().path("data").path("version").asLong()).toList();
    }
}
