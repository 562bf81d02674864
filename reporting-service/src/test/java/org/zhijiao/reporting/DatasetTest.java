package org.zhijiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.TestTokens;

/** Schools submit datasets for themselves; bad input writes nothing; resubmissions keep history. */
@QuarkusTest
class DatasetTest {

    private static UUID knownSchool() {
        UUID school = UUID.randomUUID();
        Events.send(Topics.ORGANIZATIONS, Events.organization(school, "SCHOOL", "SECONDARY_VOCATIONAL", List.of(), "青岛市", "CN", 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.school(school))
                .contentType("application/json").body(admissions(null, 2020, 1)).post("/api/v1/datasets/admissions")
                .statusCode() == 201);
        return school;
    }

    private static Map<String, Object> admissions(UUID school, int year, int admitted) {
        return Map.of("year", year, "sourceNote", "2020 admissions roll",
                "entries", List.of(Map.of("level", "THREE_PLUS_FOUR", "specialtyCategory", "ELECTRONICS_INFORMATION",
                                "admitted", admitted, "planned", 120),
                        Map.of("level", "SECONDARY_VOCATIONAL", "specialtyCategory", "FINANCE_COMMERCE", "admitted", 85)));
    }

    @Test
    void aSchoolSubmitsForItselfAndAResubmissionSupersedesKeepingHistory() {
        UUID school = knownSchool();
        String token = TestTokens.school(school);
        JsonPath second = given().auth().oauth2(token).contentType("application/json").body(admissions(null, 2020, 118))
                .post("/api/v1/datasets/admissions").then().statusCode(201).extract().jsonPath();
        assertThat(second.getLong("total")).isEqualTo(203);
        assertThat(second.getString("provenance.submittedBy")).isEqualTo("test-school-" + school);
        assertThat(second.getString("provenance.sourceNote")).isEqualTo("2020 admissions roll");
        assertThat(second.getInt("totals.byLevel.THREE_PLUS_FOUR")).isEqualTo(118);

        List<Map<String, Object>> history = given().auth().oauth2(token)
                .get("/api/v1/datasets?kind=ADMISSIONS&includeSuperseded=true").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(history).hasSize(2);
        assertThat(history).extracting(h -> h.get("current")).containsExactly(true, false);
        assertThat(history.get(1).get("supersededBy")).isEqualTo(second.getString("id"));

        given().auth().oauth2(TestTokens.school(UUID.randomUUID())).get("/api/v1/datasets/" + second.getString("id"))
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.enterprise(UUID.randomUUID())).get("/api/v1/datasets").then().statusCode(403);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("schoolId", UUID.randomUUID().toString(),
                "year", 2020, "sourceNote", "x", "entries", List.of(Map.of("level", "FIVE_YEAR",
                        "specialtyCategory", "TOURISM", "admitted", 1)))).post("/api/v1/datasets/admissions")
                .then().statusCode(403);

        JsonPath totals = Api.asAdmin().get("/api/v1/datasets/totals?kind=ADMISSIONS&year=2020").then().statusCode(200)
                .extract().jsonPath();
        assertThat(totals.getInt("totals.bySpecialtyCategory.FINANCE_COMMERCE")).isGreaterThanOrEqualTo(85);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        UUID school = knownSchool();
        String token = TestTokens.school(school);
        long before = count(token);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("year", 2020, "sourceNote", "x",
                        "entries", List.of(Map.of("level", "FIVE_YEAR", "specialtyCategory", "TOURISM", "admitted", -1))))
                .post("/api/v1/datasets/admissions").then().statusCode(400)
                .body("errors[0].field", containsString("admitted"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("year", 2020, "sourceNote", "x",
                        "entries", List.of(Map.of("level", "SIX_YEAR", "specialtyCategory", "TOURISM", "admitted", 1))))
                .post("/api/v1/datasets/admissions").then().statusCode(400);
        Map<String, Object> twice = Map.of("level", "FIVE_YEAR", "specialtyCategory", "TOURISM", "admitted", 1);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("year", 2020, "sourceNote", "x",
                        "entries", List.of(twice, twice))).post("/api/v1/datasets/admissions").then().statusCode(400)
                .body("errors[0].field", equalTo("entries[1]"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("year", 2999, "sourceNote", "x",
                        "entries", List.of(twice))).post("/api/v1/datasets/admissions").then().statusCode(400);
        Api.asAdmin().body(Map.of("schoolId", UUID.randomUUID().toString(), "year", 2020, "sourceNote", "x",
                "entries", List.of(twice))).post("/api/v1/datasets/admissions").then().statusCode(422)
                .body("errors[0].field", equalTo("schoolId"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of("year", 2020, "sourceNote", "survey",
                        "entries", List.of(Map.of("specialtyCategory", "TOURISM", "destination", "MOON", "graduates", 3))))
                .post("/api/v1/datasets/graduate-destinations").then().statusCode(400);
        assertThat(count(token)).isEqualTo(before);
        given().contentType("application/json").body(admissions(null, 2020, 1)).post("/api/v1/datasets/admissions")
                .then().statusCode(401);
    }

    private static long count(String token) {
        return given().auth().oauth2(token).get("/api/v1/datasets?includeSuperseded=true&limit=200").then()
                .statusCode(200).extract().jsonPath().getList("items").size();
    }
}
