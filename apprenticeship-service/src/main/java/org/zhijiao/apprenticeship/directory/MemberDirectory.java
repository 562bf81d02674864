package org.zhijiao.apprenticeship.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.zhijiao.commons.problem.ProblemException;

/**
 * The organizations this service may refer to, read from the local replica of the membership
 * topics. A reference to an organization that is unknown, not an active member, or of the wrong
 * kind is a 422 that names the field and says which of these it is.
 */
@ApplicationScoped
public class MemberDirectory {

    public static final String SPECIALTY_CLUSTERS = "specialty-clusters";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** What the directory knows of an organization: kind, name and its latest membership status. */
    public record Member(UUID id, OrganizationKind kind, String nameZh, String membershipStatus) {

        public boolean isActive() {
            return "ACTIVE".equals(membershipStatus);
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Member> find(UUID organizationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT COALESCE(o.kind, m.organization_kind), o.name_zh, m.status
                        FROM (SELECT CAST(?1 AS uuid) AS id) q
                        LEFT JOIN directory_organization o ON o.id = q.id
                        LEFT JOIN LATERAL (SELECT dm.organization_kind, dm.status FROM directory_membership dm
                            WHERE dm.organization_id = q.id ORDER BY dm.created_at DESC, dm.id DESC LIMIT 1) m ON true
                        WHERE o.id IS NOT NULL OR m.status IS NOT NULL""")
                .setParameter(1, organizationId)
                .getResultList();
        return rows.stream().findFirst().map(row -> new Member(organizationId, OrganizationKind.valueOf((String) row[0]),
                (String) row[1], (String) row[2]));
    }

    /** Fails with a 422 on {@code field} unless the organization is an active member of one of {@code kinds}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Member requireActive(String field, UUID organizationId, Set<OrganizationKind> kinds) {
        Member member = find(organizationId).orElseThrow(() -> ProblemException.unprocessable(field,
                "organization " + organizationId + " is unknown to the member directory"));
        if (!kinds.contains(member.kind())) {
            throw ProblemException.unprocessable(field, "organization " + organizationId + " is of kind " + member.kind()
                    + ", expected " + (kinds.size() == 1 ? kinds.iterator().next() : "one of " + kinds));
        }
        if (!member.isActive()) {
            throw ProblemException.unprocessable(field, "organization " + organizationId + " is not an active member"
                    + (member.membershipStatus() == null ? " (it has no membership)"
                            : " (its membership is " + member.membershipStatus() + ")"));
        }
        return member;
    }

    public Member requireSchool(String field, UUID organizationId) {
        return requireActive(field, organizationId, EnumSet.of(OrganizationKind.SCHOOL));
    }

    public Member requireEnterprise(String field, UUID organizationId) {
        return requireActive(field, organizationId, EnumSet.of(OrganizationKind.ENTERPRISE));
    }

    /** Fails with a 422 on {@code field} unless {@code code} is a specialty cluster in use today. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireCluster(String field, String code) {
        @SuppressWarnings("unchecked")
        List<LocalDate> retired = em.createNativeQuery(
                        "SELECT retired_on FROM directory_reference_item WHERE kind = ?1 AND code = ?2", LocalDate.class)
                .setParameter(1, SPECIALTY_CLUSTERS)
                .setParameter(2, code)
                .getResultList();
        if (retired.isEmpty()) {
            throw ProblemException.unprocessable(field, "unknown specialty cluster " + code);
        }
        LocalDate retiredOn = retired.get(0);
        if (retiredOn != null && !retiredOn.isAfter(LocalDate.now(clock))) {
            throw ProblemException.unprocessable(field, "specialty cluster " + code + " was retired on " + retiredOn);
        }
    }

    /** True when nothing has been replicated yet (a new or wiped database). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isEmpty() {
        return ((Number) em.createNativeQuery("""
                SELECT (SELECT count(*) FROM directory_organization) + (SELECT count(*) FROM directory_membership)
                     + (SELECT count(*) FROM directory_reference_item)""").getSingleResult()).longValue() == 0;
    }
}
