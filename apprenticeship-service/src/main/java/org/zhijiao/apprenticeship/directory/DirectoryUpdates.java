package org.zhijiao.apprenticeship.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Set;
import org.zhijiao.apprenticeship.directory.DirectoryEvents.MembershipData;
import org.zhijiao.apprenticeship.directory.DirectoryEvents.OrganizationData;
import org.zhijiao.apprenticeship.directory.DirectoryEvents.ReferenceItemData;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.commons.consumer.CloudEvents;
import org.zhijiao.commons.consumer.Inbox;
import org.zhijiao.commons.consumer.MalformedEventException;
import org.zhijiao.commons.events.CloudEvent;

/**
 * Applies one membership event to the replica, in one transaction with its inbox record: a
 * redelivered event changes nothing, and a row only ever moves to a newer version, so events may
 * arrive twice or out of order.
 */
@ApplicationScoped
public class DirectoryUpdates {

    private static final Set<String> MEMBERSHIP_STATUSES = Set.of("APPLIED", "UNDER_REVIEW", "ACTIVE", "SUSPENDED",
            "WITHDRAWN", "EXPELLED", "REJECTED");

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    Inbox inbox;

    /** True when the event changed the replica; false for a duplicate or an outdated version. */
    @Transactional
    public boolean apply(String topic, CloudEvent event) {
        if (!inbox.firstDelivery(topic, event)) {
            return false;
        }
        return switch (topic) {
            case Topics.ORGANIZATIONS -> organization(event);
            case Topics.MEMBERSHIPS -> membership(event);
            case Topics.REFERENCE_DATA -> referenceItem(event);
            default -> throw new MalformedEventException("not a membership topic: " + topic);
        };
    }

    private boolean organization(CloudEvent event) {
        requireType(event, "org.zhijiao.organization.");
        OrganizationData data = CloudEvents.data(mapper, event, OrganizationData.class);
        require(data.id() != null && data.id().toString().equals(event.subject()), "data.id must equal the subject");
        require(data.kind() != null, "data.kind is required");
        require(data.nameZh() != null && !data.nameZh().isBlank(), "data.nameZh is required");
        return upsert("""
                        INSERT INTO directory_organization (id, kind, name_zh, name_en, version, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name_zh = EXCLUDED.name_zh,
                            name_en = EXCLUDED.name_en, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                        WHERE directory_organization.version < EXCLUDED.version""",
                data.id(), data.kind().name(), data.nameZh(), data.nameEn(), data.version(), OffsetDateTime.now());
    }

    private boolean membership(CloudEvent event) {
        requireType(event, "org.zhijiao.membership.");
        MembershipData data = CloudEvents.data(mapper, event, MembershipData.class);
        require(data.id() != null && data.id().toString().equals(event.subject()), "data.id must equal the subject");
        require(data.organizationId() != null, "data.organizationId is required");
        require(data.organizationKind() != null, "data.organizationKind is required");
        require(data.createdAt() != null, "data.createdAt is required");
        require(MEMBERSHIP_STATUSES.contains(data.status()), "data.status must be one of " + MEMBERSHIP_STATUSES);
        return upsert("""
                        INSERT INTO directory_membership (id, organization_id, organization_kind, status, created_at, version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (id) DO UPDATE SET organization_kind = EXCLUDED.organization_kind,
                            status = EXCLUDED.status, version = EXCLUDED.version
                        WHERE directory_membership.version < EXCLUDED.version""",
                data.id(), data.organizationId(), data.organizationKind().name(), data.status(), data.createdAt(), data.version());
    }

    private boolean referenceItem(CloudEvent event) {
        requireType(event, "org.zhijiao.reference-item.");
        ReferenceItemData data = CloudEvents.data(mapper, event, ReferenceItemData.class);
        require(data.kind() != null && data.code() != null && event.subject().equals(data.kind() + "/" + data.code()),
                "data.kind/data.code must equal the subject");
        require(data.nameZh() != null, "data.nameZh is required");
        return upsert("""
                        INSERT INTO directory_reference_item (kind, code, name_zh, name_en, retired_on, version)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (kind, code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                            retired_on = EXCLUDED.retired_on, version = EXCLUDED.version
                        WHERE directory_reference_item.version < EXCLUDED.version""",
                data.kind(), data.code(), data.nameZh(), data.nameEn(), data.retiredOn(), data.version());
    }

    /** Runs an upsert with {@code values} as ?1, ?2, …; true when it wrote a row (a newer version). */
    private boolean upsert(String sql, Object... values) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < values.length; i++) {
            query.setParameter(i + 1, values[i]);
        }
        return query.executeUpdate() == 1;
    }

    private static void requireType(CloudEvent event, String prefix) {
        require(event.type().startsWith(prefix), "type " + event.type() + " is not " + prefix + "*");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new MalformedEventException(message);
        }
    }
}
