package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.OutboxRows;
import org.zhijiao.testing.TopicReader;

/** A PUT or PATCH that changes nothing keeps the version and publishes no event. */
@QuarkusTest
class UnchangedUpdateTest {

    @Test
    void replacingAnOrganizationWithItsOwnDetailsChangesNothing() {
        Map<String, Object> details = Fixtures.enterprise("原样企业（虚构）");
        UUID org = Fixtures.register(details);
        asAdmin().header("If-Match", "\"0\"").body(details).put("/api/v1/organizations/" + org)
                .then().statusCode(200).header("ETag", equalTo("\"0\""));
        asAdmin().get("/api/v1/organizations/" + org).then().statusCode(200).header("ETag", equalTo("\"0\""));
        OutboxRows.awaitRelayed(org);
        assertThat(TopicReader.readAll(Topics.ORGANIZATIONS, Duration.ofSeconds(2)))
                .filteredOn(e -> e.key().equals(org.toString())).hasSize(1);
    }

    @Test
    void anEmptyMembershipPatchChangesNothing() {
        UUID org = Fixtures.register(Fixtures.enterprise("原样会员（虚构）"));
        UUID membership = Fixtures.applyFor(org, "2022-01-01");
        asAdmin().header("If-Match", "\"0\"").body(Map.of()).patch("/api/v1/memberships/" + membership)
                .then().statusCode(200).header("ETag", equalTo("\"0\""));
        OutboxRows.awaitRelayed(membership);
        assertThat(TopicReader.readAll(Topics.MEMBERSHIPS, Duration.ofSeconds(2)))
                .filteredOn(e -> e.key().equals(membership.toString())).hasSize(1);
    }
}
