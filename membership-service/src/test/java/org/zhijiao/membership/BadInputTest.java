package org.zhijiao.membership;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.zhijiao.testing.Callers.asAdmin;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.zhijiao.testing.TestTokens;

/** Every kind of bad input is a 4xx problem that names the field, and writes nothing. */
@QuarkusTest
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void referenceData() {
        Fixtures.ensureReferenceData();
    }

    static Stream<Arguments> badOrganizations() {
        return Stream.of(
                bad("missing nameZh", b -> b.remove("nameZh"), "nameZh"),
                bad("blank nameZh", b -> b.put("nameZh", "  "), "nameZh"),
                bad("missing region", b -> b.remove("region"), "region"),
                bad("missing city", b -> b.put("region", Map.of("country", "CN")), "region.city"),
                bad("lower-case country", b -> b.put("region", Map.of("city", "青岛市", "country", "cn")), "region.country"),
                bad("missing kind", b -> b.remove("kind"), "kind"),
                bad("unknown kind", b -> b.put("kind", "FACTORY"), "kind"),
                bad("kind as number", b -> b.put("kind", 1), "kind"),
                bad("name as number", b -> b.put("nameZh", 42), "nameZh"),
                bad("chains not an array", b -> b.put("industryChains", "IC"), "industryChains"),
                bad("region not an object", b -> b.put("region", "青岛"), "region"),
                bad("oversize nameZh", b -> b.put("nameZh", "长".repeat(201)), "nameZh"),
                bad("oversize nameEn", b -> b.put("nameEn", "x".repeat(301)), "nameEn"),
                bad("bad check character", b -> b.put("creditCode", flipCheck((String) b.get("creditCode"))), "creditCode"),
                bad("short credit code", b -> b.put("creditCode", "9137020012345"), "creditCode"),
                bad("credit code with O", b -> b.put("creditCode", "91370200MAOC0000XD"), "creditCode"),
                bad("domestic without credit code", b -> b.remove("creditCode"), "creditCode"),
                bad("school without level", b -> b.put("kind", "SCHOOL"), "schoolLevel"),
                bad("size on a school", b -> {
                    b.put("kind", "SCHOOL");
                    b.put("schoolLevel", "SECONDARY_VOCATIONAL");
                }, "enterpriseSize"),
                bad("unknown field", b -> b.put("nmeZh", "typo"), "nmeZh"),
                bad("too many chains", b -> b.put("industryChains", java.util.stream.IntStream.range(0, 31)
                        .mapToObj(i -> "C" + i).toList()), "industryChains"));
    }

    private static Arguments bad(String name, Consumer<Map<String, Object>> mutation, String field) {
        return Arguments.of(name, mutation, field);
    }

    private static String flipCheck(String code) {
        char last = code.charAt(17);
        return code.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOrganizations")
    void badOrganizationIsA400NamingTheFieldAndWritesNothing(String name, Consumer<Map<String, Object>> mutation,
            String field) {
        String marker = "坏输入" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Fixtures.enterprise(marker + "（虚构）"));
        mutation.accept(body);
        asAdmin().body(body).post("/api/v1/organizations").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/validation"))
                .body("status", equalTo(400))
                .body("requestId", notNullValue())
                .body("errors.field", hasItem(field));
        asAdmin().queryParam("name", marker).get("/api/v1/organizations").then().body("items", empty());
    }

    @Test
    void malformedJsonIsA400() {
        asAdmin().body("{\"nameZh\": ").post("/api/v1/organizations").then()
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/malformed-request"));
        asAdmin().body("[1, 2]").post("/api/v1/organizations").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().body("{} {}").post("/api/v1/organizations").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void emptyBodyIsA400() {
        asAdmin().post("/api/v1/organizations").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void wrongContentTypeIsA415() {
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.TEXT).body("hello")
                .post("/api/v1/organizations").then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void badQueryParametersAre400s() {
        asAdmin().queryParam("limit", 0).get("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        asAdmin().queryParam("limit", 201).get("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", hasItem("limit"));
        asAdmin().queryParam("cursor", "%%%").get("/api/v1/organizations").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        asAdmin().queryParam("asOf", "2022-13-01").get("/api/v1/memberships").then().statusCode(400)
                .contentType("application/problem+json");
        asAdmin().queryParam("kind", "FACTORY").get("/api/v1/organizations").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badPathIdsAre4xxProblems() {
        asAdmin().get("/api/v1/organizations/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        asAdmin().get("/api/v1/organizations/" + UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("https://zhijiao.org/problems/not-found"));
        asAdmin().get("/api/v1/no-such-thing").then().statusCode(404).contentType("application/problem+json");
        asAdmin().delete("/api/v1/organizations").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void badMembershipInputNamesTheField() throws Exception {
        UUID org = Fixtures.register(Fixtures.enterprise("坏会员输入（虚构）"));
        asAdmin().body(Map.of("organizationId", org.toString(), "role", "CHAIRMAN")).post("/api/v1/memberships")
                .then().statusCode(400).body("errors.field", hasItem("role"));
        asAdmin().body(Map.of("organizationId", "123", "role", "MEMBER")).post("/api/v1/memberships")
                .then().statusCode(400).body("errors.field", hasItem("organizationId"));
        asAdmin().body(Map.of("organizationId", org.toString(), "role", "MEMBER", "appliedOn", "2022-02-30"))
                .post("/api/v1/memberships").then().statusCode(400).body("errors.field", hasItem("appliedOn"));
        asAdmin().body(Map.of("organizationId", UUID.randomUUID().toString(), "role", "MEMBER"))
                .post("/api/v1/memberships").then().statusCode(422).body("errors.field", hasItem("organizationId"));
        asAdmin().body(Map.of("organizationId", org.toString(), "role", "MEMBER", "subAlliances", List.of("NOPE")))
                .post("/api/v1/memberships").then().statusCode(422).body("errors.field", hasItem("subAlliances"))
                .body("detail", containsString("NOPE"));
        asAdmin().queryParam("organizationId", org).get("/api/v1/memberships").then().body("items", empty());
        UUID membership = Fixtures.applyFor(org, "2020-01-01");
        asAdmin().body(JSON.writeValueAsString(Map.of("action", "APPROVE", "on", "2020-01-02")))
                .post("/api/v1/memberships/" + membership + "/transitions")
                .then().statusCode(409).body("type", equalTo("https://zhijiao.org/problems/invalid-transition"));
        asAdmin().body(Map.of("action", "FLY")).post("/api/v1/memberships/" + membership + "/transitions")
                .then().statusCode(400).body("errors.field", hasItem("action"));
        asAdmin().body(Map.of("action", "REVIEW", "on", "2019-12-31"))
                .post("/api/v1/memberships/" + membership + "/transitions")
                .then().statusCode(400).body("errors.field", hasItem("on"));
        asAdmin().body(Map.of("action", "REVIEW", "on", "2999-01-01"))
                .post("/api/v1/memberships/" + membership + "/transitions")
                .then().statusCode(400).body("errors.field", hasItem("on"));
        asAdmin().body(Map.of("action", "REVIEW", "reason", "r".repeat(501)))
                .post("/api/v1/memberships/" + membership + "/transitions")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        asAdmin().get("/api/v1/memberships/" + membership).then().body("status", equalTo("APPLIED"))
                .body("version", equalTo(0));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("textQueryParameters")
    void controlCharactersInAQueryParameterAreA400NamingIt(String path, String parameter) {
        for (String hostile : List.of("a\u0000b", "\u0000", "x\u0001", "\u001f", "a\u007fb")) {
            asAdmin().queryParam(parameter, hostile).get(path).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://zhijiao.org/problems/validation"))
                    .body("errors.field", hasItem(parameter));
        }
    }

    static Stream<Arguments> textQueryParameters() {
        return Stream.of(
                Arguments.of("/api/v1/organizations", "name"),
                Arguments.of("/api/v1/organizations", "city"),
                Arguments.of("/api/v1/organizations", "creditCode"),
                Arguments.of("/api/v1/organizations", "industryChain"),
                Arguments.of("/api/v1/organizations", "cursor"),
                Arguments.of("/api/v1/memberships", "subAlliance"));
    }

    @ParameterizedTest(name = "asOf={0}")
    @MethodSource("datesOutOfRange")
    void aDateOutsideYears1To9999IsA400NamingIt(String date) {
        asAdmin().queryParam("asOf", date).get("/api/v1/memberships").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("asOf"));
    }

    static Stream<String> datesOutOfRange() {
        return Stream.of("-999999999-01-01", "+999999999-12-31", "+10000-01-01", "0000-12-31", "-0001-01-01");
    }

    @Test
    void aNonNumericLimitIsA400NamingIt() {
        for (String path : List.of("/api/v1/organizations", "/api/v1/memberships")) {
            asAdmin().queryParam("limit", "abc").get(path).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("limit"));
            asAdmin().queryParam("limit", "99999999999999999999").get(path).then()
                    .statusCode(400)
                    .body("errors.field", hasItem("limit"));
        }
    }

    @Test
    void controlCharactersInAPathParameterAreA4xxProblem() {
        asAdmin().urlEncodingEnabled(false).get("/api/v1/reference/industry-chains/IC%00X").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aNulInsideAJsonStringIsA400NamingTheFieldAndWritesNothing() throws Exception {
        String marker = "NUL" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Fixtures.enterprise(marker + "（虚构）"));
        body.put("nameEn", "Nul\u0000inside");
        asAdmin().body(JSON.writeValueAsString(body)).post("/api/v1/organizations").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("nameEn"));
        body.put("nameEn", "ok");
        body.put("region", Map.of("city", "青岛\u0000", "country", "CN"));
        asAdmin().body(JSON.writeValueAsString(body)).post("/api/v1/organizations").then()
                .statusCode(400)
                .body("errors.field", hasItem("region.city"));
        body.put("region", Map.of("city", "青岛市", "country", "CN"));
        body.put("industryChains", List.of(Fixtures.CHAIN, "\u0000"));
        asAdmin().body(JSON.writeValueAsString(body)).post("/api/v1/organizations").then()
                .statusCode(400)
                .body("errors.field", hasItem("industryChains[1]"));
        asAdmin().queryParam("name", marker).get("/api/v1/organizations").then().body("items", empty());
    }

    @Test
    void anExtremeDateInAJsonBodyIsA400NamingTheField() {
        UUID org = Fixtures.register(Fixtures.enterprise("极端日期（虚构）"));
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01")) {
            asAdmin().body(Map.of("organizationId", org.toString(), "role", "MEMBER", "appliedOn", date))
                    .post("/api/v1/memberships").then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("appliedOn"));
        }
        asAdmin().queryParam("organizationId", org).get("/api/v1/memberships").then().body("items", empty());
    }

    @Test
    void aTooLongUrlIsA414Problem() {
        asAdmin().queryParam("name", "x".repeat(20_000)).get("/api/v1/organizations").then()
                .statusCode(414)
                .contentType("application/problem+json")
                .body("status", equalTo(414));
    }

    @Test
    void tooLargeHeaderFieldsAreA431Problem() {
        // over the guard's 20 KiB and under Vert.x's own limit: the problem body comes from the service
        asAdmin().header("X-Padding", "x".repeat(30_000)).get("/api/v1/organizations").then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("https://zhijiao.org/problems/request-header-fields-too-large"))
                .body("status", equalTo(431));
        // what Vert.x accepted before the guard still passes
        asAdmin().header("X-Padding", "x".repeat(15_000)).get("/api/v1/organizations").then().statusCode(200);
    }
}
