package org.zhijiao.apprenticeship.program;

import static org.zhijiao.apprenticeship.program.ProgramAction.APPROVE;
import static org.zhijiao.apprenticeship.program.ProgramAction.PUBLISH;
import static org.zhijiao.apprenticeship.program.ProgramAction.RETIRE;
import static org.zhijiao.apprenticeship.program.ProgramAction.RETURN_TO_DRAFT;
import static org.zhijiao.apprenticeship.program.ProgramStatus.APPROVED;
import static org.zhijiao.apprenticeship.program.ProgramStatus.DRAFT;
import static org.zhijiao.apprenticeship.program.ProgramStatus.PUBLISHED;
import static org.zhijiao.apprenticeship.program.ProgramStatus.RETIRED;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.zhijiao.apprenticeship.common.LifecycleEntity;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.problem.ProblemException;

/** An apprenticeship program with its training plan; cohorts run a published program. */
@Entity
@Table(name = "program")
public class Program extends LifecycleEntity<ProgramStatus, ProgramAction> {

    public static final Lifecycle<ProgramStatus, ProgramAction> LIFECYCLE = Lifecycle
            .of("program", ProgramStatus.class, ProgramAction.class, DRAFT, "DRAFT")
            .allow(APPROVE, "approved", APPROVED, DRAFT)
            .allow(RETURN_TO_DRAFT, "returned-to-draft", DRAFT, APPROVED)
            .allow(PUBLISH, "published", PUBLISHED, APPROVED)
            .allow(RETIRE, "retired", RETIRED, DRAFT, APPROVED, PUBLISHED)
            .build();

    @Override
    protected Lifecycle<ProgramStatus, ProgramAction> lifecycle() {
        return LIFECYCLE;
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProgramKind kind;

    @Embedded
    @AttributeOverride(name = "zh", column = @Column(name = "title_zh", nullable = false))
    @AttributeOverride(name = "en", column = @Column(name = "title_en"))
    public BilingualName title;

    /** The member school that runs it. */
    @Column(name = "school_id", nullable = false, updatable = false)
    public UUID schoolId;

    @ElementCollection
    @CollectionTable(name = "program_partner", joinColumns = @JoinColumn(name = "program_id"))
    @Column(name = "organization_id")
    @BatchSize(size = 200)
    public Set<UUID> partnerOrganizationIds = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "program_specialty", joinColumns = @JoinColumn(name = "program_id"))
    @Column(name = "specialty_id")
    @BatchSize(size = 200)
    public Set<UUID> specialtyIds = new TreeSet<>();

    @Column(name = "duration_months", nullable = false)
    public int durationMonths;

    @Column(name = "plan_summary")
    public String planSummary;

    @ElementCollection
    @CollectionTable(name = "program_module", joinColumns = @JoinColumn(name = "program_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 200)
    public List<TrainingModule> modules = new ArrayList<>();

    /** A new draft, dated {@code draftedOn} (today when null) so that past programs can be recorded. */
    public static Program draft(UUID schoolId, LocalDate draftedOn, String by, LocalDate today) {
        Program program = new Program();
        program.schoolId = schoolId;
        program.begin(draftedOn, by, today);
        return program;
    }

    /** The plan is what gets approved: it may change only while the program is a draft. */
    public void requireEditable() {
        if (status != DRAFT) {
            throw ProblemException.invalidTransition("program", id, status, "change");
        }
    }
}
