package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.OutboxRelay;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.TopicReader;

/** An event Kafka refuses for good is parked with its error; the events after it still flow. */
@QuarkusTest
class OutboxParkingTest {

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @Test
    void aRecordTooLargeForKafkaIsParkedAndLaterEventsFlow() {
        String aggregate = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            insert("too-large-" + aggregate, aggregate, "{\"v\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
            insert("after-" + aggregate, aggregate, "{\"v\":1}");
            insert("other-" + other, other, "{\"v\":0}");
        });
        relay.wake();

        assertThat(TopicReader.await(Topics.ORGANIZATIONS, aggregate, 1, Duration.ofSeconds(30)))
                .extracting(e -> e.value().path("v").asInt()).containsExactly(1);
        assertThat(TopicReader.await(Topics.ORGANIZATIONS, other, 1, Duration.ofSeconds(30))).hasSize(1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                    "SELECT event_id, parked_at, parked_error FROM outbox_event WHERE record_key IN (?1, ?2)",
                    Object[].class).setParameter(1, aggregate).setParameter(2, other).getResultList());
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row[0]).isEqualTo("too-large-" + aggregate);
                assertThat(row[1]).isNotNull();
                assertThat((String) row[2]).contains("RecordTooLargeException");
            });
        });
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM outbox_event WHERE record_key = ?1").setParameter(1, aggregate).executeUpdate());
    }

    private void insert(String eventId, String key, String payload) {
        em.createNativeQuery("""
                        INSERT INTO outbox_event (event_id, topic, record_key, payload, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)""")
                .setParameter(1, eventId).setParameter(2, Topics.ORGANIZATIONS).setParameter(3, key)
                .setParameter(4, payload).setParameter(5, OffsetDateTime.now())
                .executeUpdate();
    }
}
