package org.zhijiao.apprenticeship;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.zhijiao.testing.Callers.asAdmin;
import static org.zhijiao.apprenticeship.Fixtures.transition;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Specialties with designations, programs and facilities through their whole API. */
@QuarkusTest
class CatalogueApiTest {

    UUID school;

    @BeforeEach
    void members() {
        MembershipEvents.cluster(Fixtures.CLUSTER);
        school = MembershipEvents.activeSchool("目录学校");
    }

    @Test
    void specialtyIsOfferedRenamedDesignatedDiscontinuedAndResumed() {
        Map<String, Object> request = new HashMap<>(Map.of("schoolId", school.toString(), "code", "710102",
                "nameZh", "物联网技术应用", "clusterCode", Fixtures.CLUSTER, "offeredOn", "2015-09-01"));
        String id = asAdmin().header("Idempotency-Key", "offer-" + school).body(request).post("/api/v1/specialties")
                .then().statusCode(201).header("Location", containsString("/api/v1/specialties/"))
                .header("ETag", "\"0\"").body("status", equalTo("OFFERED")).body("history[0].on", equalTo("2015-09-01"))
                .extract().path("id");
        asAdmin().header("Idempotency-Key", "offer-" + school).body(request).post("/api/v1/specialties")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        asAdmin().body(request).post("/api/v1/specialties").then().statusCode(409).body("errors[0].field", equalTo("code"));

        asAdmin().header("If-Match", "\"7\"").body(Map.of("nameEn", "IoT")).patch("/api/v1/specialties/" + id)
                .then().statusCode(412);
        asAdmin().header("If-Match", "\"0\"").body(Map.of("nameEn", "IoT")).patch("/api/v1/specialties/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("nameEn", equalTo("IoT"));

        asAdmin().body(Map.of("level", "PROVINCIAL", "kind", "BRAND", "title", "山东省品牌专业", "from", "2019-12-01",
                "until", "2024-11-30")).post("/api/v1/specialties/" + id + "/designations").then().statusCode(200)
                .body("designations", hasSize(1)).body("designations[0].until", equalTo("2024-11-30"));
        asAdmin().body(Map.of("level", "PROVINCIAL", "kind", "BRAND", "from", "2020-01-01"))
                .post("/api/v1/specialties/" + id + "/designations").then().statusCode(409);
        asAdmin().body(Map.of("level", "NATIONAL", "kind", "DEMONSTRATION", "from", "2021-05-01", "until", "2021-01-01"))
                .post("/api/v1/specialties/" + id + "/designations").then().statusCode(400)
                .body("errors[0].field", equalTo("until"));
        asAdmin().body(Map.of("level", "NATIONAL", "kind", "DEMONSTRATION", "from", "2021-05-01"))
                .post("/api/v1/specialties/" + id + "/designations").then().statusCode(200)
                .body("designations", hasSize(2));
        asAdmin().queryParam("schoolId", school).queryParam("designationLevel", "NATIONAL").get("/api/v1/specialties")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));

        transition("specialties", id, "RESUME").statusCode(409).body("type", equalTo("https://zhijiao.org/problems/invalid-transition"));
        transition("specialties", id, "DISCONTINUE").statusCode(200).body("status", equalTo("DISCONTINUED"))
                .body("allowedActions", equalTo(List.of("RESUME")));
        transition("specialties", id, "RESUME").statusCode(200).body("status", equalTo("OFFERED"))
                .body("history", hasSize(3));
    }

    @Test
    void programIsEditableOnlyAsADraftAndMovesThroughItsLifecycle() {
        UUID partner = MembershipEvents.activeEnterprise("项目伙伴");
        Map<String, Object> request = new HashMap<>(Fixtures.programRequest(school));
        request.put("partnerOrganizationIds", List.of(partner.toString()));
        String id = asAdmin().body(request).post("/api/v1/programs").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("trainingPlan.modules", hasSize(2))
                .body("partnerOrganizationIds", equalTo(List.of(partner.toString()))).extract().path("id");

        request.put("titleZh", "智能制造现代学徒制试点（修订）");
        asAdmin().body(request).put("/api/v1/programs/" + id).then().statusCode(200)
                .body("titleZh", equalTo("智能制造现代学徒制试点（修订）")).body("version", equalTo(1));
        transition("programs", id, "PUBLISH").statusCode(409);
        transition("programs", id, "APPROVE").statusCode(200).body("status", equalTo("APPROVED"));
        asAdmin().body(request).put("/api/v1/programs/" + id).then().statusCode(409);
        transition("programs", id, "RETURN_TO_DRAFT").statusCode(200).body("status", equalTo("DRAFT"));
        transition("programs", id, "APPROVE").statusCode(200);
        transition("programs", id, "PUBLISH").statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("allowedActions", equalTo(List.of("RETIRE")));
        asAdmin().queryParam("status", "PUBLISHED").queryParam("schoolId", school).get("/api/v1/programs")
                .then().statusCode(200).body("items.id", hasItem(id));
        transition("programs", id, "RETIRE").statusCode(200).body("status", equalTo("RETIRED"))
                .body("history.action", equalTo(List.of("DRAFT", "APPROVE", "RETURN_TO_DRAFT", "APPROVE", "PUBLISH",
                        "RETIRE")));
        transition("programs", id, "APPROVE").statusCode(409);

        Map<String, Object> foreignSpecialty = new HashMap<>(Fixtures.programRequest(school));
        foreignSpecialty.put("specialtyIds", List.of(UUID.randomUUID().toString()));
        asAdmin().body(foreignSpecialty).post("/api/v1/programs").then().statusCode(422)
                .body("errors[0].field", equalTo("specialtyIds"));
    }

    @Test
    void facilityIsHostedPlannedEstablishedSuspendedResumedAndClosed() {
        UUID enterprise = MembershipEvents.activeEnterprise("工作室企业");
        Map<String, Object> request = new HashMap<>(Map.of("type", "MODEL_WORKER_STUDIO", "nameZh", "王师傅劳模工匠室（虚构）",
                "hostOrganizationIds", List.of(school.toString(), enterprise.toString()), "level", "MUNICIPAL",
                "capacity", 40, "plannedOn", "2021-03-01"));
        String id = asAdmin().body(request).post("/api/v1/facilities").then().statusCode(201)
                .body("status", equalTo("PLANNED")).body("focus", nullValue()).extract().path("id");
        asAdmin().body(Map.of("action", "ESTABLISH", "on", "2021-09-10")).post("/api/v1/facilities/" + id + "/transitions")
                .then().statusCode(200).body("status", equalTo("OPERATIONAL")).body("history[1].on", equalTo("2021-09-10"));
        transition("facilities", id, "ESTABLISH").statusCode(409);
        transition("facilities", id, "SUSPEND").statusCode(200).body("status", equalTo("SUSPENDED"));
        transition("facilities", id, "RESUME").statusCode(200).body("status", equalTo("OPERATIONAL"));
        request.put("capacity", 60);
        asAdmin().header("If-Match", "\"3\"").body(request).put("/api/v1/facilities/" + id).then().statusCode(200)
                .body("capacity", equalTo(60));
        asAdmin().queryParam("hostId", enterprise).queryParam("type", "MODEL_WORKER_STUDIO").get("/api/v1/facilities")
                .then().statusCode(200).body("items.id", equalTo(List.of(id)));
        transition("facilities", id, "CLOSE").statusCode(200).body("status", equalTo("CLOSED"))
                .body("allowedActions", hasSize(0));
        asAdmin().body(request).put("/api/v1/facilities/" + id).then().statusCode(409);

        request.put("hostOrganizationIds", List.of(UUID.randomUUID().toString()));
        asAdmin().body(request).post("/api/v1/facilities").then().statusCode(422)
                .body("errors[0].field", equalTo("hostOrganizationIds"));
    }

    @Test
    void listsArePaginatedWithCursors() {
        for (int i = 0; i < 3; i++) {
            asAdmin().body(Map.of("schoolId", school.toString(), "code", "71010" + i, "nameZh", "专业" + i,
                    "clusterCode", Fixtures.CLUSTER)).post("/api/v1/specialties").then().statusCode(201);
        }
        String cursor = asAdmin().queryParam("schoolId", school).queryParam("limit", 2).get("/api/v1/specialties")
                .then().statusCode(200).body("items", hasSize(2)).extract().path("nextCursor");
        asAdmin().queryParam("schoolId", school).queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/specialties").then().statusCode(200).body("items", hasSize(1))
                .body("nextCursor", nullValue());
    }
}
