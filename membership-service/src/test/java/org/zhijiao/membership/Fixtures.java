package org.zhijiao.membership;

import static org.zhijiao.testing.Callers.asAdmin;

import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.zhijiao.testing.CreditCodes;

/** Builders and shortcuts shared by the API tests. */
public final class Fixtures {

    public static final String CHAIN = "IC-TEST-CHAIN";
    public static final String ALLIANCE = "EAST-WEST";

    private Fixtures() {
    }

    private static final java.util.concurrent.atomic.AtomicBoolean REFERENCE_DATA = new java.util.concurrent.atomic.AtomicBoolean();

    /** Defines the codes the fixtures use, once per test JVM (the database outlives app restarts). */
    public static void ensureReferenceData() {
        if (REFERENCE_DATA.getAndSet(true)) {
            return;
        }
        asAdmin().body(Map.of("nameZh", "测试产业链", "nameEn", "Test chain"))
                .put("/api/v1/reference/industry-chains/" + CHAIN).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        asAdmin().body(Map.of("nameZh", "东西协作联盟", "nameEn", "East–West cooperation alliance"))
                .put("/api/v1/reference/sub-alliances/" + ALLIANCE).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    public static Map<String, Object> enterprise(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameZh", name);
        body.put("nameEn", name + " (fictional)");
        body.put("creditCode", CreditCodes.random());
        body.put("kind", "ENTERPRISE");
        body.put("enterpriseSize", "MEDIUM");
        body.put("industryChains", List.of(CHAIN));
        body.put("region", Map.of("city", "青岛市", "province", "山东省", "country", "CN"));
        return body;
    }

    public static Map<String, Object> school(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("nameZh", name);
        body.put("creditCode", CreditCodes.random());
        body.put("kind", "SCHOOL");
        body.put("schoolLevel", "SECONDARY_VOCATIONAL");
        body.put("region", Map.of("city", "青岛市", "province", "山东省", "country", "CN"));
        return body;
    }

    public static UUID register(Map<String, Object> organization) {
        ensureReferenceData();
        return UUID.fromString(asAdmin().body(organization).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID applyFor(UUID organization, String appliedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", organization.toString());
        body.put("role", "MEMBER");
        body.put("appliedOn", appliedOn);
        return UUID.fromString(asAdmin().body(body).post("/api/v1/memberships")
                .then().statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse transition(UUID membership, String action, String on) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        if (on != null) {
            body.put("on", on);
        }
        return asAdmin().body(body).post("/api/v1/memberships/" + membership + "/transitions").then();
    }

    /** Takes {@code membership} through {@code steps} ({@code "REVIEW 2020-02-02"}: action and day), each answered 200. */
    public static void transitions(UUID membership, String... steps) {
        for (String step : steps) {
            String[] actionAndDay = step.split(" ");
            transition(membership, actionAndDay[0], actionAndDay[1]).statusCode(200);
        }
    }
}
