package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.zhijiao.apprenticeship.directory.MemberDirectory;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.testing.EventContracts;
import org.zhijiao.testing.TopicWriter;

/**
 * Plays membership-service: builds its CloudEvents exactly as it publishes them, checks each against
 * the membership contracts, and produces them onto the real membership topics, from which the
 * service under test builds its member directory.
 */
public final class MembershipEvents {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private MembershipEvents() {
    }

    /** An active member school, known to the directory when this returns. */
    public static UUID activeSchool(String name) {
        return activeMembers("SCHOOL", name, 1).get(0);
    }

    public static UUID activeEnterprise(String name) {
        return activeMembers("ENTERPRISE", name, 1).get(0);
    }

    /** {@code count} active members of {@code kind}, published at once and awaited together. */
    public static List<UUID> activeMembers(String kind, String name, int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID org = UUID.randomUUID();
            send(Topics.ORGANIZATIONS, organization(org, kind, name + " " + (i + 1) + "（虚构）", 0));
            send(Topics.MEMBERSHIPS, membership(UUID.randomUUID(), org, kind, "ACTIVE", 2));
            ids.add(org);
        }
        awaitDirectory(() -> ids.stream().allMatch(id -> member(id)
                .filter(MemberDirectory.Member::isActive).isPresent()));
        return ids;
    }

    /** A specialty cluster in use, known to the directory when this returns. */
    public static String cluster(String code) {
        send(Topics.REFERENCE_DATA, referenceItem(code, "专业群 " + code, 0));
        awaitDirectory(() -> clusterKnown(code));
        return code;
    }

    public static ObjectNode organization(UUID id, String kind, String name, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", id.toString());
        data.put("nameZh", name);
        data.put("nameEn", (String) null);
        data.put("creditCode", (String) null);
        data.put("kind", kind);
        data.put("schoolLevel", "SCHOOL".equals(kind) ? "SECONDARY_VOCATIONAL" : null);
        data.put("enterpriseSize", "ENTERPRISE".equals(kind) ? "MEDIUM" : null);
        data.putArray("industryChains");
        data.set("region", JSON.valueToTree(Map.of("city", "青岛市", "province", "山东省", "country", "CN")));
        data.put("overseas", false);
        data.putArray("campuses");
        data.put("createdAt", now());
        data.put("updatedAt", now());
        data.put("version", version);
        return envelope(version == 0 ? "org.zhijiao.organization.registered" : "org.zhijiao.organization.updated",
                id.toString(), data);
    }

    public static ObjectNode membership(UUID id, UUID organization, String kind, String status, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.put("id", id.toString());
        data.put("organizationId", organization.toString());
        data.put("organizationKind", kind);
        data.put("role", "MEMBER");
        data.putArray("subAlliances");
        data.put("status", status);
        data.putArray("allowedActions");
        ObjectNode step = data.putArray("history").addObject();
        step.put("status", status);
        step.put("action", "APPROVE");
        step.put("on", "2020-01-01");
        step.put("recordedAt", now());
        data.put("createdAt", "2020-01-01T00:00:00Z");
        data.put("version", version);
        String change = switch (status) {
            case "ACTIVE" -> "activated";
            case "SUSPENDED" -> "suspended";
            case "WITHDRAWN" -> "withdrawn";
            default -> "applied";
        };
        return envelope("org.zhijiao.membership." + change, id.toString(), data);
    }

    public static ObjectNode referenceItem(String code, String name, long version) {
        ObjectNode data = JSON.createObjectNode();
        data.put("kind", MemberDirectory.SPECIALTY_CLUSTERS);
        data.put("code", code);
        data.put("nameZh", name);
        data.put("version", version);
        return envelope("org.zhijiao.reference-item.defined", MemberDirectory.SPECIALTY_CLUSTERS + "/" + code, data);
    }

    private static ObjectNode envelope(String type, String subject, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", "/zhijiao/membership-service");
        event.put("type", type);
        event.put("subject", subject);
        event.put("time", now());
        event.put("datacontenttype", "application/json");
        event.set("data", data);
        return event;
    }

    /** Produces an event that must satisfy its topic's contract, as the real producer's do. */
    public static void send(String topic, ObjectNode event) {
        assertThat(EventContracts.violations(topic, event)).as(topic + " contract").isEmpty();
        sendRaw(topic, event.path("subject").asText(), event.toString());
    }

    /** Produces any record value at all, for the consumer's tests of what breaks the contract. */
    public static void sendRaw(String topic, String key, String value) {
        TopicWriter.send(topic, key, value);
    }

    /** What the service's directory knows of {@code organization} right now. */
    public static Optional<MemberDirectory.Member> member(UUID organization) {
        return QuarkusTransaction.requiringNew().call(() -> directory().find(organization));
    }

    public static boolean clusterKnown(String code) {
        try {
            QuarkusTransaction.requiringNew().run(() -> directory().requireCluster("clusterCode", code));
            return true;
        } catch (ProblemException e) {
            return false;
        }
    }

    private static MemberDirectory directory() {
        return Arc.container().instance(MemberDirectory.class).get();
    }

    public static void awaitDirectory(java.util.concurrent.Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(condition);
    }

    private static String now() {
        return OffsetDateTime.now(ZoneOffset.UTC).toString();
    }
}
