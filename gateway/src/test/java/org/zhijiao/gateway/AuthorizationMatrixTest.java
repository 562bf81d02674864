package org.zhijiao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.gateway.Gateway.as;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.zhijiao.gateway.Gateway.Credentials;
import org.zhijiao.testing.CreditCodes;
import org.zhijiao.testing.TestTokens;

/**
 * Who may do what through the gateway: no token → 401 at the gateway before any service is called;
 * the wrong role → 403 and another tenant's object → 404 from the service, over every operation.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "patch", "delete");

    @ConfigProperty(name = "zhijiao.gateway.services.membership.prefixes")
    List<String> membershipPrefixes;

    @ConfigProperty(name = "zhijiao.gateway.services.apprenticeship.prefixes")
    List<String> apprenticeshipPrefixes;

    @ConfigProperty(name = "zhijiao.gateway.services.reporting.prefixes")
    List<String> reportingPrefixes;

    @ConfigProperty(name = "test.membership.management-url")
    String membershipManagementUrl;

    @ConfigProperty(name = "test.standin.url")
    String standInUrl;

    record Operation(String method, String path) {
        String concretePath() {
            return path.replaceAll("\\{kind}", "industry-chains").replaceAll("\\{code}", "X")
                    .replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        }
    }

    @Test
    void publicPathsAreReadableWithoutATokenAndNothingElseIs() {
        long callsBefore = standInCalls();
        given().get("/api/v1/test-echo/public/report").then().statusCode(200)
                .header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue())
                .body("method", org.hamcrest.Matchers.equalTo("GET"))
                .body("headers.authorization", org.hamcrest.Matchers.nullValue());
        assertThat(standInCalls()).isEqualTo(callsBefore + 1);
        given().post("/api/v1/test-echo/public/report").then().statusCode(401);
        given().get("/api/v1/test-echo/public/report/more").then().statusCode(401);
        given().get("/api/v1/test-echo/private").then().statusCode(401);
        assertThat(standInCalls()).as("refused calls reach no service").isEqualTo(callsBefore + 1);
    }

    @Test
    void withoutAValidTokenEveryRouteIs401AtTheGatewayAndNoServiceIsCalled() {
        long callsBefore = standInCalls();
        List<String> prefixes = new ArrayList<>();
        prefixes.addAll(membershipPrefixes);
        prefixes.addAll(apprenticeshipPrefixes);
        prefixes.addAll(reportingPrefixes);
        prefixes.add("/api/v1/test-echo");
        UUID org = UUID.randomUUID();
        List<String> invalidTokens = List.of(
                TestTokens.expired("late", org, "group-admin"),
                TestTokens.signedWithUnknownKey("forger", org, "group-admin"),
                "not-a-jwt");
        for (String prefix : prefixes) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE")) {
                Response anonymous = given().contentType("application/json").body("{}").request(method, prefix + "/x");
                assertThat(anonymous.statusCode()).as("anonymous " + method + " " + prefix).isEqualTo(401);
                assertThat(anonymous.contentType()).startsWith("application/problem+json");
                assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Bearer");
                assertThat((String) anonymous.path("requestId")).isEqualTo(anonymous.header("X-Request-Id"));
            }
            for (String token : invalidTokens) {
                given().auth().oauth2(token).get(prefix).then().statusCode(401)
                        .body("type", equalTo("https://zhijiao.org/problems/unauthorized"));
            }
        }
        assertThat(standInCalls()).as("calls that reached a service").isEqualTo(callsBefore);
    }

    @Test
    void everyMembershipOperationRefusesAnonymousAndRolelessCallersThroughTheGateway() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(given().get(membershipManagementUrl + "/q/openapi?format=json").asString());
        List<Operation> operations = new ArrayList<>();
        spec.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method)) {
                operations.add(new Operation(method, path.getKey()));
            }
        }));
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        String roleless = TestTokens.token("nobody", UUID.randomUUID());
        for (Operation op : operations) {
            Response anonymous = given().contentType("application/json").body("{}").request(op.method(), op.concretePath());
            assertThat(anonymous.statusCode()).as("anonymous " + op).isEqualTo(401);
            Response noRole = given().auth().oauth2(roleless).contentType("application/json").body("{}")
                    .request(op.method(), op.concretePath());
            assertThat(noRole.statusCode()).as("no role " + op).isEqualTo(403);
            assertThat(noRole.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aPartnerCannotSeeOrChangeAnotherPartnersData() {
        UUID alpha = Gateway.registerEnterprise("甲方企业（虚构）");
        UUID beta = Gateway.registerEnterprise("乙方企业（虚构）");
        String alphaToken = Gateway.token(Gateway.register(alpha, "enterprise"));
        String betaToken = Gateway.token(Gateway.register(beta, "enterprise"));
        String readOnly = Gateway.token(Gateway.register(UUID.randomUUID(), "read-only"));

        as(alphaToken).get("/api/v1/organizations/" + alpha).then().statusCode(200);
        as(alphaToken).get("/api/v1/organizations/" + beta).then().statusCode(404)
                .body("type", equalTo("https://zhijiao.org/problems/not-found"));
        as(betaToken).get("/api/v1/organizations/" + alpha).then().statusCode(404);
        as(alphaToken).get("/api/v1/organizations").then().statusCode(200)
                .body("items.id", equalTo(List.of(alpha.toString())));
        as(alphaToken).get("/api/v1/memberships?organizationId=" + beta).then().statusCode(200)
                .body("items.size()", equalTo(0));

        Map<String, Object> change = Map.of("nameZh", "改名（虚构）", "creditCode", CreditCodes.random(), "kind", "ENTERPRISE",
                "region", Map.of("city", "青岛市", "province", "山东省", "country", "CN"));
        as(alphaToken).body(change).put("/api/v1/organizations/" + beta).then().statusCode(403);
        as(alphaToken).body(change).post("/api/v1/organizations").then().statusCode(403);
        as(readOnly).body(change).post("/api/v1/organizations").then().statusCode(403);
        as(readOnly).get("/api/v1/organizations/" + beta).then().statusCode(200);
    }

    @Test
    void onlyGroupAdminsReachTheClientAdminApi() {
        Credentials partner = Gateway.register(UUID.randomUUID(), "enterprise");
        for (String role : List.of("enterprise", "school", "read-only")) {
            String token = Gateway.token(Gateway.register(UUID.randomUUID(), role));
            as(token).get("/api/v1/gateway/clients").then().statusCode(403);
            as(token).get("/api/v1/gateway/clients/" + partner.clientId()).then().statusCode(403);
            as(token).post("/api/v1/gateway/clients/" + partner.clientId() + "/secret").then().statusCode(403);
            as(token).body(Map.of("rateLimit", Map.of("capacity", 5, "refillPerSecond", 1)))
                    .put("/api/v1/gateway/clients/" + partner.clientId() + "/rate-limit").then().statusCode(403);
            as(token).delete("/api/v1/gateway/clients/" + partner.clientId()).then().statusCode(403);
        }
        Gateway.token(partner); // still active: none of the refused calls changed it
    }

    private long standInCalls() {
        return Long.parseLong(given().get(standInUrl + "/__calls").asString());
    }
}
