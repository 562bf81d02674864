package org.zhijiao.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.zhijiao.demo.PlatformClient;
import org.zhijiao.testing.CreditCodes;

/** What a partner enterprise, a school and the secretariat do, end to end through the gateway. */
class JourneysE2ETest extends ReferenceGroupSuite {

    /** Registers a fresh client for an organization of the reference group and returns it. */
    private static PlatformClient clientFor(String key, String role) {
        return platform.clientFor(organizations.get(key), role, "journey-" + key);
    }

    @Test
    void partnerEnterpriseSeesItsCohortEnrollsAnApprenticeAndConfirmsTheAgreement() {
        PlatformClient enterprise = clientFor("e03", "enterprise");
        PlatformClient school = clientFor("lead", "school");
        JsonNode cohorts = enterprise.get("/api/v1/cohorts").path("items");
        assertThat(cohorts.findValuesAsText("batchNumber")).contains("5");
        String cohort = cohorts.get(0).path("id").asText();

        JsonNode mine = enterprise.get("/api/v1/enrollments?cohortId=" + cohort + "&limit=200").path("items");
        assertThat(mine).hasSize(2).allSatisfy(e -> assertThat(e.path("enterpriseId").asText()).isEqualTo(organizations.get("e03")));
        String someoneElses = secretariat.get("/api/v1/enrollments?enterpriseId=" + organizations.get("e04")).path("items")
                .get(0).path("id").asText();
        assertThatThrownBy(() -> enterprise.get("/api/v1/enrollments/" + someoneElses))
                .isInstanceOfSatisfying(PlatformClient.ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> enterprise.get("/api/v1/organizations/" + organizations.get("e04")))
                .isInstanceOfSatisfying(PlatformClient.ApiException.class, e -> assertThat(e.status()).isEqualTo(404));

        // the school plans the next batch from this one and recruits; an apprentice is enrolled at the enterprise
        String next = school.post("/api/v1/cohorts/" + cohort + "/successor", Map.of("nameZh", "旅程批次（虚构）",
                "startsOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString())).path("id").asText();
        school.post("/api/v1/cohorts/" + next + "/transitions", Map.of("action", "OPEN_RECRUITMENT"));
        assertThat(enterprise.get("/api/v1/cohorts/" + next).path("status").asText()).isEqualTo("RECRUITING");
        JsonNode enrollment = school.post("/api/v1/enrollments", Map.of("cohortId", next,
                "enterpriseId", organizations.get("e03"),
                "student", Map.of("studentNumber", "J-" + System.nanoTime(), "nameZh", "旅程学徒（虚构）"),
                "agreement", Map.of("TRAINING_CONTENT", "岗位实训", "SCHEDULE", "工学交替", "COMPENSATION", "学徒津贴",
                        "INSURANCE", "实习责任保险", "ASSESSMENT", "校企共同考核")));
        String id = enrollment.path("id").asText();
        int version = enrollment.path("agreement").path("version").asInt();
        enterprise.post("/api/v1/enrollments/" + id + "/agreement/confirmations", Map.of("party", "ENTERPRISE", "version", version));
        assertThatThrownBy(() -> enterprise.post("/api/v1/enrollments/" + id + "/agreement/confirmations",
                Map.of("party", "SCHOOL", "version", version)))
                .isInstanceOfSatisfying(PlatformClient.ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
        JsonNode seen = enterprise.get("/api/v1/enrollments/" + id);
        assertThat(seen.path("agreement").path("fullyConfirmed").asBoolean()).isFalse();
        assertThat(seen.path("agreement").path("sections").findValues("confirmations").stream()
                .allMatch(c -> c.findValuesAsText("party").contains("ENTERPRISE"))).isTrue();
    }

    @Test
    void schoolSeesItsOwnAndSubmitsItsFigures() {
        PlatformClient school = clientFor("school2", "school");
        JsonNode specialties = school.get("/api/v1/specialties?limit=200").path("items");
        assertThat(specialties).isNotEmpty()
                .allSatisfy(s -> assertThat(s.path("schoolId").asText()).isEqualTo(organizations.get("school2")));
        JsonNode dataset = school.post("/api/v1/datasets/graduate-destinations", Map.of("year", 2022,
                "sourceNote", "2022 graduate survey (journey test)",
                "entries", List.of(Map.of("specialtyCategory", "EQUIPMENT_MANUFACTURING", "destination", "FURTHER_STUDY",
                        "graduates", 57))));
        assertThat(dataset.path("schoolId").asText()).isEqualTo(organizations.get("school2"));
        assertThat(dataset.path("provenance").path("submittedBy").asText()).isEqualTo(school.clientId());
        assertThatThrownBy(() -> school.post("/api/v1/organizations", Map.of("nameZh", "越权")))
                .isInstanceOfSatisfying(PlatformClient.ApiException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void secretariatAdmitsAMemberAndTheSummaryReflectsIt() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        long before = secretariat.get("/api/v1/summary?asOf=" + today + "&figure=memberEnterprises")
                .path("figures").path("memberEnterprises").path("atEnd").asLong();
        JsonNode organization = secretariat.post("/api/v1/organizations", Map.of("nameZh", "旅程新成员企业（虚构）",
                "creditCode", CreditCodes.withCheck("913702000" + String.format("%08d", System.nanoTime() % 100_000_000)),
                "kind", "ENTERPRISE", "enterpriseSize", "SMALL",
                "region", Map.of("city", "青岛市", "country", "CN")));
        String membership = secretariat.post("/api/v1/memberships", Map.of("organizationId",
                organization.path("id").asText(), "role", "MEMBER")).path("id").asText();
        secretariat.post("/api/v1/memberships/" + membership + "/transitions", Map.of("action", "REVIEW"));
        secretariat.post("/api/v1/memberships/" + membership + "/transitions", Map.of("action", "APPROVE"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(secretariat.get("/api/v1/summary?asOf=" + today + "&figure=memberEnterprises")
                        .path("figures").path("memberEnterprises").path("atEnd").asLong()).isEqualTo(before + 1));
    }
}
