package org.zhijiao.membership;

import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.testing.Callers.asAdmin;
import static org.zhijiao.testing.Callers.unguardedAs;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.TestTokens;

/** Lost updates: writes to shared objects need a strong If-Match; reads answer If-None-Match with 304. */
@QuarkusTest
class ConditionalRequestsTest {

    @Test
    void aPutWithoutIfMatchIsA428AndChangesNothing() {
        Map<String, Object> body = Fixtures.enterprise("无条件更新（虚构）");
        UUID id = Fixtures.register(body);
        body.put("nameEn", "Lost update (fictional)");
        unguarded().body(body).put("/api/v1/organizations/" + id).then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/precondition-required"))
                .body("errors.field", org.hamcrest.Matchers.hasItem("If-Match"));
        asAdmin().get("/api/v1/organizations/" + id).then().body("version", equalTo(0));
    }

    @Test
    void aWeakTagDoesNotMatch() {
        Map<String, Object> body = Fixtures.enterprise("弱标签（虚构）");
        UUID id = Fixtures.register(body);
        unguarded().header("If-Match", "W/\"0\"").body(body).put("/api/v1/organizations/" + id).then()
                .statusCode(412)
                .contentType("application/problem+json");
        unguarded().header("If-Match", "\"0\"").body(body).put("/api/v1/organizations/" + id).then()
                .statusCode(200);
    }

    @Test
    void transitionsAndPatchesNeedIfMatch() {
        UUID org = Fixtures.register(Fixtures.enterprise("转换需要标签（虚构）"));
        UUID membership = Fixtures.applyFor(org, "2021-01-01");
        unguarded().body(Map.of("action", "REVIEW")).post("/api/v1/memberships/" + membership + "/transitions").then()
                .statusCode(428)
                .contentType("application/problem+json");
        unguarded().body(Map.of("role", "VICE_CHAIR")).patch("/api/v1/memberships/" + membership).then()
                .statusCode(428);
        asAdmin().get("/api/v1/memberships/" + membership).then()
                .body("status", equalTo("APPLIED")).body("version", equalTo(0));
    }

    @Test
    void aGetWithAMatchingIfNoneMatchIsA304() {
        UUID id = Fixtures.register(Fixtures.enterprise("缓存读取（虚构）"));
        asAdmin().header("If-None-Match", "\"0\"").get("/api/v1/organizations/" + id).then()
                .statusCode(304)
                .header("ETag", equalTo("\"0\""))
                .body(emptyString());
        asAdmin().header("If-None-Match", "W/\"0\"").get("/api/v1/organizations/" + id).then()
                .statusCode(304);
        asAdmin().header("If-None-Match", "\"7\"").get("/api/v1/organizations/" + id).then()
                .statusCode(200)
                .header("ETag", equalTo("\"0\""));
    }

    private static io.restassured.specification.RequestSpecification unguarded() {
        return unguardedAs(TestTokens.admin());
    }
}
