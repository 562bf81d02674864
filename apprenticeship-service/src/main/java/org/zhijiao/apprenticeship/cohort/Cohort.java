package org.zhijiao.apprenticeship.cohort;

import static org.zhijiao.apprenticeship.cohort.CohortAction.CANCEL;
import static org.zhijiao.apprenticeship.cohort.CohortAction.CLOSE;
import static org.zhijiao.apprenticeship.cohort.CohortAction.OPEN_RECRUITMENT;
import static org.zhijiao.apprenticeship.cohort.CohortAction.START;
import static org.zhijiao.apprenticeship.cohort.CohortStatus.ACTIVE;
import static org.zhijiao.apprenticeship.cohort.CohortStatus.CANCELLED;
import static org.zhijiao.apprenticeship.cohort.CohortStatus.CLOSED;
import static org.zhijiao.apprenticeship.cohort.CohortStatus.PLANNED;
import static org.zhijiao.apprenticeship.cohort.CohortStatus.RECRUITING;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.zhijiao.apprenticeship.common.LifecycleEntity;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.lifecycle.Transition;
import org.zhijiao.commons.problem.ProblemException;

/** A batch of a program (e.g. the 5th craftsman class) at one school, with its enterprises and their places. */
@Entity
@Table(name = "cohort")
public class Cohort extends LifecycleEntity<CohortStatus, CohortAction> {

    public static final Lifecycle<CohortStatus, CohortAction> LIFECYCLE = Lifecycle
            .of("cohort", CohortStatus.class, CohortAction.class, PLANNED, "PLAN")
            .allow(OPEN_RECRUITMENT, "recruitment-opened", RECRUITING, PLANNED)
            .allow(START, "started", ACTIVE, RECRUITING)
            .allow(CLOSE, "closed", CLOSED, ACTIVE)
            .allow(CANCEL, "cancelled", CANCELLED, PLANNED, RECRUITING)
            .build();

    @Override
    protected Lifecycle<CohortStatus, CohortAction> lifecycle() {
        return LIFECYCLE;
    }

    @Column(name = "program_id", nullable = false, updatable = false)
    public UUID programId;

    @Column(name = "school_id", nullable = false, updatable = false)
    public UUID schoolId;

    @Embedded
    public BilingualName name;

    @Column(name = "batch_number", nullable = false)
    public int batchNumber;

    @Column(name = "previous_cohort_id", updatable = false)
    public UUID previousCohortId;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on")
    public LocalDate endsOn;

    /** Places per participating enterprise; each entry is a row enrollments lock to take a place. */
    @ElementCollection
    @CollectionTable(name = "cohort_enterprise", joinColumns = @JoinColumn(name = "cohort_id"))
    @MapKeyColumn(name = "enterprise_id")
    @Column(name = "places", nullable = false)
    @BatchSize(size = 200)
    public Map<UUID, Integer> places = new TreeMap<>();

    /** A new batch, planned on {@code plannedOn} (today when null) so that past batches can be recorded. */
    public static Cohort plan(UUID programId, UUID schoolId, UUID previousCohortId, LocalDate plannedOn, String by,
            LocalDate today) {
        Cohort cohort = new Cohort();
        cohort.programId = programId;
        cohort.schoolId = schoolId;
        cohort.previousCohortId = previousCohortId;
        cohort.begin(plannedOn, by, today);
        return cohort;
    }

    public void schedule(LocalDate startsOn, LocalDate endsOn) {
        if (endsOn != null && endsOn.isBefore(startsOn)) {
            throw ProblemException.invalid("endsOn", "must not be before startsOn (" + startsOn + ")");
        }
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    public void requirePlaceChanges() {
        if (!status.acceptsPlaceChanges()) {
            throw ProblemException.invalidTransition("cohort", id, status, "change the enterprises of");
        }
    }

    @Override
    public Transition transition(CohortAction action, LocalDate on, String reason, String by, LocalDate today) {
        if (action == OPEN_RECRUITMENT && places.isEmpty()) {
            throw ProblemException.conflict("enterprises", "cohort " + id
                    + " has no participating enterprise to recruit for");
        }
        return super.transition(action, on, reason, by, today);
    }

    public int totalPlaces() {
        return places.values().stream().mapToInt(Integer::intValue).sum();
    }
}
