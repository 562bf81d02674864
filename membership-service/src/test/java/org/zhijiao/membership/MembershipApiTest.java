package org.zhijiao.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.zhijiao.testing.Callers.as;
import static org.zhijiao.testing.Callers.asAdmin;
import static org.zhijiao.membership.Fixtures.transition;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.zhijiao.membership.membership.Membership;
import org.zhijiao.membership.membership.MembershipAction;
import org.zhijiao.membership.membership.MembershipStatus;
import org.zhijiao.testing.TestTokens;

@QuarkusTest
class MembershipApiTest {

    /** How to reach each state from a fresh application. */
    private static final Map<MembershipStatus, List<String>> PATHS = Map.of(
            MembershipStatus.APPLIED, List.of(),
            MembershipStatus.UNDER_REVIEW, List.of("REVIEW"),
            MembershipStatus.ACTIVE, List.of("REVIEW", "APPROVE"),
            MembershipStatus.SUSPENDED, List.of("REVIEW", "APPROVE", "SUSPEND"),
            MembershipStatus.WITHDRAWN, List.of("WITHDRAW"),
            MembershipStatus.EXPELLED, List.of("REVIEW", "APPROVE", "EXPEL"),
            MembershipStatus.REJECTED, List.of("REJECT"));

    @ParameterizedTest
    @EnumSource(MembershipStatus.class)
    void everyActionFromEveryStateIsAllowedOrRefusedAsDesigned(MembershipStatus state) {
        for (MembershipAction action : MembershipAction.values()) {
            UUID membership = membershipIn(state);
            Response response = asAdmin().body(Map.of("action", action.name()))
                    .post("/api/v1/memberships/" + membership + "/transitions");
            var expected = Membership.LIFECYCLE.target(state, action);
            if (expected.isPresent()) {
                assertThat(response.statusCode()).as(state + " " + action).isEqualTo(200);
                assertThat((String) response.path("status")).isEqualTo(expected.get().name());
                assertThat((String) response.path("history[-1].action")).isEqualTo(action.name());
            } else {
                assertThat(response.statusCode()).as(state + " " + action).isEqualTo(409);
                assertThat((String) response.path("type")).isEqualTo("https://zhijiao.org/problems/invalid-transition");
                asAdmin().get("/api/v1/memberships/" + membership).then().body("status", equalTo(state.name()));
            }
        }
    }

    @Test
    void historyAnswersWhoWasAMemberOnAnyDay() {
        UUID org = Fixtures.register(Fixtures.enterprise("历史企业（虚构）"));
        UUID membership = Fixtures.applyFor(org, "2019-03-01");
        Fixtures.transitions(membership, "REVIEW 2019-03-10", "APPROVE 2019-06-01", "SUSPEND 2021-01-15",
                "REINSTATE 2021-07-01");
        transition(membership, "WITHDRAW", "2022-12-31").statusCode(200)
                .body("history", hasSize(6)).body("history[5].on", equalTo("2022-12-31"));

        assertThat(statusOn(org, "2019-02-28")).isNull();
        assertThat(statusOn(org, "2019-03-01")).isEqualTo("APPLIED");
        assertThat(statusOn(org, "2019-05-31")).isEqualTo("UNDER_REVIEW");
        assertThat(statusOn(org, "2019-06-01")).isEqualTo("ACTIVE");
        assertThat(statusOn(org, "2021-03-01")).isEqualTo("SUSPENDED");
        assertThat(statusOn(org, "2022-12-30")).isEqualTo("ACTIVE");
        assertThat(statusOn(org, "2022-12-31")).isEqualTo("WITHDRAWN");

        List<String> members2020 = asAdmin().queryParam("asOf", "2020-12-31").queryParam("status", "ACTIVE")
                .queryParam("status", "SUSPENDED").queryParam("organizationId", org)
                .get("/api/v1/memberships").path("items.id");
        assertThat(members2020).containsExactly(membership.toString());
        List<String> members2023 = asAdmin().queryParam("asOf", "2023-01-01").queryParam("status", "ACTIVE")
                .queryParam("organizationId", org).get("/api/v1/memberships").path("items.id");
        assertThat(members2023).isEmpty();
    }

    private static String statusOn(UUID org, String day) {
        List<String> statuses = asAdmin().queryParam("asOf", day).queryParam("organizationId", org)
                .get("/api/v1/memberships").then().statusCode(200).extract().path("items.statusAsOf");
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    @Test
    void sameDayStepsKeepTheirOrder() {
        UUID org = Fixtures.register(Fixtures.enterprise("同日企业（虚构）"));
        UUID membership = Fixtures.applyFor(org, "2018-05-05");
        Fixtures.transitions(membership, "REVIEW 2018-05-05", "APPROVE 2018-05-05");
        assertThat(statusOn(org, "2018-05-05")).isEqualTo("ACTIVE");
        assertThat(statusOn(org, "2018-05-04")).isNull();
    }

    @Test
    void anOrganizationHasOneOpenMembershipEvenUnderConcurrentApplications() throws Exception {
        UUID org = Fixtures.register(Fixtures.enterprise("并发申请企业（虚构）"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> call = () -> asAdmin()
                        .body(Map.of("organizationId", org.toString(), "role", "MEMBER"))
                        .post("/api/v1/memberships").statusCode();
                calls.add(pool.submit(call));
            }
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        asAdmin().queryParam("organizationId", org).get("/api/v1/memberships").then().body("items", hasSize(1));
    }

    @Test
    void aLeftMemberMayApplyAgain() {
        UUID org = Fixtures.register(Fixtures.enterprise("重新加入企业（虚构）"));
        UUID first = Fixtures.applyFor(org, "2015-01-01");
        transition(first, "WITHDRAW", "2016-01-01").statusCode(200);
        UUID second = Fixtures.applyFor(org, "2020-01-01");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void roleAndSubAlliancesChangeWithIfMatch() {
        UUID org = Fixtures.register(Fixtures.school("西部学校（虚构）"));
        UUID membership = Fixtures.applyFor(org, "2020-09-01");
        asAdmin().header("If-Match", "\"0\"")
                .body(Map.of("role", "COUNCIL_MEMBER", "subAlliances", List.of(Fixtures.ALLIANCE)))
                .patch("/api/v1/memberships/" + membership).then().statusCode(200)
                .body("role", equalTo("COUNCIL_MEMBER")).body("subAlliances", equalTo(List.of(Fixtures.ALLIANCE)))
                .body("organizationKind", equalTo("SCHOOL"));
        asAdmin().header("If-Match", "\"0\"").body(Map.of("role", "MEMBER"))
                .patch("/api/v1/memberships/" + membership).then().statusCode(412);
        List<String> inAlliance = asAdmin().queryParam("subAlliance", Fixtures.ALLIANCE).queryParam("limit", 200)
                .get("/api/v1/memberships").path("items.id");
        assertThat(inAlliance).contains(membership.toString());
    }

    @Test
    void aMemberSeesAndMayWithdrawOnlyItsOwnMembership() {
        UUID mine = Fixtures.register(Fixtures.enterprise("自己退出企业（虚构）"));
        UUID other = Fixtures.register(Fixtures.enterprise("别人企业（虚构）"));
        UUID myMembership = membershipOf(mine);
        UUID otherMembership = membershipOf(other);
        String token = TestTokens.enterprise(mine);

        as(token).get("/api/v1/memberships/" + otherMembership).then().statusCode(404);
        as(token).queryParam("limit", 200).get("/api/v1/memberships").then()
                .body("items.id", equalTo(List.of(myMembership.toString())));
        as(token).body(Map.of("action", "WITHDRAW")).post("/api/v1/memberships/" + otherMembership + "/transitions")
                .then().statusCode(404);
        as(token).body(Map.of("action", "SUSPEND")).post("/api/v1/memberships/" + myMembership + "/transitions")
                .then().statusCode(403);
        as(token).body(Map.of("action", "WITHDRAW", "reason", "Business restructured"))
                .post("/api/v1/memberships/" + myMembership + "/transitions")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("history[-1].recordedBy", equalTo("test-enterprise-" + mine));
        as(TestTokens.readOnly()).body(Map.of("action", "WITHDRAW"))
                .post("/api/v1/memberships/" + otherMembership + "/transitions").then().statusCode(403);
    }

    private static UUID membershipOf(UUID org) {
        UUID membership = Fixtures.applyFor(org, "2021-01-01");
        Fixtures.transitions(membership, "REVIEW 2021-01-02", "APPROVE 2021-01-03");
        return membership;
    }

    private static UUID membershipIn(MembershipStatus state) {
        UUID org = Fixtures.register(Fixtures.enterprise("状态" + state + "（虚构）"));
        UUID membership = Fixtures.applyFor(org, "2020-01-01");
        for (String action : PATHS.get(state)) {
            transition(membership, action, null).statusCode(200);
        }
        return membership;
    }
}
