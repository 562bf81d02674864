package org.zhijiao.apprenticeship;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.zhijiao.testing.Callers.as;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.TestTokens;

/** Object-level authorization: partners see and change only what concerns them; another tenant's object is a 404. */
@QuarkusTest
class AuthorizationTest {

    UUID school;
    UUID otherSchool;
    UUID enterprise;
    UUID otherEnterprise;
    UUID cohort;
    UUID enrollment;
    String facility;

    @BeforeEach
    void data() {
        List<UUID> schools = MembershipEvents.activeMembers("SCHOOL", "权限学校", 2);
        List<UUID> enterprises = MembershipEvents.activeMembers("ENTERPRISE", "权限企业", 2);
        school = schools.get(0);
        otherSchool = schools.get(1);
        enterprise = enterprises.get(0);
        otherEnterprise = enterprises.get(1);
        cohort = Fixtures.recruitingCohort(Fixtures.publishedProgram(school), Map.of(enterprise, 2));
        enrollment = Fixtures.enroll(cohort, enterprise);
        facility = asAdmin().body(Map.of("type", "MASTER_STUDIO", "nameZh", "大师工作室（虚构）", "hostOrganizationIds",
                List.of(enterprise.toString()), "level", "GROUP", "capacity", 10)).post("/api/v1/facilities")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void partnersSeeOnlyWhatConcernsThem() {
        for (String token : List.of(TestTokens.school(school), TestTokens.enterprise(enterprise), TestTokens.readOnly(),
                TestTokens.admin())) {
            as(token).get("/api/v1/cohorts/" + cohort).then().statusCode(200);
            as(token).get("/api/v1/enrollments/" + enrollment).then().statusCode(200);
        }
        for (String token : List.of(TestTokens.school(otherSchool), TestTokens.enterprise(otherEnterprise))) {
            as(token).get("/api/v1/cohorts/" + cohort).then().statusCode(404);
            as(token).get("/api/v1/enrollments/" + enrollment).then().statusCode(404);
            as(token).get("/api/v1/facilities/" + facility).then().statusCode(404);
            as(token).queryParam("cohortId", cohort).get("/api/v1/enrollments").then().statusCode(200)
                    .body("items", hasSize(0));
            as(token).get("/api/v1/cohorts/" + cohort + "/occupancy").then().statusCode(404);
        }
        as(TestTokens.enterprise(enterprise)).get("/api/v1/facilities/" + facility).then().statusCode(200);
        as(TestTokens.school(school)).get("/api/v1/facilities/" + facility).then().statusCode(404);
        as(TestTokens.enterprise(enterprise)).get("/api/v1/cohorts").then().statusCode(200)
                .body("items.id", equalTo(List.of(cohort.toString())));
        as(TestTokens.enterprise(enterprise)).queryParam("enterpriseId", otherEnterprise).get("/api/v1/enrollments")
                .then().statusCode(200).body("items", hasSize(0));
        as(TestTokens.school(school)).get("/api/v1/enrollments").then().statusCode(200)
                .body("items.id", equalTo(List.of(enrollment.toString())));
        as(TestTokens.enterprise(otherEnterprise)).get("/api/v1/facilities").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void partnersChangeOnlyWhatTheyManage() {
        String enterpriseToken = TestTokens.enterprise(enterprise);
        // the enterprise confirms its own part and assigns its mentors, but does not run the enrollment
        Fixtures.confirm(enterpriseToken, enrollment, "ENTERPRISE", 1).statusCode(200);
        Fixtures.confirm(enterpriseToken, enrollment, "STUDENT_GUARDIAN", 1).statusCode(403);
        Fixtures.transition(enterpriseToken, "enrollments", enrollment, Map.of("action", "WITHDRAW",
                "withdrawalReason", "OTHER")).statusCode(403);
        Fixtures.transition(enterpriseToken, "cohorts", cohort, Map.of("action", "START")).statusCode(403);
        Fixtures.confirm(TestTokens.enterprise(otherEnterprise), enrollment, "ENTERPRISE", 1).statusCode(404);
        Fixtures.confirm(TestTokens.school(otherSchool), enrollment, "SCHOOL", 1).statusCode(404);

        Fixtures.transition(TestTokens.school(otherSchool), "cohorts", cohort, Map.of("action", "CANCEL"))
                .statusCode(404);
        Fixtures.transition(TestTokens.school(school), "cohorts", cohort, Map.of("action", "START")).statusCode(200);
        Fixtures.transition(TestTokens.readOnly(), "cohorts", cohort, Map.of("action", "CLOSE")).statusCode(403);

        Map<String, Object> enrollmentBody = Fixtures.enrollmentRequest(cohort, enterprise);
        as(TestTokens.school(otherSchool)).body(enrollmentBody).post("/api/v1/enrollments").then().statusCode(403)
                .body("errors[0].field", equalTo("cohortId"));
        as(TestTokens.school(otherSchool)).body(Fixtures.programRequest(school)).post("/api/v1/programs").then()
                .statusCode(403);
        as(TestTokens.school(school)).body(Fixtures.programRequest(school)).post("/api/v1/programs").then()
                .statusCode(201);

        Fixtures.transition(TestTokens.enterprise(otherEnterprise), "facilities", facility, Map.of("action", "ESTABLISH"))
                .statusCode(404);
        Fixtures.transition(enterpriseToken, "facilities", facility, Map.of("action", "ESTABLISH")).statusCode(200);
        Map<String, Object> handOver = new HashMap<>(Map.of("type", "MASTER_STUDIO", "nameZh", "大师工作室（虚构）",
                "hostOrganizationIds", List.of(otherEnterprise.toString()), "level", "GROUP", "capacity", 10));
        as(enterpriseToken).body(handOver).put("/api/v1/facilities/" + facility).then().statusCode(403);
        as(enterpriseToken).body(handOver).post("/api/v1/facilities").then().statusCode(403);
    }
}
