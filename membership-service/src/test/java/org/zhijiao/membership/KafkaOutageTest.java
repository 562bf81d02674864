package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhijiao.testing.Callers.asAdmin;
import static org.zhijiao.membership.Fixtures.transition;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;

import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.LocalStackTestResource;
import org.zhijiao.testing.TopicReader;

/** With Kafka stopped, changes still commit; their events arrive in order, once, when it returns. */
@QuarkusTest
class KafkaOutageTest {

    @Inject
    EntityManager em;

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
            transition(membership, "REVIEW", "2022-01-02").statusCode(200);
            transition(membership, "APPROVE", "2022-01-03").statusCode(200);
            transition(membership, "SUSPEND", "2022-02-01").statusCode(200);
            asAdmin().get("/api/v1/memberships/" + membership).then().statusCode(200);
            assertThat(pendingFor(membership)).isEqualTo(4);
        } finally {
            kafka.restart();
        }
        List<TopicReader.Event> events = TopicReader.await(Topics.MEMBERSHIPS, membership.toString(), 4,
                Duration.ofSeconds(60));
        assertThat(events).extracting(e -> e.value().path("data").path("version").asLong())
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(events).extracting(e -> e.value().path("id").asText()).doesNotHaveDuplicates();
        assertThat(TopicReader.await(Topics.ORGANIZATIONS, org.toString(), 1, Duration.ofSeconds(30))).hasSize(1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> pendingFor(membership) == 0);
        // nothing more arrives later: each event was published exactly once
        assertThat(TopicReader.readAll(Topics.MEMBERSHIPS, Duration.ofSeconds(2)))
                .filteredOn(e -> e.key().equals(membership.toString())).hasSize(4);
    }

    private long pendingFor(UUID aggregate) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE record_key = ?1")
                .setParameter(1, aggregate.toString()).getSingleResult()).longValue());
    }

}
