package org.zhijiao.membership.agreement;

import static org.zhijiao.membership.agreement.AgreementAction.EXPIRE;
import static org.zhijiao.membership.agreement.AgreementAction.RETURN_TO_DRAFT;
import static org.zhijiao.membership.agreement.AgreementAction.SIGN;
import static org.zhijiao.membership.agreement.AgreementAction.SUBMIT;
import static org.zhijiao.membership.agreement.AgreementAction.SUPERSEDE;
import static org.zhijiao.membership.agreement.AgreementAction.TERMINATE;
import static org.zhijiao.membership.agreement.AgreementStatus.DRAFT;
import static org.zhijiao.membership.agreement.AgreementStatus.EXPIRED;
import static org.zhijiao.membership.agreement.AgreementStatus.PENDING_SIGNATURE;
import static org.zhijiao.membership.agreement.AgreementStatus.SIGNED;
import static org.zhijiao.membership.agreement.AgreementStatus.SUPERSEDED;
import static org.zhijiao.membership.agreement.AgreementStatus.TERMINATED;

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
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.zhijiao.commons.aggregate.LifecycleAggregate;
import org.zhijiao.commons.lifecycle.Lifecycle;

/** A cooperation agreement between the group's organizations, from draft to its end. */
@Entity
@Table(name = "cooperation_agreement")
@AssociationOverride(name = "history", joinTable = @JoinTable(name = "agreement_transition",
        joinColumns = @JoinColumn(name = "agreement_id")))
public class CooperationAgreement extends LifecycleAggregate<AgreementStatus, AgreementAction> {

    public static final Lifecycle<AgreementStatus, AgreementAction> LIFECYCLE = Lifecycle
            .of("agreement", AgreementStatus.class, AgreementAction.class, DRAFT, "DRAFT")
            .allow(SUBMIT, "submitted", PENDING_SIGNATURE, DRAFT)
            .allow(RETURN_TO_DRAFT, "returned-to-draft", DRAFT, PENDING_SIGNATURE)
            .allow(SIGN, "signed", SIGNED, PENDING_SIGNATURE)
            .allow(EXPIRE, "expired", EXPIRED, SIGNED)
            .allow(TERMINATE, "terminated", TERMINATED, SIGNED)
            .allow(SUPERSEDE, "superseded", SUPERSEDED, SIGNED)
            .build();

    @Override
    protected Lifecycle<AgreementStatus, AgreementAction> lifecycle() {
        return LIFECYCLE;
    }

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementKind kind;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_party", joinColumns = @JoinColumn(name = "agreement_id"))
    @Column(name = "organization_id")
    public Set<UUID> parties = new TreeSet<>();

    @Column(length = 4000)
    public String summary;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** The agreement this one replaces once signed. */
    @Column(name = "supersedes")
    public UUID supersedes;

    /** The day it was signed, if it was. */
    public LocalDate signedOn() {
        return history.stream().filter(t -> t.status.equals(SIGNED.name())).map(t -> t.on).findFirst().orElse(null);
    }

    /** A new draft, dated {@code draftedOn}; the service fills in its terms. */
    static CooperationAgreement draft(LocalDate draftedOn, String by, LocalDate today) {
        CooperationAgreement agreement = new CooperationAgreement();
        agreement.begin(draftedOn, by, today);
        return agreement;
    }
}
