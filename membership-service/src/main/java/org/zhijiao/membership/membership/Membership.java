package org.zhijiao.membership.membership;

import static org.zhijiao.membership.membership.MembershipAction.APPROVE;
import static org.zhijiao.membership.membership.MembershipAction.EXPEL;
import static org.zhijiao.membership.membership.MembershipAction.REINSTATE;
import static org.zhijiao.membership.membership.MembershipAction.REJECT;
import static org.zhijiao.membership.membership.MembershipAction.REVIEW;
import static org.zhijiao.membership.membership.MembershipAction.SUSPEND;
import static org.zhijiao.membership.membership.MembershipAction.WITHDRAW;
import static org.zhijiao.membership.membership.MembershipStatus.ACTIVE;
import static org.zhijiao.membership.membership.MembershipStatus.APPLIED;
import static org.zhijiao.membership.membership.MembershipStatus.EXPELLED;
import static org.zhijiao.membership.membership.MembershipStatus.REJECTED;
import static org.zhijiao.membership.membership.MembershipStatus.SUSPENDED;
import static org.zhijiao.membership.membership.MembershipStatus.UNDER_REVIEW;
import static org.zhijiao.membership.membership.MembershipStatus.WITHDRAWN;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.zhijiao.commons.aggregate.LifecycleAggregate;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.membership.organization.OrganizationKind;

/** An organization's membership of the group, with every dated step of its lifecycle. */
@Entity
@Table(name = "membership")
@AssociationOverride(name = "history", joinTable = @JoinTable(name = "membership_transition",
        joinColumns = @JoinColumn(name = "membership_id")))
public class Membership extends LifecycleAggregate<MembershipStatus, MembershipAction> {

    public static final Lifecycle<MembershipStatus, MembershipAction> LIFECYCLE = Lifecycle
            .of("membership", MembershipStatus.class, MembershipAction.class, APPLIED, "APPLY")
            .allow(REVIEW, "under-review", UNDER_REVIEW, APPLIED)
            .allow(APPROVE, "activated", ACTIVE, UNDER_REVIEW)
            .allow(REJECT, "rejected", REJECTED, APPLIED, UNDER_REVIEW)
            .allow(SUSPEND, "suspended", SUSPENDED, ACTIVE)
            .allow(REINSTATE, "reinstated", ACTIVE, SUSPENDED)
            .allow(WITHDRAW, "withdrawn", WITHDRAWN, APPLIED, UNDER_REVIEW, ACTIVE, SUSPENDED)
            .allow(EXPEL, "expelled", EXPELLED, ACTIVE, SUSPENDED)
            .build();

    @Override
    protected Lifecycle<MembershipStatus, MembershipAction> lifecycle() {
        return LIFECYCLE;
    }

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    /** Copied from the organization so consumers can slice members by kind without a join. */
    @Enumerated(EnumType.STRING)
    @Column(name = "organization_kind", nullable = false)
    public OrganizationKind organizationKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipRole role;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "membership_sub_alliance", joinColumns = @JoinColumn(name = "membership_id"))
    @Column(name = "alliance_code")
    public Set<String> subAlliances = new TreeSet<>();

    /** The sub-alliances as dated versions (the current ones last). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "sub_alliance_history", nullable = false)
    public List<SubAllianceVersion> subAllianceHistory = new ArrayList<>();

    /** A new application, dated {@code appliedOn}. */
    public static Membership apply(UUID id, UUID organizationId, OrganizationKind kind, MembershipRole role,
            Set<String> subAlliances, LocalDate appliedOn, String by, LocalDate today) {
        Membership membership = new Membership();
        membership.id = id;
        membership.organizationId = organizationId;
        membership.organizationKind = kind;
        membership.role = role;
        membership.subAlliances = new TreeSet<>(subAlliances);
        membership.subAllianceHistory = new ArrayList<>(List.of(new SubAllianceVersion(null, List.copyOf(membership.subAlliances))));
        membership.begin(appliedOn, by, today);
        return membership;
    }
}
