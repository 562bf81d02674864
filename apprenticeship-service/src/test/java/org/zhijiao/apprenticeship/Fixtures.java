package org.zhijiao.apprenticeship;

import static org.zhijiao.testing.Callers.as;
import static org.zhijiao.testing.Callers.asAdmin;

import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.zhijiao.testing.TestTokens;

/** Builders and shortcuts shared by the API tests; all data goes through the public API. */
public final class Fixtures {

    public static final String CLUSTER = "TEST-IOT";
    private static final AtomicLong STUDENT_NUMBERS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

    private Fixtures() {
    }

    public static String studentNumber() {
        return "S" + STUDENT_NUMBERS.incrementAndGet();
    }

    public static Map<String, String> agreement() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("TRAINING_CONTENT", "工业机器人操作与维护岗位培养");
        sections.put("SCHEDULE", "每周三天在校、两天在岗");
        sections.put("COMPENSATION", "岗位实习补贴每月1500元");
        sections.put("INSURANCE", "企业投保学徒意外伤害险");
        sections.put("ASSESSMENT", "校企共同考核");
        return sections;
    }

    public static Map<String, Object> programRequest(UUID school) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "MODERN_APPRENTICESHIP_PILOT");
        body.put("titleZh", "智能制造现代学徒制试点");
        body.put("schoolId", school.toString());
        body.put("trainingPlan", Map.of("durationMonths", 36, "summary", "两天在岗",
                "modules", List.of(Map.of("code", "M01", "title", "机械识图", "location", "SCHOOL", "hours", 72),
                        Map.of("code", "M02", "title", "岗位实训", "location", "ENTERPRISE", "hours", 240))));
        return body;
    }

    /** A program of {@code school}, approved and published by the secretariat. */
    public static UUID publishedProgram(UUID school) {
        String id = asAdmin().body(programRequest(school)).post("/api/v1/programs")
                .then().statusCode(201).extract().path("id");
        transition("programs", id, "APPROVE").statusCode(200);
        transition("programs", id, "PUBLISH").statusCode(200);
        return UUID.fromString(id);
    }

    public static Map<String, Object> cohortRequest(UUID program, Map<UUID, Integer> places) {
        List<Map<String, Object>> enterprises = new ArrayList<>();
        places.forEach((enterprise, n) -> enterprises.add(Map.of("enterpriseId", enterprise.toString(), "places", n)));
        Map<String, Object> body = new HashMap<>();
        body.put("programId", program.toString());
        body.put("nameZh", "第五批工匠班");
        body.put("nameEn", "5th craftsman class");
        body.put("batchNumber", 5);
        body.put("startsOn", "2022-09-01");
        body.put("endsOn", "2025-06-30");
        body.put("enterprises", enterprises);
        return body;
    }

    /** A cohort of {@code program} with the given places, open for recruitment. */
    public static UUID recruitingCohort(UUID program, Map<UUID, Integer> places) {
        String id = asAdmin().body(cohortRequest(program, places)).post("/api/v1/cohorts")
                .then().statusCode(201).extract().path("id");
        transition("cohorts", id, "OPEN_RECRUITMENT").statusCode(200);
        return UUID.fromString(id);
    }

    public static Map<String, Object> enrollmentRequest(UUID cohort, UUID enterprise) {
        Map<String, Object> body = new HashMap<>();
        body.put("cohortId", cohort.toString());
        body.put("enterpriseId", enterprise.toString());
        body.put("student", Map.of("studentNumber", studentNumber(), "nameZh", "学生（虚构）"));
        body.put("agreement", agreement());
        return body;
    }

    public static UUID enroll(UUID cohort, UUID enterprise) {
        return UUID.fromString(asAdmin().body(enrollmentRequest(cohort, enterprise)).post("/api/v1/enrollments")
                .then().statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse confirm(String token, UUID enrollment, String party, int version) {
        return as(token).body(Map.of("party", party, "version", version))
                .post("/api/v1/enrollments/" + enrollment + "/agreement/confirmations").then();
    }

    /** Every party confirms the current version, as the admin records them. */
    public static void confirmAll(UUID enrollment, int version) {
        for (String party : List.of("STUDENT_GUARDIAN", "SCHOOL", "ENTERPRISE")) {
            confirm(TestTokens.admin(), enrollment, party, version).statusCode(200);
        }
    }

    public static ValidatableResponse transition(String collection, Object id, String action) {
        return asAdmin().body(Map.of("action", action)).post("/api/v1/" + collection + "/" + id + "/transitions").then();
    }

    public static ValidatableResponse transition(String token, String collection, Object id, Map<String, ?> body) {
        return as(token).body(body).post("/api/v1/" + collection + "/" + id + "/transitions").then();
    }
}
