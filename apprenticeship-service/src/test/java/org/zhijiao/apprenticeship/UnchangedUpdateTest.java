package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
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
    void unchangedCohortFacilityAndProgramUpdatesPublishNothing() {
        UUID school = MembershipEvents.activeSchool("原样学校");
        UUID enterprise = MembershipEvents.activeEnterprise("原样企业");
        UUID cohort = Fixtures.recruitingCohort(Fixtures.publishedProgram(school), Map.of(enterprise, 2));
        String name = asAdmin().get("/api/v1/cohorts/" + cohort).then().extract().path("nameZh");
        asAdmin().header("If-Match", "\"1\"").body(Map.of("nameZh", name)).patch("/api/v1/cohorts/" + cohort)
                .then().statusCode(200).header("ETag", equalTo("\"1\""));
        asAdmin().header("If-Match", "\"1\"")
                .body(Map.of("enterprises", List.of(Map.of("enterpriseId", enterprise.toString(), "places", 2))))
                .put("/api/v1/cohorts/" + cohort + "/enterprises").then().statusCode(200).header("ETag", equalTo("\"1\""));

        Map<String, Object> facility = Map.of("type", "MASTER_STUDIO", "nameZh", "原样工作室（虚构）",
                "hostOrganizationIds", List.of(enterprise.toString()), "level", "GROUP", "capacity", 10);
        UUID studio = UUID.fromString(asAdmin().body(facility).post("/api/v1/facilities").then().statusCode(201)
                .extract().path("id"));
        asAdmin().header("If-Match", "\"0\"").body(facility).put("/api/v1/facilities/" + studio)
                .then().statusCode(200).header("ETag", equalTo("\"0\""));

        Map<String, Object> plan = Fixtures.programRequest(school);
        UUID draft = UUID.fromString(asAdmin().body(plan).post("/api/v1/programs").then().statusCode(201)
                .extract().path("id"));
        asAdmin().header("If-Match", "\"0\"").body(plan).put("/api/v1/programs/" + draft)
                .then().statusCode(200).header("ETag", equalTo("\"0\""));

        OutboxRows.awaitRelayed(cohort);
        OutboxRows.awaitRelayed(studio);
        OutboxRows.awaitRelayed(draft);
        assertThat(TopicReader.readAll(Topics.COHORTS, Duration.ofSeconds(2)))
                .filteredOn(e -> e.key().equals(cohort.toString())).hasSize(2);
        assertThat(TopicReader.readAll(Topics.FACILITIES, Duration.ofSeconds(2)))
                .filteredOn(e -> e.key().equals(studio.toString())).hasSize(1);
        assertThat(TopicReader.readAll(Topics.PROGRAMS, Duration.ofSeconds(2)))
                .filteredOn(e -> e.key().equals(draft.toString())).hasSize(1);
    }
}
