package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.Callers;
import org.zhijiao.testing.TestTokens;

/** Bad input is a 4xx problem that names the field, and writes nothing. */
@QuarkusTest
class BadInputTest {

    @Test
    void badBodiesAreProblemsNamingTheField() {
        UUID school = MembershipEvents.activeSchool("坏输入学校");
        asAdmin().body("{\"schoolId\": ").post("/api/v1/specialties").then().statusCode(400)
                .body("type", equalTo("https://zhijiao.org/problems/malformed-request"));
        asAdmin().body(Map.of("schoolId", "not-a-uuid", "code", "710102", "nameZh", "x", "clusterCode", "IOT"))
                .post("/api/v1/specialties").then().statusCode(400).body("errors[0].field", equalTo("schoolId"));
        asAdmin().body(Map.of("schoolId", school.toString(), "code", "7", "nameZh", "", "clusterCode", "iot"))
                .post("/api/v1/specialties").then().statusCode(400)
                .body("errors.field", hasItem("code")).body("errors.field", hasItem("nameZh"))
                .body("errors.field", hasItem("clusterCode"));
        asAdmin().body(Map.of("type", "SPACESHIP", "nameZh", "x", "hostOrganizationIds", new String[] {school.toString()},
                "level", "GROUP", "capacity", 1)).post("/api/v1/facilities").then().statusCode(400)
                .body("errors[0].field", equalTo("type")).body("detail", containsString("MODEL_WORKER_STUDIO"));
        asAdmin().body(Map.of("type", "MASTER_STUDIO", "nameZh", "x", "hostOrganizationIds", new String[0],
                "level", "GROUP", "capacity", 0)).post("/api/v1/facilities").then().statusCode(400)
                .body("errors.field", hasItem("hostOrganizationIds")).body("errors.field", hasItem("capacity"));
        asAdmin().body(Map.of("action", "FLY")).post("/api/v1/cohorts/" + UUID.randomUUID() + "/transitions")
                .then().statusCode(400).body("errors[0].field", equalTo("action"));
        asAdmin().body(Map.of("cohortId", UUID.randomUUID().toString(), "unknownField", 1)).post("/api/v1/enrollments")
                .then().statusCode(400).body("errors[0].field", equalTo("unknownField"));
        asAdmin().queryParam("status", "SLEEPING").get("/api/v1/enrollments").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        asAdmin().queryParam("limit", 0).get("/api/v1/cohorts").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        asAdmin().queryParam("cursor", "!!").get("/api/v1/facilities").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        asAdmin().get("/api/v1/programs/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://zhijiao.org/problems/not-found"));
        assertThat(asAdmin().queryParam("schoolId", school).get("/api/v1/specialties").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();
    }

    @Test
    void anEnrollmentNeedsEverySectionOfTheAgreementAndWritesNothingOtherwise() {
        UUID school = MembershipEvents.activeSchool("缺条款学校");
        UUID enterprise = MembershipEvents.activeEnterprise("缺条款企业");
        UUID cohort = Fixtures.recruitingCohort(Fixtures.publishedProgram(school), Map.of(enterprise, 1));
        Map<String, Object> body = Fixtures.enrollmentRequest(cohort, enterprise);
        Map<String, String> partial = new HashMap<>(Fixtures.agreement());
        partial.remove("INSURANCE");
        body.put("agreement", partial);
        asAdmin().body(body).post("/api/v1/enrollments").then().statusCode(400)
                .body("errors[0].field", equalTo("agreement")).body("detail", containsString("INSURANCE"));
        body.put("agreement", Map.of("TRAINING_CONTENT", "x", "SALARY", "y"));
        asAdmin().body(body).post("/api/v1/enrollments").then().statusCode(400);
        // nothing was written: the only place is still free
        Fixtures.enroll(cohort, enterprise);
    }

    @Test
    void controlCharactersAndBadNumbersInQueryParametersAreA400NamingThem() {
        for (String hostile : List.of("IOT\u0000", "\u0000", "\u001b[0m")) {
            asAdmin().queryParam("clusterCode", hostile).get("/api/v1/specialties").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("clusterCode"));
        }
        asAdmin().queryParam("limit", "abc").get("/api/v1/cohorts").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void aNumberTooLargeForItsFieldIsA400NamingIt() {
        UUID school = MembershipEvents.activeSchool("大数字学校");
        for (String capacity : List.of("99999999999999999999", "-99999999999999999999", "1e400")) {
            asAdmin().body("{\"type\": \"MASTER_STUDIO\", \"nameZh\": \"大数字工作室\", \"hostOrganizationIds\": [\""
                    + school + "\"], \"level\": \"GROUP\", \"capacity\": " + capacity + "}")
                    .post("/api/v1/facilities").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("capacity"));
        }
    }

    @Test
    void aWriteToAnExistingObjectWithoutIfMatchIsA428AndChangesNothing() {
        MembershipEvents.cluster(Fixtures.CLUSTER);
        UUID school = MembershipEvents.activeSchool("无标签学校");
        String id = asAdmin().body(Map.of("schoolId", school.toString(), "code", "710103", "nameZh", "无标签专业",
                "clusterCode", Fixtures.CLUSTER, "offeredOn", "2015-09-01")).post("/api/v1/specialties")
                .then().statusCode(201).extract().path("id");
        Callers.unguardedAs(TestTokens.admin()).body(Map.of("nameEn", "Lost")).patch("/api/v1/specialties/" + id)
                .then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/precondition-required"));
        Callers.unguardedAs(TestTokens.admin()).header("If-Match", "W/\"0\"").body(Map.of("nameEn", "Lost"))
                .patch("/api/v1/specialties/" + id).then().statusCode(412);
        asAdmin().get("/api/v1/specialties/" + id).then().body("version", equalTo(0));
    }
}
