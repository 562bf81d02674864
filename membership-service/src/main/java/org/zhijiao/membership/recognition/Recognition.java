package org.zhijiao.membership.recognition;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.lifecycle.Transition;

/** An honour held by the group itself (no holder) or by one of its organizations. */
@Entity
@Table(name = "recognition")
public class Recognition extends PanacheEntityBase {

    public static final Lifecycle<RecognitionStatus, RecognitionAction> LIFECYCLE = Lifecycle
            .of("recognition", RecognitionStatus.class, RecognitionAction.class, RecognitionStatus.GRANTED)
            .allow(RecognitionAction.REVOKE, RecognitionStatus.REVOKED, RecognitionStatus.GRANTED)
            .build();

    @Id
    public UUID id;

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

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
