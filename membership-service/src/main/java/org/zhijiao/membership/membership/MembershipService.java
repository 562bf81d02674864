package org.zhijiao.membership.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.IdQuery;
import org.zhijiao.commons.aggregate.ListFilter;
import org.zhijiao.commons.aggregate.LifecycleService;
import org.zhijiao.commons.aggregate.Patch;
import org.zhijiao.commons.problem.ProblemException;
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

    /**
     * Filters of the membership list; null means "any". With {@code asOf}, only memberships that existed on that
     * day, and statuses are those of that day: the last step effective on or before it.
     */
    public record Filter(LocalDate asOf, Set<MembershipStatus> statuses, MembershipRole role, OrganizationKind kind,
            String subAlliance, UUID organizationId) implements ListFilter {

        @Override
        public IdQuery query() {
            String status = asOf == null ? "t.status" : "(SELECT h.status FROM membership_transition h"
                    + " WHERE h.membership_id = t.id AND h.effective_on <= :asOf ORDER BY h.seq DESC LIMIT 1)";
            return IdQuery.from("membership")
                    .and("EXISTS (SELECT 1 FROM membership_transition h WHERE h.membership_id = t.id"
                            + " AND h.effective_on <= :asOf)", "asOf", asOf)
                    .and(status + " IN (:statuses)", "statuses",
                            statuses == null || statuses.isEmpty() ? null : statuses.stream().map(Enum::name).toList())
                    .and("t.role = :role", "role", role)
                    .and("t.organization_kind = :kind", "kind", kind)
                    .and("t.organization_id = :org", "org", organizationId)
                    .and("EXISTS (SELECT 1 FROM membership_sub_alliance a WHERE a.membership_id = t.id"
                            + " AND a.alliance_code = :alliance)", "alliance", subAlliance);
        }
    }

    /** One page of the memberships {@code filter} lets through; with {@code asOf}, each says its status that day. */
    @Transactional
    public Page<MembershipView> list(Filter filter, String cursor, int limit) {
        return filter.query().page(em, Membership.class, cursor, limit).map(membership -> MembershipView.of(membership,
                filter.asOf() == null ? null : membership.statusOn(filter.asOf())));
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
