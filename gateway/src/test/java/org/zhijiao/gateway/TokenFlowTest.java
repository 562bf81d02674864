package org.zhijiao.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.zhijiao.gateway.Gateway.adminToken;
import static org.zhijiao.gateway.Gateway.as;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;
import org.zhijiao.gateway.Gateway.Credentials;
import org.zhijiao.stack.JwtKeys;

/** Client credentials → a token the services trust; rotation and revocation; external issuers. */
@QuarkusTest
class TokenFlowTest {

    @ConfigProperty(name = "test.external.private-key")
    String externalPrivateKey;

    @Test
    void aPartnerGetsAShortLivedTokenThatTheServicesAcceptAndTheJwksVerifies() throws Exception {
        UUID enterprise = Gateway.registerEnterprise("令牌流程企业（虚构）");
        Credentials partner = Gateway.register(enterprise, "enterprise");

        Response issued = Gateway.tokenResponse(partner.clientId(), partner.secret());
        issued.then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", equalTo(600));
        String token = issued.path("access_token");

        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(token);
        JsonWebKeySet jwks = new JsonWebKeySet(given().get("/oauth2/jwks").then().statusCode(200).extract().asString());
        assertThat(jws.getAlgorithmHeaderValue()).isEqualTo("RS256");
        assertThat(jwks.findJsonWebKey(jws.getKeyIdHeaderValue(), "RSA", "sig", "RS256")).as("kid is published").isNotNull();
        jws.setKey(jwks.findJsonWebKey(jws.getKeyIdHeaderValue(), "RSA", "sig", "RS256").getKey());
        assertThat(jws.verifySignature()).isTrue();
        JwtClaims claims = JwtClaims.parse(jws.getPayload());
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080");
        assertThat(claims.getAudience()).containsExactly("zhijiao");
        assertThat(claims.getSubject()).isEqualTo(partner.clientId());
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("enterprise");
        assertThat(claims.getStringClaimValue("org")).isEqualTo(enterprise.toString());
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(600);

        // membership-service verifies the token itself and scopes the partner to its own organization
        as(token).get("/api/v1/organizations/" + enterprise).then().statusCode(200).body("id", equalTo(enterprise.toString()));
        as(token).get("/api/v1/organizations").then().statusCode(200).body("items.id", equalTo(List.of(enterprise.toString())));
    }

    @Test
    void badClientCredentialsAndGrantsGetOAuthErrors() {
        Credentials partner = Gateway.register(UUID.randomUUID(), "enterprise");
        Gateway.tokenResponse(partner.clientId(), "wrong").then().statusCode(401)
                .header("WWW-Authenticate", "Basic realm=\"zhijiao\"").body("error", equalTo("invalid_client"));
        Gateway.tokenResponse("no-such-client", partner.secret()).then().statusCode(401).body("error", equalTo("invalid_client"));
        given().formParam("grant_type", "client_credentials").post("/oauth2/token")
                .then().statusCode(401).body("error", equalTo("invalid_client"));
        given().auth().preemptive().basic(partner.clientId(), partner.secret()).formParam("grant_type", "password")
                .post("/oauth2/token").then().statusCode(400).body("error", equalTo("unsupported_grant_type"));
        given().auth().preemptive().basic(partner.clientId(), partner.secret()).formParam("scope", "x")
                .post("/oauth2/token").then().statusCode(400).body("error", equalTo("invalid_request"));
        // client_secret_post works as well as HTTP Basic
        given().formParam("grant_type", "client_credentials").formParam("client_id", partner.clientId())
                .formParam("client_secret", partner.secret()).post("/oauth2/token")
                .then().statusCode(200).body("token_type", equalTo("Bearer"));
    }

    @Test
    void rotatingASecretRetiresTheOldOneAtOnceAndRevokingStopsNewTokens() {
        UUID enterprise = Gateway.registerEnterprise("轮换企业（虚构）");
        Credentials partner = Gateway.register(enterprise, "enterprise");
        String before = Gateway.token(partner);

        Response rotated = as(adminToken()).header("If-Match", "\"0\"").post("/api/v1/gateway/clients/" + partner.clientId() + "/secret");
        rotated.then().statusCode(200).header("ETag", "\"1\"");
        String newSecret = rotated.path("clientSecret");
        assertThat(newSecret).isNotEqualTo(partner.secret());
        Gateway.tokenResponse(partner.clientId(), partner.secret()).then().statusCode(401);
        String after = Gateway.token(new Credentials(partner.clientId(), newSecret));
        as(after).get("/api/v1/organizations/" + enterprise).then().statusCode(200);
        as(before).get("/api/v1/organizations/" + enterprise).then().statusCode(200); // lives until it expires

        as(adminToken()).header("If-Match", "\"0\"").delete("/api/v1/gateway/clients/" + partner.clientId())
                .then().statusCode(412).contentType("application/problem+json");
        as(adminToken()).delete("/api/v1/gateway/clients/" + partner.clientId())
                .then().statusCode(200).body("status", equalTo("REVOKED"));
        Gateway.tokenResponse(partner.clientId(), newSecret).then().statusCode(401).body("error", equalTo("invalid_client"));
        as(adminToken()).delete("/api/v1/gateway/clients/" + partner.clientId())
                .then().statusCode(409).body("type", equalTo("https://zhijiao.org/problems/invalid-transition"));
        as(adminToken()).post("/api/v1/gateway/clients/" + partner.clientId() + "/secret").then().statusCode(409);
    }

    @Test
    void rotatingASecretTakesNoBodyAsItsSpecSays() {
        Credentials partner = Gateway.register(Gateway.registerEnterprise("轮换无正文企业（虚构）"), "enterprise");
        as(adminToken()).header("If-Match", "\"0\"").contentType("application/json")
                .body(Map.of("clientSecret", "chosen-by-the-caller-0123456789"))
                .post("/api/v1/gateway/clients/" + partner.clientId() + "/secret").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
        Gateway.token(partner); // nothing was rotated
        Gateway.tokenResponse(partner.clientId(), "chosen-by-the-caller-0123456789").then().statusCode(401);

        Map<String, Object> operation = given().get("/openapi.json").then().statusCode(200).extract()
                .jsonPath().getMap("paths.'/api/v1/gateway/clients/{clientId}/secret'.post");
        assertThat(operation).doesNotContainKey("requestBody");
        assertThat((String) operation.get("description")).contains("Takes no request body");
    }

    @Test
    void theAdminApiIsForGroupAdminsAndRejectsBadInputWithoutWriting() {
        UUID organization = UUID.randomUUID();
        String partner = Gateway.token(Gateway.register(organization, "enterprise"));
        given().get("/api/v1/gateway/clients").then().statusCode(401).contentType("application/problem+json");
        as(partner).get("/api/v1/gateway/clients").then().statusCode(403).contentType("application/problem+json");
        as(partner).body(Map.of("name", "x", "organizationId", organization.toString(), "roles", List.of("group-admin")))
                .post("/api/v1/gateway/clients").then().statusCode(403);

        as(adminToken()).body(Map.of("name", "x", "organizationId", organization.toString(), "roles", List.of("superuser"),
                        "rateLimit", Map.of("capacity", 0, "refillPerSecond", 1)))
                .post("/api/v1/gateway/clients").then().statusCode(400)
                .body("type", equalTo("https://zhijiao.org/problems/validation"))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("roles")))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("rateLimit.capacity")));
        as(adminToken()).get("/api/v1/gateway/clients?organizationId=" + organization).then().statusCode(200)
                .body("items.size()", equalTo(1));
        as(adminToken()).get("/api/v1/gateway/clients/no-such-client").then().statusCode(404);
    }

    @Test
    void tokensOfTheConfiguredExternalIssuerAreExchangedForGatewayTokens() throws Exception {
        UUID enterprise = Gateway.registerEnterprise("外部身份企业（虚构）");
        Instant now = Instant.now();
        String keycloakToken = Jwt.issuer(UpstreamsTestResource.EXTERNAL_ISSUER)
                .subject("kc-user-42")
                .claim("realm_access", Map.of("roles", List.of("enterprise", "offline_access")))
                .claim("zhijiao_org", enterprise.toString())
                .issuedAt(now).expiresAt(now.plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256)
                .sign(KeyUtils.decodePrivateKey(Files.readString(Path.of(externalPrivateKey))));
        as(keycloakToken).get("/api/v1/organizations/" + enterprise).then().statusCode(200);
        as(keycloakToken).get("/api/v1/organizations").then().statusCode(200).body("items.size()", equalTo(1));

        String forged = Jwt.issuer(UpstreamsTestResource.EXTERNAL_ISSUER).subject("kc-user-42")
                .claim("realm_access", Map.of("roles", List.of("group-admin")))
                .issuedAt(now).expiresAt(now.plusSeconds(300))
                .jws().algorithm(SignatureAlgorithm.RS256).sign(JwtKeys.generateKeyPair().getPrivate());
        as(forged).get("/api/v1/organizations").then().statusCode(401).contentType("application/problem+json");
    }
}
