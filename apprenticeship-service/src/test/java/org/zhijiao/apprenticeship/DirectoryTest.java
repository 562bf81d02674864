package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.zhijiao.testing.Callers.asAdmin;
import static org.zhijiao.apprenticeship.MembershipEvents.awaitDirectory;
import static org.zhijiao.apprenticeship.MembershipEvents.member;
import static org.zhijiao.apprenticeship.MembershipEvents.membership;
import static org.zhijiao.apprenticeship.MembershipEvents.organization;
import static org.zhijiao.apprenticeship.MembershipEvents.send;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhijiao.apprenticeship.directory.MemberDirectory;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.TopicReader;

/** The member directory replica: idempotent, version-checked, dead-letters what it cannot read, and guards references. */
@QuarkusTest
class DirectoryTest {

    @Inject
    EntityManager em;

    @Test
    void duplicatesAndOutdatedVersionsChangeNothing() {
        UUID org = UUID.randomUUID();
        ObjectNode v5 = organization(org, "ENTERPRISE", "第五版（虚构）", 5);
        send(Topics.ORGANIZATIONS, v5);
        // a redelivery: same event id; its data is altered here to prove it is not applied again
        ObjectNode redelivered = organization(org, "ENTERPRISE", "重复投递（虚构）", 6);
        redelivered.put("id", v5.path("id").asText());
        send(Topics.ORGANIZATIONS, redelivered);
        ObjectNode stale = organization(org, "ENTERPRISE", "旧版本（虚构）", 4);
        send(Topics.ORGANIZATIONS, stale);

        awaitProcessed(stale.path("id").asText());
        assertThat(member(org)).hasValueSatisfying(m -> assertThat(m.nameZh()).isEqualTo("第五版（虚构）"));
        assertThat(organizationVersion(org)).isEqualTo(5);
    }

    @Test
    void anOutOfOrderMembershipEventDoesNotReactivateASuspendedMember() {
        UUID org = UUID.randomUUID();
        UUID membershipId = UUID.randomUUID();
        send(Topics.ORGANIZATIONS, organization(org, "SCHOOL", "乱序学校（虚构）", 0));
        send(Topics.MEMBERSHIPS, membership(membershipId, org, "SCHOOL", "SUSPENDED", 3));
        ObjectNode late = membership(membershipId, org, "SCHOOL", "ACTIVE", 2);
        send(Topics.MEMBERSHIPS, late);
        awaitProcessed(late.path("id").asText());
        assertThat(member(org)).hasValueSatisfying(m -> assertThat(m.membershipStatus()).isEqualTo("SUSPENDED"));

        asAdmin().body(specialty(org)).post("/api/v1/specialties").then().statusCode(422)
                .body("type", equalTo("https://zhijiao.org/problems/unprocessable"))
                .body("errors[0].field", equalTo("schoolId"))
                .body("detail", containsString("not an active member (its membership is SUSPENDED)"));
    }

    @Test
    void referencesToUnknownInactiveOrWrongKindOrganizationsAre422NamingWhichAndWhy() {
        MembershipEvents.cluster(Fixtures.CLUSTER);
        UUID unknown = UUID.randomUUID();
        asAdmin().body(specialty(unknown)).post("/api/v1/specialties").then().statusCode(422)
                .body("errors[0].field", equalTo("schoolId"))
                .body("detail", containsString("organization " + unknown + " is unknown to the member directory"));

        UUID enterprise = MembershipEvents.activeEnterprise("不是学校的企业");
        asAdmin().body(specialty(enterprise)).post("/api/v1/specialties").then().statusCode(422)
                .body("detail", containsString("is of kind ENTERPRISE, expected SCHOOL"));

        UUID withdrawn = UUID.randomUUID();
        send(Topics.ORGANIZATIONS, organization(withdrawn, "SCHOOL", "退出学校（虚构）", 0));
        send(Topics.MEMBERSHIPS, membership(UUID.randomUUID(), withdrawn, "SCHOOL", "WITHDRAWN", 4));
        awaitDirectory(() -> member(withdrawn).map(MemberDirectory.Member::membershipStatus)
                .filter("WITHDRAWN"::equals).isPresent());
        asAdmin().body(specialty(withdrawn)).post("/api/v1/specialties").then().statusCode(422)
                .body("detail", containsString("its membership is WITHDRAWN"));

        UUID registeredOnly = UUID.randomUUID();
        send(Topics.ORGANIZATIONS, organization(registeredOnly, "SCHOOL", "未入会学校（虚构）", 0));
        awaitDirectory(() -> member(registeredOnly).isPresent());
        asAdmin().body(specialty(registeredOnly)).post("/api/v1/specialties").then().statusCode(422)
                .body("detail", containsString("(it has no membership)"));

        UUID school = MembershipEvents.activeSchool("正常学校");
        Map<String, Object> unknownCluster = new java.util.HashMap<>(specialty(school));
        unknownCluster.put("clusterCode", "NO-SUCH-CLUSTER");
        asAdmin().body(unknownCluster).post("/api/v1/specialties").then().statusCode(422)
                .body("errors[0].field", equalTo("clusterCode"))
                .body("detail", containsString("unknown specialty cluster NO-SUCH-CLUSTER"));
        asAdmin().body(specialty(school)).post("/api/v1/specialties").then().statusCode(201);
    }

    @Test
    void unreadableAndContractBreakingEventsGoToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String notJson = "dlq-" + UUID.randomUUID();
        MembershipEvents.sendRaw(Topics.ORGANIZATIONS, notJson, "{not json");
        UUID broken = UUID.randomUUID();
        ObjectNode noKind = organization(broken, "SCHOOL", "缺少类别（虚构）", 0);
        ((ObjectNode) noKind.path("data")).remove("kind");
        MembershipEvents.sendRaw(Topics.ORGANIZATIONS, broken.toString(), noKind.toString());
        UUID wrongKind = UUID.randomUUID();
        ObjectNode badEnum = organization(wrongKind, "SCHOOL", "错误类别（虚构）", 0);
        ((ObjectNode) badEnum.path("data")).put("kind", "SPACESHIP");
        MembershipEvents.sendRaw(Topics.ORGANIZATIONS, wrongKind.toString(), badEnum.toString());

        UUID after = MembershipEvents.activeSchool("死信之后");

        assertThat(TopicReader.await("zhijiao.apprenticeship.dlq", notJson, 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(TopicReader.await("zhijiao.apprenticeship.dlq", broken.toString(), 1, Duration.ofSeconds(30)))
                .hasSize(1);
        assertThat(TopicReader.await("zhijiao.apprenticeship.dlq", wrongKind.toString(), 1, Duration.ofSeconds(30)))
                .hasSize(1);
        assertThat(member(broken)).isEmpty();
        assertThat(member(wrongKind)).isEmpty();
        assertThat(member(after)).isPresent();
    }

    private static Map<String, Object> specialty(UUID school) {
        return Map.of("schoolId", school.toString(), "code", "710102", "nameZh", "物联网技术应用",
                "clusterCode", Fixtures.CLUSTER);
    }

    private void awaitProcessed(String eventId) {
        awaitDirectory(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue() == 1));
    }

    private long organizationVersion(UUID org) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT version FROM directory_organization WHERE id = ?1").setParameter(1, org).getSingleResult())
                .longValue());
    }
}
