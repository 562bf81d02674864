package org.zhijiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.zhijiao.demo.ReferenceGroupLoader;

/**
 * The whole platform, the reference group's data loaded through the gateway with real client
 * credentials, and the 2022 figures of DESIGN.md coming out of the report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReferenceGroupE2ETest extends ReferenceGroupSuite {

    @Test
    @Order(1)
    void the2022ReportShowsTheReferenceGroupsFigures() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> figures = figures(secretariat.get("/api/v1/reports/2022"));
            assertThat(figures).containsEntry("memberSchools", 10L)
                    .containsEntry("memberEnterprises", 88L)
                    .containsEntry("members", 98L)
                    .containsEntry("overseasMembers", 0L)
                    .containsEntry("specialtyClusters", 4L)
                    .containsEntry("industryChains", 24L)
                    .containsEntry("designatedSpecialties", 10L)
                    .containsEntry("enterprisesInCohorts", 20L)
                    .containsEntry("apprenticesActive", 40L);
        });
        JsonNode summary = secretariat.get("/api/v1/summary?year=2022&figure=enterprisesInCohorts&figure=memberSchools");
        assertThat(summary.path("figures").path("enterprisesInCohorts").path("slices").path("batchNumber").path("5")
                .path("atEnd").asLong()).isEqualTo(20);
        assertThat(summary.path("figures").path("memberSchools").path("slices").path("subAlliance")
                .path("EAST-WEST").path("atEnd").asLong()).as("the western school joined through the East–West alliance")
                .isEqualTo(1);

        JsonNode report = secretariat.get("/api/v1/reports/2022");
        assertThat(report.path("recognitions").findValuesAsText("awardedOn"))
                .anyMatch(d -> d.startsWith("2017")).anyMatch(d -> d.startsWith("2021-05"));
        JsonNode admissions = report.path("admissions");
        assertThat(admissions.path("totals").path("byLevel").size()).isEqualTo(6);
        assertThat(admissions.path("totals").path("bySpecialtyCategory").size()).isEqualTo(10);

        String previousYear = figures(secretariat.get("/api/v1/reports/2021")).get("memberSchools").toString();
        assertThat(previousYear).as("the western school joined in 2021").isEqualTo("10");
        assertThat(figures(secretariat.get("/api/v1/reports/2020"))).containsEntry("memberSchools", 9L);
    }

    @Test
    @Order(2)
    void theReportPageIsInChineseAndEnglish() throws Exception {
        String zh = page("/api/v1/reports/2022.html?lang=zh");
        String en = page("/api/v1/reports/2022.html?lang=en");
        assertThat(zh).contains("青岛电子信息产业职业教育集团 2022 年度工作报告").contains("成员学校").contains("<svg")
                .contains("88");
        assertThat(en).contains("Qingdao Electronic Information Industry Vocational Education Group — Annual Work Report 2022")
                .contains("Member enterprises").contains("<svg").contains("88");
        // breakdowns by name in the page's language; the loader announced its end, so no partial-figures notice
        assertThat(zh).contains("<td>东西协作职业教育联盟</td>", "<td>中等职业学校</td>").doesNotContain(">EAST-WEST<")
                .doesNotContain("id=\"partial\"");
        assertThat(en).contains("<td>East–West cooperation vocational education alliance</td>")
                .doesNotContain(">SECONDARY_VOCATIONAL<").doesNotContain("id=\"partial\"");
    }

    @Test
    @Order(3)
    void loadingAgainDuplicatesNothing() {
        long organizationsBefore = count("/api/v1/organizations?limit=200");
        long enrollmentsBefore = count("/api/v1/enrollments?limit=200");
        long programsBefore = count("/api/v1/programs?limit=200");
        long facilitiesBefore = count("/api/v1/facilities?limit=200");
        Map<String, String> again = new ReferenceGroupLoader(platform.gateway, platform.admin.clientId(),
                platform.admin.secret(), message -> System.out.println("[reload] " + message)).load();
        assertThat(again).isEqualTo(organizations).hasSize(100);
        assertThat(count("/api/v1/organizations?limit=200")).isEqualTo(organizationsBefore);
        assertThat(count("/api/v1/enrollments?limit=200")).isEqualTo(enrollmentsBefore);
        assertThat(count("/api/v1/programs?limit=200")).isEqualTo(programsBefore).isEqualTo(4);
        assertThat(count("/api/v1/facilities?limit=200")).isEqualTo(facilitiesBefore).isEqualTo(10);
    }

    private static long count(String path) {
        return secretariat.get(path).path("items").size();
    }

    private static String page(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.gateway.resolve(path))
                .header("Authorization", "Bearer " + platform.token(platform.admin.clientId(),
                        platform.admin.secret()))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        return response.body();
    }

    static Map<String, Long> figures(JsonNode report) {
        Map<String, Long> figures = new HashMap<>();
        report.path("figures").forEach(f -> figures.put(f.path("key").asText(), f.path("value").asLong()));
        return figures;
    }
}
