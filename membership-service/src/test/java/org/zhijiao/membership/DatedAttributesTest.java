package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.EventContracts;
import org.zhijiao.testing.TopicReader;

/**
 * The attributes that slice the reports are dated: a change records the day it takes effect, and
 * the events carry the versions so a past year's report keeps the values in force then.
 */
@QuarkusTest
class DatedAttributesTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Test
    void anOrganizationsChangeIsDatedAndPublishedWithItsHistory() {
        Map<String, Object> body = Fixtures.enterprise("换链企业（虚构）");
        body.put("industryChains", Set.of());
        UUID id = Fixtures.register(body);
        asAdmin().get("/api/v1/organizations/" + id).then().statusCode(200)
                .body("attributeHistory.size()", equalTo(1))
                .body("attributeHistory[0].from", equalTo(null));

        body.put("industryChains", Set.of(Fixtures.CHAIN));
        body.put("effectiveOn", "2024-03-01");
        asAdmin().header("If-Match", "\"0\"").body(body).put("/api/v1/organizations/" + id).then().statusCode(200)
                .body("attributeHistory.size()", equalTo(2))
                .body("attributeHistory[0].industryChains", equalTo(List.of()))
                .body("attributeHistory[1].from", equalTo("2024-03-01"))
                .body("attributeHistory[1].industryChains", equalTo(List.of(Fixtures.CHAIN)));
        // a rename changes no slicing attribute: no new version
        body.put("nameEn", "Renamed (fictional)");
        body.remove("effectiveOn");
        asAdmin().header("If-Match", "\"1\"").body(body).put("/api/v1/organizations/" + id).then().statusCode(200)
                .body("attributeHistory.size()", equalTo(2));

        List<TopicReader.Event> events = TopicReader.await("zhijiao.membership.organizations", id.toString(), 3,
                Duration.ofSeconds(30));
        JsonNode history = events.get(2).value().path("data").path("attributeHistory");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(0).path("from").isNull()).isTrue();
        assertThat(history.get(1).path("from").asText()).isEqualTo("2024-03-01");
        assertThat(history.get(1).path("industryChains").get(0).asText()).isEqualTo(Fixtures.CHAIN);
        assertThat(EventContracts.violations("zhijiao.membership.organizations", events.get(2).value())).isEmpty();
    }

    @Test
    void aChangeMayNotBeDatedInTheFutureNorBeforeTheLastOne() {
        Map<String, Object> body = Fixtures.enterprise("日期校验企业（虚构）");
        body.put("industryChains", Set.of());
        UUID id = Fixtures.register(body);
        body.put("industryChains", Set.of(Fixtures.CHAIN));
        body.put("effectiveOn", TODAY.plusDays(1).toString());
        asAdmin().header("If-Match", "\"0\"").body(body).put("/api/v1/organizations/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"));
        body.put("effectiveOn", "2024-03-01");
        asAdmin().header("If-Match", "\"0\"").body(body).put("/api/v1/organizations/" + id).then().statusCode(200);
        body.put("industryChains", Set.of());
        body.put("effectiveOn", "2023-01-01");
        asAdmin().header("If-Match", "\"1\"").body(body).put("/api/v1/organizations/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("effectiveOn"));
        asAdmin().get("/api/v1/organizations/" + id).then().body("version", equalTo(1))
                .body("attributeHistory.size()", equalTo(2));
    }

    @Test
    void aMembershipsSubAlliancesAreDated() {
        UUID org = Fixtures.register(Fixtures.enterprise("分联盟企业（虚构）"));
        UUID membership = Fixtures.applyFor(org, "2020-01-02");
        asAdmin().header("If-Match", "\"0\"")
                .body(Map.of("subAlliances", List.of(Fixtures.ALLIANCE), "effectiveOn", "2021-03-01"))
                .patch("/api/v1/memberships/" + membership).then().statusCode(200)
                .body("subAllianceHistory.size()", equalTo(2))
                .body("subAllianceHistory[0].subAlliances", equalTo(List.of()))
                .body("subAllianceHistory[1].from", equalTo("2021-03-01"))
                .body("subAllianceHistory[1].subAlliances", equalTo(List.of(Fixtures.ALLIANCE)));
    }
}
