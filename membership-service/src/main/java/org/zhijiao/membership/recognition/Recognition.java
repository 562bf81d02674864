package org.zhijiao.membership.recognition;

import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.aggregate.LifecycleAggregate;

/** An honour held by the group itself (no holder) or by one of its organizations. */
@Entity
@Table(name = "recognition")
@AssociationOverride(name = "history", joinTable = @JoinTable(name = "recognition_transition",
        joinColumns = @JoinColumn(name = "recognition_id")))
public class Recognition extends LifecycleAggregate<RecognitionStatus, RecognitionAction> {

    public static final Lifecycle<RecognitionStatus, RecognitionAction> LIFECYCLE = Lifecycle
            .of("recognition", RecognitionStatus.class, RecognitionAction.class, RecognitionStatus.GRANTED,
                    "GRANT")
            .allow(RecognitionAction.REVOKE, "revoked", RecognitionStatus.REVOKED, RecognitionStatus.GRANTED)
            .build();

    @Override
    protected Lifecycle<RecognitionStatus, RecognitionAction> lifecycle() {
        return LIFECYCLE;
    }

    /** Null when the group itself holds it. */
    @Column(name = "holder_organization_id")
    public UUID holderOrganizationId;

    @Embedded
    @AttributeOverride(name = "zh", column = @Column(name = "title_zh", nullable = false))
    @AttributeOverride(name = "en", column = @Column(name = "title_en"))
    public BilingualName title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecognitionLevel level;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "awarded_on", nullable = false)
    public LocalDate awardedOn;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** A new honour, GRANTED on the day it was awarded; the service fills in what it is. */
    static Recognition grant(LocalDate awardedOn, String by, LocalDate today) {
        Recognition recognition = new Recognition();
        recognition.awardedOn = awardedOn;
        recognition.begin(awardedOn, by, today);
        return recognition;
    }
}
