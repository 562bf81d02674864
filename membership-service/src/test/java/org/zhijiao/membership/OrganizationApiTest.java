package org.zhijiao.membership;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.zhijiao.testing.Callers.as;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.security.Roles;
import org.zhijiao.testing.TestTokens;

@QuarkusTest
class OrganizationApiTest {

    @Test
    void registerReturns201WithLocationETagAndTheStoredState() {
        Fixtures.ensureReferenceData();
        Map<String, Object> body = Fixtures.enterprise("青岛测试电子有限公司（虚构）");
        Response created = asAdmin().body(body).post("/api/v1/organizations");
        created.then().statusCode(201)
                .header("Location", startsWith("http"))
                .header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("ENTERPRISE"))
                .body("creditCode", equalTo(body.get("creditCode")))
                .body("industryChains", hasItem(Fixtures.CHAIN))
                .body("overseas", equalTo(false))
                .body("version", equalTo(0));
        String location = created.header("Location");
        as(TestTokens.readOnly()).get(location).then().statusCode(200)
                .body("nameZh", equalTo("青岛测试电子有限公司（虚构）"))
                .body("region.city", equalTo("青岛市"));
    }

    @Test
    void overseasOrganizationNeedsNoCreditCode() {
        Map<String, Object> body = Fixtures.school("Example Overseas Technical College (fictional)");
        body.remove("creditCode");
        body.put("region", Map.of("city", "Kathmandu", "country", "NP"));
        UUID id = Fixtures.register(body);
        asAdmin().get("/api/v1/organizations/" + id).then().statusCode(200).body("overseas", equalTo(true));
        asAdmin().queryParam("country", "NP").get("/api/v1/organizations").then().statusCode(200)
                .body("items.id", hasItem(id.toString()));
    }

    @Test
    void updateHonoursIfMatchAndBumpsTheVersion() {
        Map<String, Object> body = Fixtures.enterprise("待更新企业（虚构）");
        UUID id = Fixtures.register(body);
        body.put("nameEn", "Renamed (fictional)");
        asAdmin().header("If-Match", "\"0\"").body(body).put("/api/v1/organizations/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).body("nameEn", equalTo("Renamed (fictional)"));
        asAdmin().header("If-Match", "\"0\"").body(body).put("/api/v1/organizations/" + id)
                .then().statusCode(412).contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/precondition-failed"));
        asAdmin().get("/api/v1/organizations/" + id).then().body("version", equalTo(1));
    }

    @Test
    void duplicateCreditCodeIsAConflict() {
        Map<String, Object> body = Fixtures.enterprise("重复代码企业（虚构）");
        Fixtures.register(body);
        body.put("nameZh", "另一家（虚构）");
        asAdmin().body(body).post("/api/v1/organizations").then().statusCode(409)
                .body("errors[0].field", equalTo("creditCode"));
    }

    @Test
    void unknownIndustryChainIsUnprocessable() {
        Map<String, Object> body = Fixtures.enterprise("未知产业链企业（虚构）");
        body.put("industryChains", List.of("NO-SUCH-CHAIN"));
        asAdmin().body(body).post("/api/v1/organizations").then().statusCode(422)
                .body("errors[0].field", equalTo("industryChains"))
                .body("detail", org.hamcrest.Matchers.containsString("NO-SUCH-CHAIN"));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseEvenUnderConcurrentRetries() throws Exception {
        Map<String, Object> body = Fixtures.enterprise("幂等企业（虚构）");
        Fixtures.ensureReferenceData();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Response> call = () -> asAdmin().header("Idempotency-Key", key).body(body)
                        .post("/api/v1/organizations");
                calls.add(pool.submit(call));
            }
            Set<String> ids = new HashSet<>();
            for (Future<Response> call : calls) {
                Response response = call.get();
                assertThat(response.statusCode()).isEqualTo(201);
                ids.add(response.path("id"));
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdown();
        }
        asAdmin().queryParam("name", "幂等企业").get("/api/v1/organizations").then().body("items", hasSize(1));
        body.put("nameZh", "幂等企业改名（虚构）");
        asAdmin().header("Idempotency-Key", key).body(body).post("/api/v1/organizations")
                .then().statusCode(422).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void listPagesWithACursorWithoutGapsOrRepeats() {
        String tag = "分页" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> registered = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            registered.add(Fixtures.register(Fixtures.enterprise(tag + "-" + i + "（虚构）")).toString());
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asAdmin().queryParam("name", tag).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/v1/organizations");
            page.then().statusCode(200);
            List<String> ids = page.path("items.id");
            assertThat(ids.size()).isLessThanOrEqualTo(2);
            ids.forEach(id -> assertThat(seen.add(id)).as("repeated " + id).isTrue());
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(registered);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void filtersByKindAndIndustryChain() {
        UUID school = Fixtures.register(Fixtures.school("过滤学校（虚构）"));
        UUID enterprise = Fixtures.register(Fixtures.enterprise("过滤企业（虚构）"));
        List<String> schools = asAdmin().queryParam("kind", "SCHOOL").queryParam("limit", 200)
                .get("/api/v1/organizations").path("items.kind");
        assertThat(schools).isNotEmpty().allMatch("SCHOOL"::equals);
        List<String> inChain = asAdmin().queryParam("industryChain", Fixtures.CHAIN).queryParam("limit", 200)
                .get("/api/v1/organizations").path("items.id");
        assertThat(inChain).contains(enterprise.toString()).doesNotContain(school.toString());
    }

    @Test
    void campusesBelongToSchoolsOnly() {
        UUID school = Fixtures.register(Fixtures.school("有分校的学校（虚构）"));
        Map<String, Object> campus = Map.of("nameZh", "尼泊尔分校（虚构）", "nameEn", "Nepal campus",
                "region", Map.of("city", "Kathmandu", "country", "NP"), "status", "UNDER_CONSTRUCTION");
        asAdmin().body(campus).post("/api/v1/organizations/" + school + "/campuses").then().statusCode(201)
                .body("id", notNullValue()).body("region.country", equalTo("NP"));
        asAdmin().get("/api/v1/organizations/" + school).then().body("campuses", hasSize(1))
                .body("overseas", equalTo(false));
        UUID enterprise = Fixtures.register(Fixtures.enterprise("没有分校的企业（虚构）"));
        asAdmin().body(campus).post("/api/v1/organizations/" + enterprise + "/campuses").then().statusCode(422);
    }

    @Test
    void tenantsSeeOnlyTheirOwnOrganization() {
        UUID mine = Fixtures.register(Fixtures.enterprise("我的企业（虚构）"));
        UUID theirs = Fixtures.register(Fixtures.enterprise("别人的企业（虚构）"));
        String token = TestTokens.enterprise(mine);
        as(token).get("/api/v1/organizations/" + mine).then().statusCode(200);
        as(token).get("/api/v1/organizations/" + theirs).then().statusCode(404)
                .contentType("application/problem+json");
        as(token).queryParam("limit", 200).get("/api/v1/organizations").then().statusCode(200)
                .body("items.id", equalTo(List.of(mine.toString())));
        as(token).body(Fixtures.enterprise("越权（虚构）")).post("/api/v1/organizations").then().statusCode(403)
                .body("type", equalTo("https://zhijiao.org/problems/forbidden"));
        as(TestTokens.readOnly()).body(Fixtures.enterprise("只读（虚构）")).post("/api/v1/organizations")
                .then().statusCode(403);
    }

    @Test
    void tokensAreVerified() {
        given().get("/api/v1/organizations").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("https://zhijiao.org/problems/unauthorized"));
        as(TestTokens.expired("old", TestTokens.GROUP_ORG, Roles.GROUP_ADMIN)).get("/api/v1/organizations")
                .then().statusCode(401);
        as(TestTokens.signedWithUnknownKey("forged", TestTokens.GROUP_ORG, Roles.GROUP_ADMIN))
                .get("/api/v1/organizations").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/organizations").then().statusCode(401);
        as(TestTokens.token("no-role", TestTokens.GROUP_ORG)).get("/api/v1/organizations").then().statusCode(403);
    }
}
