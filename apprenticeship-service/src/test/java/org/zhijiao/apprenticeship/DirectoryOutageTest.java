package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhijiao.apprenticeship.MembershipEvents.awaitDirectory;
import static org.zhijiao.apprenticeship.MembershipEvents.member;
import static org.zhijiao.apprenticeship.MembershipEvents.organization;
import static org.zhijiao.apprenticeship.MembershipEvents.send;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;

/**
 * The directory's database away for longer than the Kafka connector lets a record wait unprocessed
 * (60 s by default): the consumer keeps retrying, applies the waiting event when the database is
 * back, and goes on with the next ones.
 */
@QuarkusTest
class DirectoryOutageTest {

    /** Longer than the connector's default throttled.unprocessed-record-max-age.ms. */
    private static final Duration OUTAGE = Duration.ofSeconds(70);

    @Inject
    DataSource dataSource;

    @Test
    void theConsumerOutlivesALongDatabaseOutageAndLosesNothing() throws Exception {
        UUID during = UUID.randomUUID();
        try (Connection blocker = dataSource.getConnection(); Statement sql = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            // every apply records its event in processed_event first: this holds the consumer as an outage would
            sql.execute("LOCK TABLE processed_event IN ACCESS EXCLUSIVE MODE");
            send(Topics.ORGANIZATIONS, organization(during, "ENTERPRISE", "停库期间（虚构）", 0));
            Thread.sleep(OUTAGE.toMillis());
            blocker.rollback();
        }
        UUID after = UUID.randomUUID();
        send(Topics.ORGANIZATIONS, organization(after, "ENTERPRISE", "恢复之后（虚构）", 0));
        awaitDirectory(() -> member(during).isPresent() && member(after).isPresent());
        assertThat(member(during)).hasValueSatisfying(m -> assertThat(m.nameZh()).isEqualTo("停库期间（虚构）"));
    }
}
