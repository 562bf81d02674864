package org.zhijiao.membership.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.LifecycleService;
import org.zhijiao.commons.aggregate.Patch;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.Cursors;
import org.zhijiao.commons.web.Ids;
import org.zhijiao.commons.web.Page;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.membership.organization.DatedAttributes;
import org.zhijiao.membership.membership.MembershipDtos.MembershipApplication;
import org.zhijiao.membership.membership.MembershipDtos.MembershipChange;
import org.zhijiao.membership.membership.MembershipDtos.MembershipView;
import org.zhijiao.membership.organization.Organization;
import org.zhijiao.membership.organization.OrganizationKind;
import org.zhijiao.membership.reference.ReferenceDataService;
import org.zhijiao.membership.reference.ReferenceKind;

@ApplicationScoped
public class MembershipService extends LifecycleService<Membership, MembershipAction, MembershipView> {

    public MembershipService() {
        super(new AggregateKind<>("Membership", Membership.class, Topics.MEMBERSHIPS, "membership",
                MembershipView::of));
    }

    /** States in which an organization already has a membership and may not apply again. */
    private static final Set<MembershipStatus> OPEN = EnumSet.of(MembershipStatus.APPLIED,
            MembershipStatus.UNDER_REVIEW, MembershipStatus.ACTIVE, MembershipStatus.SUSPENDED);

    @Inject
    ReferenceDataService referenceData;

    /** Filters of the membership list; null means "any". With {@code asOf}, statuses are those of that day. */
    public record Filter(LocalDate asOf, Set<MembershipStatus> statuses, MembershipRole role, OrganizationKind kind,
            String subAlliance, UUID organizationId) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<MembershipView> list(Filter filter, String cursor, int limit) {
        String statusExpr = filter.asOf() == null ? "m.status" : "s.status";
        StringBuilder sql = new StringBuilder("SELECT m.id, ").append(statusExpr).append(" FROM membership m");
        Map<String, Object> params = new HashMap<>();
        if (filter.asOf() != null) {
            sql.append(" JOIN LATERAL (SELECT t.status FROM membership_transition t WHERE t.membership_id = m.id"
                    + " AND t.effective_on <= :asOf ORDER BY t.seq DESC LIMIT 1) s ON true");
            params.put("asOf", filter.asOf());
        }
        sql.append(" WHERE 1 = 1");
        UUID after = Cursors.decode(cursor);
        if (after != null) {
            sql.append(" AND m.id > :after");
            params.put("after", after);
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            sql.append(" AND ").append(statusExpr).append(" IN (:statuses)");
            params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.role() != null) {
            sql.append(" AND m.role = :role");
            params.put("role", filter.role().name());
        }
        if (filter.kind() != null) {
            sql.append(" AND m.organization_kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.organizationId() != null) {
            sql.append(" AND m.organization_id = :org");
            params.put("org", filter.organizationId());
        }
        if (filter.subAlliance() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM membership_sub_alliance a WHERE a.membership_id = m.id"
                    + " AND a.alliance_code = :alliance)");
            params.put("alliance", filter.subAlliance());
        }
        sql.append(" ORDER BY m.id LIMIT :limit");
        params.put("limit", limit + 1);
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<UUID, MembershipStatus> statusById = new LinkedHashMap<>();
        rows.forEach(row -> statusById.put((UUID) row[0], MembershipStatus.valueOf((String) row[1])));
        Map<UUID, Membership> loaded = statusById.isEmpty() ? Map.of()
                : Membership.<Membership>list("id in ?1", statusById.keySet()).stream()
                        .collect(Collectors.toMap(m -> m.id, Function.identity()));
        List<UUID> ids = new ArrayList<>(statusById.keySet());
        Page<UUID> page = Cursors.page(ids, limit, Function.identity());
        return page.map(id -> MembershipView.of(loaded.get(id), filter.asOf() == null ? null : statusById.get(id)));
    }

    @Transactional
    public MembershipView apply(MembershipApplication application, String by) {
        Organization organization = Organization.<Organization>findByIdOptional(application.organizationId())
                .orElseThrow(() -> ProblemException.unprocessable("organizationId",
                        "no organization " + application.organizationId() + " is registered"));
        if (Membership.count("organizationId = ?1 and status in ?2", organization.id, OPEN) > 0) {
            throw ProblemException.conflict("organizationId",
                    "organization " + organization.id + " already has an open membership");
        }
        Set<String> alliances = application.subAlliances() == null ? Set.of() : application.subAlliances();
        referenceData.requireUsable(ReferenceKind.SUB_ALLIANCES, alliances, "subAlliances");
        Membership membership = Membership.apply(Ids.newId(), organization.id, organization.kind, application.role(),
                alliances, application.appliedOn(), by, today());
        return create(membership, "applied");
    }

    @Transactional
    public MembershipView change(UUID id, MembershipChange change, String ifMatch) {
        return edit(id, ifMatch, membership -> {
            Patch.given(change.role(), v -> membership.role = v);
            if (change.subAlliances() != null) {
                referenceData.requireUsable(ReferenceKind.SUB_ALLIANCES, change.subAlliances(), "subAlliances");
                Patch.replace(membership.subAlliances, change.subAlliances());
                // the same list back when nothing changed, so an unchanged PATCH publishes nothing
                membership.subAllianceHistory = DatedAttributes.append(membership.subAllianceHistory,
                        from -> new SubAllianceVersion(from, List.copyOf(membership.subAlliances)),
                        SubAllianceVersion::from, SubAllianceVersion::sameAlliances, change.effectiveOn(), today(),
                        "effectiveOn");
            }
        });
    }
}
