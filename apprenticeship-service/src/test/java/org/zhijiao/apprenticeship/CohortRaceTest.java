package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.Concurrently;

/** Concurrent requests on one cohort: one next batch at most, and no enrollment into a cohort being cancelled. */
@QuarkusTest
class CohortRaceTest {

    @Inject
    DataSource dataSource;

    UUID enterprise;
    UUID program;

    @BeforeEach
    void members() {
        UUID school = MembershipEvents.activeSchool("并发学校");
        enterprise = MembershipEvents.activeEnterprise("并发企业");
        program = Fixtures.publishedProgram(school);
    }

    @Test
    void concurrentRequestsPlanOneNextBatchAndTheOthersAreConflicts() throws Exception {
        UUID cohort = Fixtures.recruitingCohort(program, Map.of(enterprise, 3));
        List<Integer> codes = Concurrently.call(6, n -> asAdmin().body(Map.of("nameZh", "下一批" + n, "startsOn", "2023-09-01"))
                .post("/api/v1/cohorts/" + cohort + "/successor").then().extract().statusCode());
        assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
        assertThat(codes).filteredOn(c -> c != 201).containsOnly(409);
    }

    @Test
    void anEnrollmentWaitsForACancellationInProgressAndIsRefused() throws Exception {
        UUID cohort = Fixtures.recruitingCohort(program, Map.of(enterprise, 3));
        try (Connection cancelling = dataSource.getConnection()) {
            cancelling.setAutoCommit(false);
            // a cancellation that has written the cohort row but not yet committed
            try (PreparedStatement sql = cancelling.prepareStatement(
                    "UPDATE cohort SET status = 'CANCELLED', version = version + 1 WHERE id = ?")) {
                sql.setObject(1, cohort);
                sql.executeUpdate();
            }
            CompletableFuture<Integer> enrollment = CompletableFuture.supplyAsync(() -> asAdmin()
                    .body(Fixtures.enrollmentRequest(cohort, enterprise)).post("/api/v1/enrollments")
                    .then().extract().statusCode());
            Thread.sleep(1500);
            cancelling.commit();
            assertThat(enrollment.get(30, TimeUnit.SECONDS)).isEqualTo(409);
        }
    }
}
