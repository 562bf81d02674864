package org.zhijiao.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.testing.EventContracts;
import org.zhijiao.testing.TopicWriter;

/**
 * Builds events shaped exactly like the producers' (each checked against its docs/events contract
 * before it is sent) and puts them on the real topics, as the producing services' outbox relays do.
 */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    /** A lifecycle step: state entered by an action on a day. */
    record Step(String status, String action, LocalDate on) {
    }

    static Step step(String status, String action, String on) {
        return new Step(status, action, LocalDate.parse(on));
    }

    static ObjectNode organization(UUID id, String kind, String schoolLevel, List<String> chains, String city,
            String country, long version) {
        ObjectNode data = JSON.createObjectNode().put("id", id.toString()).put("nameZh", "组织" + id.toString().substring(0, 8))
                .put("nameEn", (String) null).put("kind", kind).put("schoolLevel", schoolLevel)
                .put("enterpriseSize", "ENTERPRISE".equals(kind) ? "MEDIUM" : null);
        data.putNull("creditCode");
        chains.forEach(data.putArray("industryChains")::add);
        if (chains.isEmpty()) {
            data.putArray("industryChains");
        }
        data.putObject("region").put("city", city).put("province", "CN".equals(country) ? "山东省" : null)
                .put("country", country);
        data.put("overseas", !"CN".equals(country));
        data.putArray("campuses");
        data.put("createdAt", "2020-01-01T00:00:00Z").put("updatedAt", "2020-01-01T00:00:00Z").put("version", version);
        return envelope(Topics.ORGANIZATIONS, version == 0 ? "org.zhijiao.organization.registered"
                : "org.zhijiao.organization.updated", id.toString(), data);
    }

    /** Attributes of an organization in force from a day (null: since ever). */
    record Attributes(LocalDate from, String kind, List<String> chains, String country) {
    }

    /** An organization with dated attributes, as membership-service publishes them; the last version is current. */
    static ObjectNode organization(UUID id, List<Attributes> versions, long version) {
        Attributes current = versions.get(versions.size() - 1);
        ObjectNode event = organization(id, current.kind(), current.kind().equals("SCHOOL") ? "SECONDARY_VOCATIONAL" : null,
                current.chains(), "城市", current.country(), version);
        ObjectNode data = (ObjectNode) event.path("data");
        ArrayNode history = data.putArray("attributeHistory");
        for (Attributes a : versions) {
            ObjectNode item = history.addObject().put("from", a.from() == null ? null : a.from().toString())
                    .put("kind", a.kind()).put("schoolLevel", a.kind().equals("SCHOOL") ? "SECONDARY_VOCATIONAL" : null)
                    .put("enterpriseSize", a.kind().equals("ENTERPRISE") ? "MEDIUM" : null);
            a.chains().forEach(item.putArray("industryChains")::add);
            if (a.chains().isEmpty()) {
                item.putArray("industryChains");
            }
            item.putObject("region").put("city", "城市").put("province", "CN".equals(a.country()) ? "山东省" : null)
                    .put("country", a.country());
            item.put("overseas", !"CN".equals(a.country()));
        }
        assertThat(EventContracts.violations(Topics.ORGANIZATIONS, event)).as(event.toString()).isEmpty();
        return event;
    }

    /** Sub-alliances in force from a day (null: since ever). */
    record AllianceVersion(LocalDate from, List<String> codes) {
    }

    /** A membership with dated sub-alliances, in date order; the last version is current. */
    static ObjectNode membership(UUID id, UUID organization, String kind, List<AllianceVersion> alliances,
            List<Step> steps, boolean dated) {
        ObjectNode event = membership(id, organization, kind, alliances.get(alliances.size() - 1).codes(), steps);
        ArrayNode history = ((ObjectNode) event.path("data")).putArray("subAllianceHistory");
        for (AllianceVersion a : alliances) {
            ObjectNode item = history.addObject().put("from", a.from() == null ? null : a.from().toString());
            ArrayNode codes = item.putArray("subAlliances");
            a.codes().forEach(codes::add);
        }
        assertThat(EventContracts.violations(Topics.MEMBERSHIPS, event)).as(event.toString()).isEmpty();
        return event;
    }

    static ObjectNode membership(UUID id, UUID organization, String kind, List<String> subAlliances, List<Step> steps) {
        ObjectNode data = JSON.createObjectNode().put("id", id.toString()).put("organizationId", organization.toString())
                .put("organizationKind", kind).put("role", "MEMBER");
        ArrayNode alliances = data.putArray("subAlliances");
        subAlliances.forEach(alliances::add);
        lifecycle(data, steps);
        data.putArray("allowedActions");
        return envelope(Topics.MEMBERSHIPS, "org.zhijiao.membership." + change(steps), id.toString(), data);
    }

    static ObjectNode referenceItem(String kind, String code, LocalDate retiredOn, long version) {
        return referenceItem(kind, code, "参考" + code, code, retiredOn, version);
    }

    static ObjectNode referenceItem(String kind, String code, String nameZh, String nameEn, LocalDate retiredOn,
            long version) {
        ObjectNode data = JSON.createObjectNode().put("kind", kind).put("code", code).put("nameZh", nameZh)
                .put("nameEn", nameEn).put("retiredOn", retiredOn == null ? null : retiredOn.toString())
                .put("version", version);
        return envelope(Topics.REFERENCE_DATA, version == 0 ? "org.zhijiao.reference-item.defined"
                : "org.zhijiao.reference-item.updated", kind + "/" + code, data);
    }

    static ObjectNode recognition(UUID id, String level, boolean heldByGroup, List<Step> steps) {
        ObjectNode data = JSON.createObjectNode().put("id", id.toString()).put("heldByGroup", heldByGroup)
                .put("titleZh", "荣誉" + id.toString().substring(0, 6)).put("titleEn", "Honour").put("level", level)
                .put("awardedOn", steps.get(0).on().toString());
        data.putNull("holderOrganizationId");
        lifecycle(data, steps);
        return envelope(Topics.RECOGNITIONS, "org.zhijiao.recognition." + change(steps), id.toString(), data);
    }

    static ObjectNode cohort(UUID id, UUID school, String name, int batch, List<UUID> enterprises, List<Step> steps) {
        ObjectNode data = JSON.createObjectNode().put("id", id.toString()).put("programId", UUID.randomUUID().toString())
                .put("schoolId", school.toString()).put("nameZh", name).put("batchNumber", batch)
                .put("startsOn", "2022-09-01").put("totalPlaces", enterprises.size() * 2);
        data.putNull("previousCohortId");
        ArrayNode list = data.putArray("enterprises");
        enterprises.forEach(e -> list.addObject().put("enterpriseId", e.toString()).put("places", 2));
        lifecycle(data, steps);
        data.putArray("allowedActions");
        return envelope(Topics.COHORTS, "org.zhijiao.cohort." + change(steps), id.toString(), data);
    }

    /** An enrollment; {@code mentor} (name) is assigned from the first step when given. */
    static ObjectNode enrollment(UUID id, UUID cohort, UUID enterprise, boolean inProbation, String withdrawalReason,
            String mentor, List<Step> steps) {
        ObjectNode data = JSON.createObjectNode().put("id", id.toString()).put("cohortId", cohort.toString())
                .put("programId", UUID.randomUUID().toString()).put("schoolId", UUID.randomUUID().toString())
                .put("enterpriseId", enterprise.toString()).put("inProbation", inProbation)
                .put("withdrawalReason", withdrawalReason);
        data.putNull("continuesEnrollmentId");
        data.putObject("student").put("studentNumber", "S" + id.toString().substring(0, 8)).put("nameZh", "学生（虚构）");
        ObjectNode agreement = data.putObject("agreement").put("version", 1).put("fullyConfirmed", false);
        agreement.putArray("sections");
        agreement.putArray("revisions");
        ArrayNode assignments = data.putArray("assignments");
        if (mentor != null) {
            assignments.addObject().put("role", "MENTOR").put("name", mentor).put("staffNumber", mentor)
                    .put("from", steps.get(0).on().toString()).putNull("until");
        }
        lifecycle(data, steps);
        data.putArray("allowedActions");
        String last = steps.get(steps.size() - 1).status();
        return envelope(Topics.ENROLLMENTS, "org.zhijiao.enrollment." + (steps.size() == 1 ? "created"
                : last.equals("ACTIVE") ? "started" : change(steps)), id.toString(), data);
    }

    static ObjectNode facility(UUID id, String type, String level, List<Step> steps) {
        ObjectNode data = JSON.createObjectNode().put("id", id.toString()).put("type", type).put("nameZh", "设施")
                .put("level", level).put("capacity", 30);
        data.putArray("hostOrganizationIds").add(UUID.randomUUID().toString());
        lifecycle(data, steps);
        data.putArray("allowedActions");
        return envelope(Topics.FACILITIES, "org.zhijiao.facility." + change(steps), id.toString(), data);
    }

    /** A specialty offered from {@code offeredOn} with designations (level, from, until-or-null). */
    static ObjectNode specialty(UUID id, String cluster, LocalDate offeredOn, List<String[]> designations, long version) {
        ObjectNode data = JSON.createObjectNode().put("id", id.toString()).put("schoolId", UUID.randomUUID().toString())
                .put("code", "710201").put("nameZh", "专业").put("clusterCode", cluster);
        ArrayNode list = data.putArray("designations");
        for (String[] d : designations) {
            list.addObject().put("id", UUID.randomUUID().toString()).put("level", d[0]).put("kind", "DEMONSTRATION")
                    .put("from", d[1]).put("until", d[2]);
        }
        lifecycle(data, List.of(new Step("OFFERED", "OFFER", offeredOn)));
        data.put("version", version);
        data.putArray("allowedActions");
        return envelope(Topics.SPECIALTIES, version == 0 ? "org.zhijiao.specialty.offered"
                : "org.zhijiao.specialty.designated", id.toString(), data);
    }

    private static void lifecycle(ObjectNode data, List<Step> steps) {
        ArrayNode history = data.putArray("history");
        for (Step s : steps) {
            history.addObject().put("status", s.status()).put("action", s.action()).put("on", s.on().toString())
                    .putNull("reason").put("recordedAt", s.on() + "T08:00:00Z").put("recordedBy", "test");
        }
        data.put("status", steps.get(steps.size() - 1).status());
        data.put("createdAt", steps.get(0).on() + "T08:00:00Z");
        data.put("version", steps.size() - 1);
    }

    private static String change(List<Step> steps) {
        return steps.size() == 1 ? firstChange(steps.get(0).status()) : actionChange(steps.get(steps.size() - 1));
    }

    private static String firstChange(String status) {
        return switch (status) {
            case "APPLIED" -> "applied";
            case "GRANTED" -> "granted";
            case "PLANNED" -> "planned";
            case "PENDING_AGREEMENT" -> "created";
            default -> "changed";
        };
    }

    private static String actionChange(Step step) {
        return switch (step.status()) {
            case "UNDER_REVIEW" -> "under-review";
            case "ACTIVE" -> step.action().equals("REINSTATE") ? "reinstated"
                    : step.action().equals("START") ? "started" : "activated";
            case "REVOKED" -> "revoked";
            case "RECRUITING" -> "recruitment-opened";
            case "OPERATIONAL" -> step.action().equals("RESUME") ? "resumed" : "established";
            case "PAUSED" -> "paused";
            default -> step.status().toLowerCase().replace('_', '-');
        };
    }

    static ObjectNode envelope(String topic, String type, String subject, ObjectNode data) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", topic.startsWith("zhijiao.membership") ? "/zhijiao/membership-service"
                        : "/zhijiao/apprenticeship-service")
                .put("type", type).put("subject", subject)
                .put("time", OffsetDateTime.now(ZoneOffset.UTC).toString()).put("datacontenttype", "application/json");
        event.set("data", data);
        assertThat(EventContracts.violations(topic, event)).as(event.toString()).isEmpty();
        return event;
    }

    /** Sends and waits for the broker's acknowledgement; returns where the record was written. */
    static RecordMetadata send(String topic, ObjectNode event) {
        return sendRaw(topic, event.path("subject").asText(), event.toString());
    }

    /** As the relay sends an event written in a trace: with the W3C {@code traceparent} header. */
    static void send(String topic, ObjectNode event, String traceparent) {
        sendRaw(topic, event.path("subject").asText(), event.toString(), traceparent);
    }

    static RecordMetadata sendRaw(String topic, String key, String value) {
        return sendRaw(topic, key, value, null);
    }

    static RecordMetadata sendRaw(String topic, String key, String value, String traceparent) {
        return TopicWriter.send(topic, key, value, traceparent);
    }

    /** Sends without waiting for the acknowledgement: for a steady load. */
    static void sendAsync(String topic, ObjectNode event) {
        TopicWriter.sendAsync(topic, event.path("subject").asText(), event.toString());
    }

    /** Sends without waiting for each acknowledgement, then flushes: for bulk histories. */
    static void sendAll(String topic, List<ObjectNode> events) {
        for (ObjectNode event : events) {
            sendAsync(topic, event);
        }
        TopicWriter.flush();
    }
}
