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
import jakarta.persistence.Embedded;
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
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.lifecycle.Lifecycle;

/** A studio, factory-in-school, training center or off-campus base, co-built by its host organizations. */
@Entity
@Table(name = "facility")
public class Facility extends LifecycleEntity<FacilityStatus, FacilityAction> {

    public static final Lifecycle<FacilityStatus, FacilityAction> LIFECYCLE = Lifecycle
            .of("facility", FacilityStatus.class, FacilityAction.class, PLANNED, "PLAN")
            .allow(ESTABLISH, "established", OPERATIONAL, PLANNED)
            .allow(SUSPEND, "suspended", SUSPENDED, OPERATIONAL)
            .allow(RESUME, "resumed", OPERATIONAL, SUSPENDED)
            .allow(CLOSE, "closed", CLOSED, PLANNED, OPERATIONAL, SUSPENDED)
            .build();

    @Override
    protected Lifecycle<FacilityStatus, FacilityAction> lifecycle() {
        return LIFECYCLE;
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FacilityType type;

    @Embedded
    public BilingualName name;

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

    public static Facility plan(LocalDate plannedOn, String by, LocalDate today) {
        Facility facility = new Facility();
        facility.begin(plannedOn, by, today);
        return facility;
    }
}
