package org.zhijiao.membership.recognition;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.lifecycle.Transition;
import org.zhijiao.commons.aggregate.LifecycleAggregate;

/** An honour held by the group itself (no holder) or by one of its organizations. */
@Entity
@Table(name = "recognition")
public class Recognition extends LifecycleAggregate {

    public static final Lifecycle<RecognitionStatus, RecognitionAction> LIFECYCLE = Lifecycle
            .of("recognition", RecognitionStatus.class, RecognitionAction.class, RecognitionStatus.GRANTED)
            .allow(RecognitionAction.REVOKE, RecognitionStatus.REVOKED, RecognitionStatus.GRANTED)
            .build();

    /** Null when the group itself holds it. */
    @Column(name = "holder_organization_id")
    public UUID holderOrganizationId;

    @Column(name = "title_zh", nullable = false)
    public String titleZh;

    @Column(name = "title_en")
    public String titleEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecognitionLevel level;

    @Column(name = "granted_by")
    public String grantedBy;

    @Column(name = "awarded_on", nullable = false)
    public LocalDate awardedOn;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecognitionStatus status;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "recognition_transition", joinColumns = @JoinColumn(name = "recognition_id"))
    @OrderColumn(name = "seq")
    public List<Transition> history = new ArrayList<>();

    @Override
    protected List<Transition> history() {
        return history;
    }

    /** A new honour, GRANTED on the day it was awarded; the service fills in what it is. */
    static Recognition grant(LocalDate awardedOn, String by, LocalDate today) {
        Recognition recognition = new Recognition();
        recognition.awardedOn = awardedOn;
        recognition.status = LIFECYCLE.initial();
        recognition.begin(recognition.status, RecognitionAction.GRANT, awardedOn, by, today);
        return recognition;
    }

    public void transition(RecognitionAction action, LocalDate on, String reason, String by, LocalDate today) {
        status = step(LIFECYCLE, status, action, on, reason, by, today);
    }
}
