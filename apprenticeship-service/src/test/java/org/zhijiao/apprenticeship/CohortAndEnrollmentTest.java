package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.zhijiao.testing.Callers.as;
import static org.zhijiao.testing.Callers.asAdmin;
import static org.zhijiao.apprenticeship.Fixtures.confirm;
import static org.zhijiao.apprenticeship.Fixtures.confirmAll;
import static org.zhijiao.apprenticeship.Fixtures.enroll;
import static org.zhijiao.apprenticeship.Fixtures.transition;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.Concurrently;
import org.zhijiao.testing.TestTokens;

/** Cohorts, places, enrollments and their tripartite agreements. */
@QuarkusTest
class CohortAndEnrollmentTest {

    UUID school;
    UUID enterpriseA;
    UUID enterpriseB;
    UUID program;

    @BeforeEach
    void members() {
        school = MembershipEvents.activeSchool("学徒学校");
        List<UUID> enterprises = MembershipEvents.activeMembers("ENTERPRISE", "学徒企业", 2);
        enterpriseA = enterprises.get(0);
        enterpriseB = enterprises.get(1);
        program = Fixtures.publishedProgram(school);
    }

    @Test
    void cohortRunsItsLifecycleAndTheNextBatchIsPlannedFromIt() {
        String id = asAdmin().body(Fixtures.cohortRequest(program, Map.of(enterpriseA, 3, enterpriseB, 2)))
                .post("/api/v1/cohorts").then().statusCode(201).body("status", equalTo("PLANNED"))
                .body("schoolId", equalTo(school.toString())).body("totalPlaces", equalTo(5))
                .body("enterprises", hasSize(2)).extract().path("id");
        transition("cohorts", id, "START").statusCode(409);
        asAdmin().body(Map.of("enterprises", List.of(Map.of("enterpriseId", enterpriseA.toString(), "places", 4))))
                .put("/api/v1/cohorts/" + id + "/enterprises").then().statusCode(200).body("totalPlaces", equalTo(4));
        transition("cohorts", id, "OPEN_RECRUITMENT").statusCode(200).body("status", equalTo("RECRUITING"));
        enroll(UUID.fromString(id), enterpriseA);
        enroll(UUID.fromString(id), enterpriseA);
        asAdmin().body(Map.of("enterprises", List.of(Map.of("enterpriseId", enterpriseA.toString(), "places", 1))))
                .put("/api/v1/cohorts/" + id + "/enterprises").then().statusCode(409)
                .body("detail", containsString("holds 2 places"));
        asAdmin().get("/api/v1/cohorts/" + id + "/occupancy").then().statusCode(200)
                .body("[0].places", equalTo(4)).body("[0].taken", equalTo(2)).body("[0].free", equalTo(2));
        transition("cohorts", id, "START").statusCode(200);
        asAdmin().body(Map.of("enterprises", List.of())).put("/api/v1/cohorts/" + id + "/enterprises")
                .then().statusCode(409);
        transition("cohorts", id, "CANCEL").statusCode(409);
        transition("cohorts", id, "CLOSE").statusCode(200).body("status", equalTo("CLOSED"))
                .body("history.status", equalTo(List.of("PLANNED", "RECRUITING", "ACTIVE", "CLOSED")));
        asAdmin().body(Map.of("nameZh", "改名")).patch("/api/v1/cohorts/" + id).then().statusCode(409);

        String next = asAdmin().body(Map.of("nameZh", "第六批工匠班", "startsOn", "2023-09-01"))
                .post("/api/v1/cohorts/" + id + "/successor").then().statusCode(201)
                .body("previousCohortId", equalTo(id)).body("batchNumber", equalTo(6))
                .body("programId", equalTo(program.toString())).body("status", equalTo("PLANNED"))
                .body("enterprises[0].enterpriseId", equalTo(enterpriseA.toString()))
                .body("enterprises[0].places", equalTo(4)).extract().path("id");
        asAdmin().body(Map.of("nameZh", "另一个第六批", "startsOn", "2023-09-01"))
                .post("/api/v1/cohorts/" + id + "/successor").then().statusCode(409);
        transition("cohorts", next, "CANCEL").statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aCohortNeedsAPublishedProgramAndActiveEnterprises() {
        String draft = asAdmin().body(Fixtures.programRequest(school)).post("/api/v1/programs")
                .then().statusCode(201).extract().path("id");
        asAdmin().body(Fixtures.cohortRequest(UUID.fromString(draft), Map.of(enterpriseA, 1))).post("/api/v1/cohorts")
                .then().statusCode(422).body("errors[0].field", equalTo("programId"))
                .body("detail", containsString("is DRAFT"));
        asAdmin().body(Fixtures.cohortRequest(program, Map.of(school, 1))).post("/api/v1/cohorts")
                .then().statusCode(422).body("errors[0].field", equalTo("enterprises[0].enterpriseId"))
                .body("detail", containsString("expected ENTERPRISE"));
    }

    @Test
    void tenParallelEnrollmentsForThreePlacesYieldExactlyThree() throws Exception {
        UUID cohort = Fixtures.recruitingCohort(program, Map.of(enterpriseA, 3, enterpriseB, 5));
        int attempts = 10;
        List<Map<String, Object>> bodies = Stream.generate(() -> Fixtures.enrollmentRequest(cohort, enterpriseA))
                .limit(attempts).toList();
        List<Integer> statuses = Concurrently.call(attempts,
                n -> asAdmin().body(bodies.get(n)).post("/api/v1/enrollments").statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(attempts - 3);
        asAdmin().queryParam("cohortId", cohort).queryParam("enterpriseId", enterpriseA).get("/api/v1/enrollments")
                .then().statusCode(200).body("items", hasSize(3));
        asAdmin().body(Fixtures.enrollmentRequest(cohort, enterpriseA)).post("/api/v1/enrollments").then()
                .statusCode(409).body("errors[0].field", equalTo("enterpriseId"))
                .body("detail", containsString("all 3 places"));
        // another enterprise's places are untouched, and a withdrawal frees a place
        enroll(cohort, enterpriseB);
        String any = asAdmin().queryParam("cohortId", cohort).queryParam("enterpriseId", enterpriseA)
                .get("/api/v1/enrollments").then().extract().path("items[0].id");
        transition(TestTokens.admin(), "enrollments", any, Map.of("action", "WITHDRAW", "withdrawalReason", "HEALTH"))
                .statusCode(200);
        enroll(cohort, enterpriseA);
    }

    @Test
    void agreementVersionsKeepTheConfirmationsOfUnchangedSections() {
        UUID cohort = Fixtures.recruitingCohort(program, Map.of(enterpriseA, 2));
        UUID enrollment = enroll(cohort, enterpriseA);
        String path = "/api/v1/enrollments/" + enrollment;

        confirm(TestTokens.school(school), enrollment, "STUDENT_GUARDIAN", 1).statusCode(200);
        confirm(TestTokens.school(school), enrollment, "SCHOOL", 1).statusCode(200)
                .body("agreement.fullyConfirmed", equalTo(false));
        confirm(TestTokens.school(school), enrollment, "SCHOOL", 1).statusCode(409);
        transition(TestTokens.admin(), "enrollments", enrollment, Map.of("action", "REGISTER")).statusCode(409)
                .body("detail", containsString("ENTERPRISE/TRAINING_CONTENT"));

        // a material change: only COMPENSATION must be confirmed again, by everybody
        asAdmin().body(Map.of("sections", Map.of("COMPENSATION", "岗位实习补贴每月1800元", "INSURANCE",
                Fixtures.agreement().get("INSURANCE")))).put(path + "/agreement").then().statusCode(200)
                .body("agreement.version", equalTo(2))
                .body("agreement.revisions[1].changedSections", equalTo(List.of("COMPENSATION")));
        JsonPath agreement = asAdmin().get(path).then().extract().jsonPath();
        assertThat(agreement.getList("agreement.sections.find { it.section == 'COMPENSATION' }.confirmations.valid"))
                .containsOnly(false);
        assertThat(agreement.getList("agreement.sections.find { it.section == 'SCHEDULE' }.confirmations.valid"))
                .containsExactly(true, true);
        // the same wording again is no new version
        asAdmin().body(Map.of("sections", Map.of("COMPENSATION", "岗位实习补贴每月1800元"))).put(path + "/agreement")
                .then().statusCode(200).body("agreement.version", equalTo(2));

        confirm(TestTokens.enterprise(enterpriseA), enrollment, "ENTERPRISE", 1).statusCode(409)
                .body("detail", containsString("at version 2"));
        confirm(TestTokens.enterprise(enterpriseA), enrollment, "SCHOOL", 2).statusCode(403);
        confirm(TestTokens.enterprise(enterpriseA), enrollment, "ENTERPRISE", 2).statusCode(200)
                .body("agreement.fullyConfirmed", equalTo(false));
        confirm(TestTokens.school(school), enrollment, "STUDENT_GUARDIAN", 2).statusCode(200);
        JsonPath beforeLast = asAdmin().get(path).then().extract().jsonPath();
        // the school's SCHEDULE confirmation still dates from version 1
        assertThat(beforeLast.getList("agreement.sections.find { it.section == 'SCHEDULE' }.confirmations"
                + ".findAll { it.party == 'SCHOOL' }.version")).containsExactly(1);
        transition(TestTokens.admin(), "enrollments", enrollment, Map.of("action", "REGISTER")).statusCode(409)
                .body("detail", containsString("SCHOOL/COMPENSATION"));
        confirm(TestTokens.school(school), enrollment, "SCHOOL", 2).statusCode(200)
                .body("agreement.fullyConfirmed", equalTo(true));
        transition(TestTokens.school(school), "enrollments", enrollment, Map.of("action", "REGISTER", "on",
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString())).statusCode(200)
                .body("status", equalTo("REGISTERED"));
    }

    @Test
    void enrollmentRunsItsLifecycleWithStaffAndAChangeOfEnterprise() {
        UUID cohort = Fixtures.recruitingCohort(program, Map.of(enterpriseA, 1, enterpriseB, 1));
        UUID enrollment = enroll(cohort, enterpriseA);
        String path = "/api/v1/enrollments/" + enrollment;
        confirmAll(enrollment, 1);
        transition("enrollments", enrollment, "REGISTER").statusCode(200);
        transition("enrollments", enrollment, "START").statusCode(409).body("detail", containsString("RECRUITING"));
        transition("cohorts", cohort, "START").statusCode(200);
        transition("enrollments", enrollment, "START").statusCode(200).body("status", equalTo("ACTIVE"));
        transition("enrollments", enrollment, "PAUSE").statusCode(200).body("status", equalTo("PAUSED"));
        transition("enrollments", enrollment, "COMPLETE").statusCode(409);
        transition("enrollments", enrollment, "RESUME").statusCode(200).body("status", equalTo("ACTIVE"));
        transition("enrollments", enrollment, "WITHDRAW").statusCode(400)
                .body("errors[0].field", equalTo("withdrawalReason"));

        as(TestTokens.enterprise(enterpriseA)).body(Map.of("role", "MENTOR", "name", "李师傅（虚构）", "from", "2022-09-15"))
                .post(path + "/assignments").then().statusCode(200);
        as(TestTokens.enterprise(enterpriseA)).body(Map.of("role", "MENTOR", "name", "赵师傅（虚构）", "from", "2022-09-15"))
                .post(path + "/assignments").then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(TestTokens.enterprise(enterpriseA)).body(Map.of("role", "MENTOR", "name", "赵师傅（虚构）", "from", "2023-03-01"))
                .post(path + "/assignments").then().statusCode(200)
                .body("assignments[0].until", equalTo("2023-02-28")).body("assignments[1].until", equalTo(null));
        as(TestTokens.enterprise(enterpriseA)).body(Map.of("role", "TEACHER", "name", "王老师（虚构）", "from", "2022-09-01"))
                .post(path + "/assignments").then().statusCode(403);
        as(TestTokens.school(school)).body(Map.of("role", "TEACHER", "name", "王老师（虚构）", "from", "2022-09-01"))
                .post(path + "/assignments").then().statusCode(200).body("assignments", hasSize(3));

        Map<String, Object> move = new HashMap<>(Map.of("enterpriseId", enterpriseB.toString(), "note", "换到智能家居产线"));
        String next = asAdmin().body(move).post(path + "/transfer").then().statusCode(201)
                .body("continuesEnrollmentId", equalTo(enrollment.toString()))
                .body("enterpriseId", equalTo(enterpriseB.toString())).body("status", equalTo("PENDING_AGREEMENT"))
                .body("agreement.fullyConfirmed", equalTo(false)).extract().path("id");
        asAdmin().get(path).then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("withdrawalReason", equalTo("CHANGED_ENTERPRISE"));
        asAdmin().body(move).post(path + "/transfer").then().statusCode(409);
        // enterprise B's only place is now taken by the continuing enrollment
        asAdmin().body(Fixtures.enrollmentRequest(cohort, enterpriseB)).post("/api/v1/enrollments").then().statusCode(409);
        confirmAll(UUID.fromString(next), 1);
        transition("enrollments", next, "REGISTER").statusCode(200);
        transition("enrollments", next, "START").statusCode(200);
        asAdmin().body(Map.of("inProbation", false)).patch("/api/v1/enrollments/" + next).then().statusCode(200)
                .body("inProbation", equalTo(false));
        transition("enrollments", next, "COMPLETE").statusCode(200).body("status", equalTo("COMPLETED"))
                .body("allowedActions", hasSize(0));
        transition(TestTokens.admin(), "enrollments", next, Map.of("action", "WITHDRAW", "withdrawalReason", "OTHER"))
                .statusCode(409);
    }

    @Test
    void enrollmentIsRefusedOutsideRecruitmentAndForEnterprisesWithoutPlaces() {
        String planned = asAdmin().body(Fixtures.cohortRequest(program, Map.of(enterpriseA, 2))).post("/api/v1/cohorts")
                .then().statusCode(201).extract().path("id");
        asAdmin().body(Fixtures.enrollmentRequest(UUID.fromString(planned), enterpriseA)).post("/api/v1/enrollments")
                .then().statusCode(409).body("detail", containsString("PLANNED"));
        UUID cohort = Fixtures.recruitingCohort(program, Map.of(enterpriseA, 2));
        asAdmin().body(Fixtures.enrollmentRequest(cohort, enterpriseB)).post("/api/v1/enrollments").then()
                .statusCode(422).body("errors[0].field", equalTo("enterpriseId"))
                .body("detail", containsString("has no places"));
        Map<String, Object> same = Fixtures.enrollmentRequest(cohort, enterpriseA);
        asAdmin().body(same).post("/api/v1/enrollments").then().statusCode(201);
        asAdmin().body(same).post("/api/v1/enrollments").then().statusCode(409)
                .body("errors[0].field", equalTo("student.studentNumber"));
    }
}
