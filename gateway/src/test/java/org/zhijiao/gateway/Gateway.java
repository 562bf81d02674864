package org.zhijiao.gateway;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.zhijiao.testing.CreditCodes;

/** Shortcuts for the tests: tokens from the gateway itself, registered clients, member organizations. */
final class Gateway {

    static final String BOOTSTRAP_ID = "test-bootstrap";
    static final String BOOTSTRAP_SECRET = "test-bootstrap-secret-7f3a9c";

    private Gateway() {
    }

    record Credentials(String clientId, String secret) {
    }

    /** POST /oauth2/token with HTTP Basic; the raw response. */
    static Response tokenResponse(String clientId, String secret) {
        return given().auth().preemptive().basic(clientId, secret)
                .formParam("grant_type", "client_credentials")
                .post("/oauth2/token");
    }

    static String token(Credentials credentials) {
        return tokenResponse(credentials.clientId(), credentials.secret()).then().statusCode(200)
                .extract().path("access_token");
    }

    private static String adminToken;
    private static long adminTokenAt;

    /**
     * The bootstrap admin's token, reused for a minute: the token endpoint limits requests per client id,
     * and the suite calls this for nearly every registration.
     */
    static synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > 60_000_000_000L) {
            adminToken = token(new Credentials(BOOTSTRAP_ID, BOOTSTRAP_SECRET));
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    static Credentials register(UUID organization, Map<String, Object> rateLimit, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "测试客户端（虚构） " + UUID.randomUUID());
        body.put("organizationId", organization.toString());
        body.put("roles", List.of(roles));
        if (rateLimit != null) {
            body.put("rateLimit", rateLimit);
        }
        Response created = as(adminToken()).body(body).post("/api/v1/gateway/clients");
        created.then().statusCode(201);
        return new Credentials(created.path("client.clientId"), created.path("clientSecret"));
    }

    static Credentials register(UUID organization, String... roles) {
        return register(organization, null, roles);
    }

    /** Registers an enterprise in membership-service, through the gateway, as the bootstrap admin. */
    static UUID registerEnterprise(String name) {
        Map<String, Object> body = Map.of(
                "nameZh", name,
                "nameEn", name + " (fictional)",
                "creditCode", CreditCodes.random(),
                "kind", "ENTERPRISE",
                "enterpriseSize", "SMALL",
                "region", Map.of("city", "青岛市", "province", "山东省", "country", "CN"));
        return UUID.fromString(as(adminToken()).body(body).post("/api/v1/organizations")
                .then().statusCode(201).extract().path("id"));
    }
}
