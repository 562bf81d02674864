package org.zhijiao.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.zhijiao.reporting.Events.step;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.TestTokens;

/** A rebuild gives identical figures; the annual report renders with and without data. */
@QuarkusTest
class RebuildAndReportTest {

    @Inject
    AgroalDataSource dataSource;

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aRebuildGivesIdenticalFigures() throws SQLException {
        UUID school = UUID.randomUUID();
        Events.send(Topics.ORGANIZATIONS, Events.organization(school, "SCHOOL", "SECONDARY_VOCATIONAL", List.of(), "青岛市", "CN", 0));
        Events.send(Topics.MEMBERSHIPS, Events.membership(UUID.randomUUID(), school, "SCHOOL", List.of(), List.of(
                step("APPLIED", "APPLY", "2041-01-01"), step("UNDER_REVIEW", "REVIEW", "2041-01-02"),
                step("ACTIVE", "APPROVE", "2041-02-01"))));
        await().atMost(WAIT).until(() -> Api.atEnd("asOf=2041-12-31", "memberSchools") >= 1);
        await().atMost(WAIT).until(() -> Api.asAdmin().get("/api/v1/reporting/freshness").then().statusCode(200)
                .extract().jsonPath().getBoolean("caughtUp"));
        String before = Api.asAdmin().get("/api/v1/summary?from=1960-01-01&to=2045-12-31").then().statusCode(200)
                .extract().asString();

        String location = Api.asAdmin().post("/api/v1/projections/rebuilds").then().statusCode(202)
                .extract().header("Location");
        await().atMost(WAIT).until(() -> "DONE".equals(Api.asAdmin().get(location).then().statusCode(200)
                .extract().path("state")));
        assertThat(Api.asAdmin().get(location).then().extract().jsonPath().getLong("recordsRead")).isPositive();
        String after = Api.asAdmin().get("/api/v1/summary?from=1960-01-01&to=2045-12-31").then().statusCode(200)
                .extract().asString();
        assertThat(after).isEqualTo(before);
        // the swapped-in projection keeps the statistics the reference lookups are planned with, computed
        assertThat(referenceStatistics()).containsExactlyInAnyOrder("cohortId", "enterpriseId", "organizationId",
                "programId");
    }

    /**
     * Every expression the projection is indexed by has statistics on that expression (V6): its indexes are partial,
     * whose statistics the planner does not estimate with, and a lookup of a batch's ids by an expression without
     * them is planned as a scan of the whole table.
     */
    @Test
    void everyIndexedReferenceHasStatisticsOnItsExpression() throws SQLException {
        List<String> indexed = strings("""
                SELECT pg_get_expr(x.indexprs, x.indrelid) FROM pg_index x
                WHERE x.indrelid = 'projection'::regclass AND x.indexprs IS NOT NULL""");
        List<String> withStatistics = strings("""
                SELECT unnest(pg_get_statisticsobjdef_expressions(s.oid)) FROM pg_statistic_ext s
                WHERE s.stxrelid = 'projection'::regclass""");
        assertThat(indexed).hasSize(4);
        assertThat(withStatistics).containsAll(indexed);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** The reference expressions of the live projection that have computed statistics (V6, and every rebuild's). */
    private List<String> referenceStatistics() throws SQLException {
        return strings("SELECT substring(expr from '''([A-Za-z]+)''') FROM pg_stats_ext_exprs "
                + "WHERE tablename = 'projection' AND schemaname = current_schema() AND n_distinct IS NOT NULL");
    }

    @Test
    void aRebuildAbandonedByADeadReplicaBlocksOnlyUntilItsLeaseRunsOut() throws Exception {
        UUID abandoned = UUID.randomUUID();
        // another replica started a rebuild and is still renewing its lease: one at a time, and readers are told
        execute("INSERT INTO projection_rebuild (id, state, requested_by, started_at, lease_until, phase) "
                + "VALUES ('" + abandoned + "', 'RUNNING', 'other-replica', now(), now() + interval '1 hour', 'REPLAY')");
        try {
            Api.asAdmin().post("/api/v1/projections/rebuilds").then().statusCode(409);
            assertThat(Api.summary("asOf=2041-12-31&figure=members").getBoolean("rebuilding")).isTrue();
            assertThat(Api.asAdmin().get("/api/v1/reporting/freshness").then().statusCode(200).extract().jsonPath()
                    .getBoolean("rebuilding")).isTrue();
            // the replica died: its lease runs out, and the next request fails it and starts anew
            execute("UPDATE projection_rebuild SET lease_until = now() - interval '1 second' WHERE id = '" + abandoned + "'");
            String location = Api.asAdmin().post("/api/v1/projections/rebuilds").then().statusCode(202)
                    .extract().header("Location");
            assertThat(Api.asAdmin().get("/api/v1/projections/rebuilds/" + abandoned).then().statusCode(200)
                    .extract().jsonPath().getString("state")).isEqualTo("FAILED");
            await().atMost(WAIT).until(() -> "DONE".equals(Api.asAdmin().get(location).then().statusCode(200)
                    .extract().path("state")));
            assertThat(Api.summary("asOf=2041-12-31&figure=members").getString("rebuilding")).isNull();
        } finally {
            execute("UPDATE projection_rebuild SET state = 'FAILED' WHERE id = '" + abandoned + "' AND state = 'RUNNING'");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void onlyTheGroupAdminRebuilds() {
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.readOnly()).post("/api/v1/projections/rebuilds")
                .then().statusCode(403);
        io.restassured.RestAssured.given().post("/api/v1/projections/rebuilds").then().statusCode(401);
    }

    @Test
    void theReportRendersForAYearWithNoData() {
        Map<String, Object> json = Api.asAdmin().accept("application/json").get("/api/v1/reports/1955").then().statusCode(200).extract()
                .jsonPath().getMap("");
        assertThat(json).containsEntry("year", 1955);
        assertThat(Api.asAdmin().accept("application/json").get("/api/v1/reports/1955").then().extract().jsonPath()
                .getLong("figures.find { it.key == 'memberSchools' }.value")).isZero();
        for (String lang : List.of("zh", "en")) {
            String html = Api.asAdmin().accept("text/html").get("/api/v1/reports/1955.html?lang=" + lang).then()
                    .statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
            assertThat(html).contains("<svg", "1955", "@media print", "lang=\"" + lang + "\"");
            assertThat(html).contains(lang.equals("zh") ? "年度工作报告" : "Annual Work Report");
        }
    }

    @Test
    void theReportShowsAYearsFiguresWithYearOnYearChange() {
        UUID school = UUID.randomUUID();
        UUID enterprise = UUID.randomUUID();
        Events.send(Topics.ORGANIZATIONS, Events.organization(school, "SCHOOL", "SECONDARY_VOCATIONAL", List.of(), "青岛市", "CN", 0));
        Events.send(Topics.ORGANIZATIONS, Events.organization(enterprise, "ENTERPRISE", null, List.of("IC-R"), "青岛市", "CN", 0));
        Events.send(Topics.MEMBERSHIPS, Events.membership(UUID.randomUUID(), school, "SCHOOL", List.of(), List.of(
                step("APPLIED", "APPLY", "2051-01-01"), step("UNDER_REVIEW", "REVIEW", "2051-01-02"),
                step("ACTIVE", "APPROVE", "2051-03-01"))));
        Events.send(Topics.MEMBERSHIPS, Events.membership(UUID.randomUUID(), enterprise, "ENTERPRISE", List.of(), List.of(
                step("APPLIED", "APPLY", "2052-01-01"), step("UNDER_REVIEW", "REVIEW", "2052-01-02"),
                step("ACTIVE", "APPROVE", "2052-04-01"))));
        Events.send(Topics.RECOGNITIONS, Events.recognition(UUID.randomUUID(), "PROVINCIAL", true,
                List.of(step("GRANTED", "GRANT", "2052-06-01"))));
        Events.send(Topics.FACILITIES, Events.facility(UUID.randomUUID(), "MASTER_STUDIO", "MUNICIPAL", List.of(
                step("PLANNED", "PLAN", "2052-01-01"), step("OPERATIONAL", "ESTABLISH", "2052-05-01"))));
        Events.send(Topics.SPECIALTIES, Events.specialty(UUID.randomUUID(), "SC-AI", LocalDate.parse("2050-09-01"),
                List.<String[]>of(new String[] {"NATIONAL", "2052-01-01", null}), 1));

        await().atMost(WAIT).untilAsserted(() -> {
            var report = Api.asAdmin().accept("application/json").get("/api/v1/reports/2052").then().statusCode(200).extract().jsonPath();
            assertThat(report.getLong("figures.find { it.key == 'memberEnterprises' }.change")).isEqualTo(1);
            assertThat(report.getLong("figures.find { it.key == 'designatedSpecialties' }.value")).isGreaterThanOrEqualTo(1);
            assertThat(report.getLong("figures.find { it.key == 'facilities' }.entered")).isEqualTo(1);
            assertThat(report.getList("recognitions.level", String.class)).contains("PROVINCIAL");
        });
        var report = Api.asAdmin().accept("application/json").get("/api/v1/reports/2052").then().extract().jsonPath();
        long schools = report.getLong("figures.find { it.key == 'memberSchools' }.value");
        assertThat(report.getLong("figures.find { it.key == 'memberSchools' }.previous")).isEqualTo(schools);
        assertThat(report.getList("membersTrend.year", Integer.class)).containsExactly(2048, 2049, 2050, 2051, 2052);

        String zh = Api.asAdmin().accept("text/html").get("/api/v1/reports/2052?lang=zh").then().statusCode(200)
                .extract().asString();
        assertThat(zh).contains("成员企业", "大师工作室", "<svg", "+1");
        String en = Api.asAdmin().get("/api/v1/reports/2052.html?lang=en").then().statusCode(200).extract().asString();
        assertThat(en).contains("Member enterprises", "Recognitions", "<svg", "Honour");
        Api.asAdmin().get("/api/v1/reports/2052.html?lang=fr").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("lang"));
        io.restassured.RestAssured.given().auth().oauth2(TestTokens.enterprise(enterprise))
                .get("/api/v1/reports/2052.html").then().statusCode(200);
    }
}
