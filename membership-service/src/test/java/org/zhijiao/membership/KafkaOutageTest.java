package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.LocalStackTestResource;
import org.zhijiao.testing.OutboxRows;
import org.zhijiao.testing.TopicReader;

/** With Kafka stopped, changes still commit; their events arrive in order, once, when it returns. */
@QuarkusTest
class KafkaOutageTest {

    @Test
    void changesCommitWhileKafkaIsDownAndTheirEventsArriveWhenItReturns() {
        Fixtures.ensureReferenceData();
        var kafka = LocalStackTestResource.stack().kafka();
        UUID org;
        UUID membership;
        kafka.stop();
        try {
            org = Fixtures.register(Fixtures.enterprise("断网企业（虚构）"));
            membership = Fixtures.applyFor(org, "2022-01-01");
            Fixtures.transitions(membership, "REVIEW 2022-01-02", "APPROVE 2022-01-03", "SUSPEND 2022-02-01");
            asAdmin().get("/api/v1/memberships/" + membership).then().statusCode(200);
            assertThat(OutboxRows.pendingFor(membership)).isEqualTo(4);
        } finally {
            kafka.restart();
        }
        List<TopicReader.Event> events = TopicReader.await(Topics.MEMBERSHIPS, membership.toString(), 4,
                Duration.ofSeconds(60));
        assertThat(events).extracting(e -> e.value().path("data").path("version").asLong())
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(events).extracting(e -> e.value().path("id").asText()).doesNotHaveDuplicates();
        assertThat(TopicReader.await(Topics.ORGANIZATIONS, org.toString(), 1, Duration.ofSeconds(30))).hasSize(1);
        OutboxRows.awaitRelayed(membership);
        // nothing more arrives later: each event was published exactly once
        assertThat(TopicReader.readAll(Topics.MEMBERSHIPS, Duration.ofSeconds(2)))
                .filteredOn(e -> e.key().equals(membership.toString())).hasSize(4);
    }
}
