package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.zhijiao.testing.Callers.as;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.TestTokens;

@QuarkusTest
class AgreementAndRecognitionApiTest {

    private static String draft(UUID a, UUID b, String supersedes) {
        Map<String, Object> body = new HashMap<>(Map.of("title", "合作协议（虚构）", "kind", "APPRENTICESHIP",
                "parties", List.of(a.toString(), b.toString()), "validFrom", "2020-09-01", "validUntil", "2023-08-31",
                "draftedOn", "2020-06-01"));
        if (supersedes != null) {
            body.put("supersedes", supersedes);
        }
        return asAdmin().body(body).post("/api/v1/agreements").then().statusCode(201)
                .body("status", equalTo("DRAFT")).extract().path("id");
    }

    private static void act(String agreement, String action, String on, int status) {
        Map<String, Object> body = new HashMap<>(Map.of("action", action));
        if (on != null) {
            body.put("on", on);
        }
        asAdmin().body(body).post("/api/v1/agreements/" + agreement + "/transitions").then().statusCode(status);
    }

    @Test
    void agreementRunsFromDraftToSignedAndIsSupersededBySigningItsSuccessor() {
        UUID school = Fixtures.register(Fixtures.school("协议学校（虚构）"));
        UUID enterprise = Fixtures.register(Fixtures.enterprise("协议企业（虚构）"));
        String first = draft(school, enterprise, null);
        act(first, "SIGN", null, 409);
        act(first, "SUBMIT", "2020-08-01", 200);
        act(first, "RETURN_TO_DRAFT", "2020-08-02", 200);
        act(first, "SUBMIT", "2020-08-03", 200);
        act(first, "SIGN", "2020-08-20", 200);
        asAdmin().get("/api/v1/agreements/" + first).then().body("signedOn", equalTo("2020-08-20"))
                .body("status", equalTo("SIGNED"));
        asAdmin().body(Map.of("title", "改不了", "kind", "GENERAL", "parties", List.of(school.toString(),
                enterprise.toString()))).put("/api/v1/agreements/" + first).then().statusCode(409);
        act(first, "SUPERSEDE", null, 400);

        String second = draft(school, enterprise, first);
        act(second, "SUBMIT", "2023-07-01", 200);
        act(second, "SIGN", "2023-08-15", 200);
        asAdmin().get("/api/v1/agreements/" + first).then().body("status", equalTo("SUPERSEDED"))
                .body("history[-1].on", equalTo("2023-08-15"));
        act(second, "TERMINATE", "2024-01-01", 200);
        act(second, "EXPIRE", null, 409);
    }

    @Test
    void agreementsAreVisibleToTheirPartiesOnly() {
        UUID school = Fixtures.register(Fixtures.school("可见学校（虚构）"));
        UUID enterprise = Fixtures.register(Fixtures.enterprise("可见企业（虚构）"));
        UUID outsider = Fixtures.register(Fixtures.enterprise("局外企业（虚构）"));
        String agreement = draft(school, enterprise, null);
        as(TestTokens.enterprise(enterprise)).get("/api/v1/agreements/" + agreement).then().statusCode(200);
        as(TestTokens.school(school)).get("/api/v1/agreements").then().body("items.id", hasItem(agreement));
        as(TestTokens.enterprise(outsider)).get("/api/v1/agreements/" + agreement).then().statusCode(404);
        List<String> seen = as(TestTokens.enterprise(outsider)).queryParam("limit", 200).get("/api/v1/agreements")
                .path("items.id");
        assertThat(seen).doesNotContain(agreement);
        as(TestTokens.enterprise(enterprise)).body(Map.of("action", "SUBMIT"))
                .post("/api/v1/agreements/" + agreement + "/transitions").then().statusCode(403);
    }

    @Test
    void agreementPartiesMustBeRegistered() {
        UUID school = Fixtures.register(Fixtures.school("缺方学校（虚构）"));
        asAdmin().body(Map.of("title", "缺一方", "kind", "GENERAL",
                "parties", List.of(school.toString(), UUID.randomUUID().toString()))).post("/api/v1/agreements")
                .then().statusCode(422).body("errors[0].field", equalTo("parties"));
        asAdmin().body(Map.of("title", "只有一方", "kind", "GENERAL", "parties", List.of(school.toString())))
                .post("/api/v1/agreements").then().statusCode(400).body("errors[0].field", equalTo("parties"));
    }

    @Test
    void recognitionsOfTheGroupAndOfMembers() {
        String group = asAdmin().body(Map.of("titleZh", "山东省骨干职业教育集团（测试）", "level", "PROVINCIAL",
                "grantedBy", "山东省教育厅", "awardedOn", "2017-12-01")).post("/api/v1/recognitions")
                .then().statusCode(201).body("heldByGroup", equalTo(true))
                .body("holderOrganizationId", nullValue()).extract().path("id");
        UUID school = Fixtures.register(Fixtures.school("荣誉学校（虚构）"));
        asAdmin().body(Map.of("holderOrganizationId", school.toString(), "titleZh", "市级优秀（虚构）",
                "level", "MUNICIPAL", "awardedOn", "2021-05-01")).post("/api/v1/recognitions").then().statusCode(201)
                .body("heldByGroup", equalTo(false));
        asAdmin().body(Map.of("holderOrganizationId", UUID.randomUUID().toString(), "titleZh", "无主",
                "level", "MUNICIPAL", "awardedOn", "2021-05-01")).post("/api/v1/recognitions").then().statusCode(422);
        List<String> ids = as(TestTokens.enterprise(school)).queryParam("heldByGroup", true).queryParam("awardedIn", 2017)
                .queryParam("limit", 200).get("/api/v1/recognitions").path("items.id");
        assertThat(ids).contains(group);
        asAdmin().body(Map.of("action", "REVOKE", "reason", "test")).post("/api/v1/recognitions/" + group + "/transitions")
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        asAdmin().body(Map.of("action", "REVOKE")).post("/api/v1/recognitions/" + group + "/transitions")
                .then().statusCode(409);
    }

    @Test
    void referenceDataIsUpsertedByAdminsAndReadByEveryone() {
        String code = "RD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        asAdmin().body(Map.of("nameZh", "人工智能专业群", "nameEn", "AI")).put("/api/v1/reference/specialty-clusters/" + code)
                .then().statusCode(201).header("ETag", equalTo("\"0\""));
        asAdmin().body(Map.of("nameZh", "人工智能专业群", "nameEn", "Artificial intelligence"))
                .put("/api/v1/reference/specialty-clusters/" + code).then().statusCode(200)
                .body("version", equalTo(1));
        as(TestTokens.enterprise(UUID.randomUUID())).get("/api/v1/reference/specialty-clusters/" + code).then()
                .statusCode(200).body("nameEn", equalTo("Artificial intelligence"));
        as(TestTokens.school(UUID.randomUUID())).body(Map.of("nameZh", "x"))
                .put("/api/v1/reference/specialty-clusters/" + code).then().statusCode(403);
        asAdmin().body(Map.of("nameZh", "x")).put("/api/v1/reference/specialty-clusters/lower-case").then()
                .statusCode(400).body("errors[0].field", equalTo("code"));
        asAdmin().get("/api/v1/reference/planets").then().statusCode(404);
        asAdmin().header("If-Match", "\"0\"").body(Map.of("nameZh", "y"))
                .put("/api/v1/reference/specialty-clusters/" + code).then().statusCode(412);
    }
}
