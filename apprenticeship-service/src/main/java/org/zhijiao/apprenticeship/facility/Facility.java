package org.zhijiao.apprenticeship.facility;

import static org.zhijiao.apprenticeship.facility.FacilityAction.CLOSE;
import static org.zhijiao.apprenticeship.facility.FacilityAction.ESTABLISH;
import static org.zhijiao.apprenticeship.facility.FacilityAction.RESUME;
import static org.zhijiao.apprenticeship.facility.FacilityAction.SUSPEND;
import static org.zhijiao.apprenticeship.facility.FacilityStatus.CLOSED;
import static org.zhijiao.apprenticeship.facility.FacilityStatus.OPERATIONAL;
import static org.zhijiao.apprenticeship.facility.FacilityStatus.PLANNED;
import static org.zhijiao.apprenticeship.facility.FacilityStatus.SUSPENDED;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.zhijiao.apprenticeship.common.LifecycleEntity;
import org.zhijiao.commons.lifecycle.Lifecycle;

/** A studio, factory-in-school, training center or off-campus base, co-built by its host organizations. */
@Entity
@Table(name = "facility")
public class Facility extends LifecycleEntity {

    public static final Lifecycle<FacilityStatus, FacilityAction> LIFECYCLE = Lifecycle
            .of("facility", FacilityStatus.class, FacilityAction.class, PLANNED)
            .allow(ESTABLISH, OPERATIONAL, PLANNED)
            .allow(SUSPEND, SUSPENDED, OPERATIONAL)
            .allow(RESUME, OPERATIONAL, SUSPENDED)
            .allow(CLOSE, CLOSED, PLANNED, OPERATIONAL, SUSPENDED)
            .build();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FacilityType type;

    @Column(name = "name_zh", nullable = false)
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @ElementCollection
    @CollectionTable(name = "facility_host", joinColumns = @JoinColumn(name = "facility_id"))
    @Column(name = "organization_id")
    @BatchSize(size = 200)
    public Set<UUID> hostOrganizationIds = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FacilityLevel level;

    @Column(nullable = false)
    public int capacity;

    @Column(length = 200)
    public String focus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FacilityStatus status;

    public static Facility plan(LocalDate plannedOn, String by, LocalDate today) {
        Facility facility = new Facility();
        facility.status = LIFECYCLE.initial();
        facility.begin(PLANNED, Started.PLAN, plannedOn, by, today);
        return facility;
    }

    public void transition(FacilityAction action, LocalDate on, String reason, String by, LocalDate today) {
        status = step(LIFECYCLE, status, action, on, reason, by, today);
    }

    /** The action recorded for the first step, which no client performs. */
    enum Started {
        PLAN
    }
}
