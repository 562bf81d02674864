package org.zhijiao.apprenticeship;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.zhijiao.testing.Callers.as;
import static org.zhijiao.testing.Callers.asAdmin;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.testing.TestTokens;

/**
 * Co-hosting commits an organization, so it takes its consent: a school or enterprise plans and
 * changes facilities hosted by itself; co-hosts are added or removed by the group secretariat.
 */
@QuarkusTest
class FacilityCoHostTest {

    @Test
    void aHostCannotMakeAnotherMemberACoHostButTheGroupAdminCan() {
        UUID school = MembershipEvents.activeSchool("共建学校");
        UUID enterprise = MembershipEvents.activeEnterprise("被拉入企业");
        String schoolToken = TestTokens.school(school);

        as(schoolToken).body(facility(school, enterprise)).post("/api/v1/facilities").then().statusCode(403);
        String id = as(schoolToken).body(facility(school)).post("/api/v1/facilities").then().statusCode(201)
                .extract().path("id");
        as(schoolToken).header("If-Match", "\"0\"").body(facility(school, enterprise))
                .put("/api/v1/facilities/" + id).then().statusCode(403);

        asAdmin().header("If-Match", "\"0\"").body(facility(school, enterprise)).put("/api/v1/facilities/" + id)
                .then().statusCode(200)
                .body("hostOrganizationIds", containsInAnyOrder(school.toString(), enterprise.toString()));
        // nor can a host drop its co-host on its own
        as(schoolToken).header("If-Match", "\"1\"").body(facility(school)).put("/api/v1/facilities/" + id)
                .then().statusCode(403);
        // changing the rest of the facility stays with the hosts
        Map<String, Object> renamed = facility(school, enterprise);
        renamed.put("nameZh", "改名后的工作室（虚构）");
        as(schoolToken).header("If-Match", "\"1\"").body(renamed).put("/api/v1/facilities/" + id)
                .then().statusCode(200);
    }

    private static Map<String, Object> facility(UUID... hosts) {
        return new java.util.HashMap<>(Map.of("type", "MASTER_STUDIO", "nameZh", "共建大师工作室（虚构）",
                "hostOrganizationIds", List.of(hosts).stream().map(UUID::toString).toList(),
                "level", "GROUP", "capacity", 10));
    }
}
