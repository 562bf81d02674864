package org.zhijiao.apprenticeship.specialty;

import static org.zhijiao.apprenticeship.specialty.SpecialtyAction.DISCONTINUE;
import static org.zhijiao.apprenticeship.specialty.SpecialtyAction.RESUME;
import static org.zhijiao.apprenticeship.specialty.SpecialtyStatus.DISCONTINUED;
import static org.zhijiao.apprenticeship.specialty.SpecialtyStatus.OFFERED;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.zhijiao.apprenticeship.common.LifecycleEntity;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.aggregate.Validity;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.problem.ProblemException;
import org.zhijiao.commons.web.Ids;

/** A specialty (专业) a member school offers, in one specialty cluster, with the designations it holds. */
@Entity
@Table(name = "specialty")
public class Specialty extends LifecycleEntity<SpecialtyStatus, SpecialtyAction> {

    public static final Lifecycle<SpecialtyStatus, SpecialtyAction> LIFECYCLE = Lifecycle
            .of("specialty", SpecialtyStatus.class, SpecialtyAction.class, OFFERED, "OFFER")
            .allow(DISCONTINUE, "discontinued", DISCONTINUED, OFFERED)
            .allow(RESUME, "resumed", OFFERED, DISCONTINUED)
            .build();

    @Override
    protected Lifecycle<SpecialtyStatus, SpecialtyAction> lifecycle() {
        return LIFECYCLE;
    }

    @Column(name = "school_id", nullable = false, updatable = false)
    public UUID schoolId;

    @Column(nullable = false, updatable = false)
    public String code;

    @Embedded
    public BilingualName name;

    @Column(name = "cluster_code", nullable = false)
    public String clusterCode;

    @ElementCollection
    @CollectionTable(name = "specialty_designation", joinColumns = @JoinColumn(name = "specialty_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 200)
    public List<Designation> designations = new ArrayList<>();

    public static Specialty offer(UUID schoolId, String code, String nameZh, String nameEn, String clusterCode,
            LocalDate offeredOn, String by, LocalDate today) {
        Specialty specialty = new Specialty();
        specialty.schoolId = schoolId;
        specialty.code = code;
        specialty.name = new BilingualName(nameZh, nameEn);
        specialty.clusterCode = clusterCode;
        specialty.begin(offeredOn, by, today);
        return specialty;
    }

    /** Records a designation; the same level and kind may not be held twice over overlapping dates. */
    public Designation designate(DesignationLevel level, DesignationKind kind, String title, LocalDate from,
            LocalDate until) {
        if (until != null && until.isBefore(from)) {
            throw ProblemException.invalid("until", "must not be before from (" + from + ")");
        }
        if (designations.stream().anyMatch(d -> d.overlaps(level, kind, from, until))) {
            throw ProblemException.conflict("from", "specialty " + id + " already holds a " + level + " " + kind
                    + " designation over these dates");
        }
        Designation designation = new Designation(Ids.newId(), level, kind, title, new Validity(from, until));
        designations.add(designation);
        return designation;
    }
}
