package org.zhijiao.reporting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.reporting.Events.step;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.TestTokens;

/** The report page names what its tables break down by, in its language, and says when its figures are partial. */
@QuarkusTest
class ReportPageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static String page(int year, String lang) {
        return given().get("/api/v1/reports/" + year + ".html?lang=" + lang).then().statusCode(200).extract().asString();
    }

    @Test
    void breakdownTablesShowTheNamesOfCodesInThePagesLanguage() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String alliance = "EW-" + suffix;
        String chain = "IC-" + suffix;
        Events.send(Topics.REFERENCE_DATA, Events.referenceItem("sub-alliances", alliance, "东西协作联盟" + suffix,
                "East-West Cooperation Alliance " + suffix, null, 0));
        Events.send(Topics.REFERENCE_DATA, Events.referenceItem("industry-chains", chain, "集成电路产业链" + suffix,
                "Integrated circuits chain " + suffix, null, 0));
        UUID school = UUID.randomUUID();
        UUID enterprise = UUID.randomUUID();
        Events.send(Topics.ORGANIZATIONS, Events.organization(school, "SCHOOL", "SECONDARY_VOCATIONAL", List.of(), "陇南市", "CN", 0));
        Events.send(Topics.ORGANIZATIONS, Events.organization(enterprise, "ENTERPRISE", null, List.of(chain), "青岛市", "CN", 0));
        List<Events.Step> active = List.of(step("APPLIED", "APPLY", "2061-01-01"), step("UNDER_REVIEW", "REVIEW", "2061-01-02"),
                step("ACTIVE", "APPROVE", "2061-03-01"));
        Events.send(Topics.MEMBERSHIPS, Events.membership(UUID.randomUUID(), school, "SCHOOL", List.of(alliance), active));
        Events.send(Topics.MEMBERSHIPS, Events.membership(UUID.randomUUID(), enterprise, "ENTERPRISE", List.of(), active));
        Events.send(Topics.FACILITIES, Events.facility(UUID.randomUUID(), "OFF_CAMPUS_BASE", "MUNICIPAL", List.of(
                step("PLANNED", "PLAN", "2061-01-01"), step("OPERATIONAL", "ESTABLISH", "2061-05-01"))));

        await().atMost(WAIT).untilAsserted(() -> {
            var report = Api.asAdmin().accept("application/json").get("/api/v1/reports/2061").then().statusCode(200)
                    .extract().jsonPath();
            // the JSON keeps the codes: it is for programs
            assertThat(report.getMap("tables.find { it.slice == 'subAlliance' }.rows")).containsKey(alliance);
            assertThat(report.getMap("tables.find { it.slice == 'industryChain' }.rows")).containsKey(chain);
            assertThat(report.getMap("tables.find { it.slice == 'facilityType' }.rows")).containsKey("OFF_CAMPUS_BASE");
        });
        String zh = page(2061, "zh");
        assertThat(zh).contains("<td>东西协作联盟" + suffix + "</td>", "<td>集成电路产业链" + suffix + "</td>",
                "<td>中等职业学校</td>", "<td>校外实训基地</td>", "<td>市级</td>", "<td>企业</td>", "按子联盟", "按产业链");
        String en = page(2061, "en");
        assertThat(en).contains("<td>East-West Cooperation Alliance " + suffix + "</td>",
                "<td>Integrated circuits chain " + suffix + "</td>", "<td>Secondary vocational schools</td>",
                "<td>Off-campus training bases</td>", "<td>Municipal</td>", "<td>Enterprises</td>", "by sub-alliance");
        for (String html : List.of(zh, en)) {
            assertThat(html).doesNotContain("<td>" + alliance + "</td>", "<td>" + chain + "</td>", "<td>SECONDARY_VOCATIONAL</td>",
                    "<td>OFF_CAMPUS_BASE</td>", "<td>MUNICIPAL</td>", "<td>ENTERPRISE</td>", "<td>SCHOOL</td>");
        }
    }

    @Test
    void whileADataLoadIsInProgressThePageSaysItsFiguresArePartial() {
        String load = "test-load-" + UUID.randomUUID().toString().substring(0, 8);
        Api.asAdmin().body("{\"state\": \"LOADING\"}").put("/api/v1/reporting/data-loads/" + load).then().statusCode(200)
                .body("state", equalTo("LOADING")).body("name", equalTo(load));
        assertThat(page(2062, "zh")).contains("id=\"partial\"", "数据正在导入", load);
        assertThat(page(2062, "en")).contains("id=\"partial\"", "figures on this page are partial", load);
        assertThat(Api.asAdmin().accept("application/json").get("/api/v1/reports/2062").then().statusCode(200)
                .extract().jsonPath().getList("loadsInProgress", String.class)).contains(load);

        Api.asAdmin().body("{\"state\": \"DONE\"}").put("/api/v1/reporting/data-loads/" + load).then().statusCode(200);
        assertThat(page(2062, "en")).doesNotContain(load);
        assertThat(Api.asAdmin().get("/api/v1/reporting/data-loads").then().statusCode(200).extract().jsonPath()
                .getString("find { it.name == '" + load + "' }.state")).isEqualTo("DONE");
    }

    @Test
    void onlyTheGroupAdminAnnouncesALoadAndBadInputNamesTheField() {
        given().contentType("application/json").body("{\"state\": \"LOADING\"}").put("/api/v1/reporting/data-loads/x")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.readOnly()).contentType("application/json").body("{\"state\": \"LOADING\"}")
                .put("/api/v1/reporting/data-loads/x").then().statusCode(403);
        given().auth().oauth2(TestTokens.readOnly()).get("/api/v1/reporting/data-loads").then().statusCode(200);
        Api.asAdmin().body("{\"state\": \"HALF\"}").put("/api/v1/reporting/data-loads/x").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"));
        Api.asAdmin().body("{}").put("/api/v1/reporting/data-loads/x").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        Api.asAdmin().body("{\"state\": \"DONE\"}").put("/api/v1/reporting/data-loads/Not_A_Name").then().statusCode(400)
                .body("errors[0].field", equalTo("name"));
    }
}
