package org.zhijiao.apprenticeship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhijiao.testing.LifecycleAssertions.assertExactly;
import static org.zhijiao.testing.LifecycleAssertions.assertRefusal;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhijiao.apprenticeship.cohort.Cohort;
import org.zhijiao.apprenticeship.cohort.CohortAction;
import org.zhijiao.apprenticeship.cohort.CohortStatus;
import org.zhijiao.apprenticeship.enrollment.Enrollment;
import org.zhijiao.apprenticeship.enrollment.EnrollmentAction;
import org.zhijiao.apprenticeship.enrollment.EnrollmentStatus;
import org.zhijiao.apprenticeship.facility.Facility;
import org.zhijiao.apprenticeship.facility.FacilityAction;
import org.zhijiao.apprenticeship.facility.FacilityStatus;
import org.zhijiao.apprenticeship.program.Program;
import org.zhijiao.apprenticeship.program.ProgramAction;
import org.zhijiao.apprenticeship.program.ProgramStatus;
import org.zhijiao.apprenticeship.specialty.Specialty;
import org.zhijiao.apprenticeship.specialty.SpecialtyAction;
import org.zhijiao.apprenticeship.specialty.SpecialtyStatus;

/** Walks every (state, action) pair of each lifecycle against the table written in DESIGN.md. */
class LifecycleTest {

    @Test
    void programTransitionsAreExactlyTheDesignedOnes() {
        assertExactly(Program.LIFECYCLE, ProgramStatus.values(), ProgramAction.values(), Map.of(
                "DRAFT APPROVE", "APPROVED",
                "DRAFT RETIRE", "RETIRED",
                "APPROVED RETURN_TO_DRAFT", "DRAFT",
                "APPROVED PUBLISH", "PUBLISHED",
                "APPROVED RETIRE", "RETIRED",
                "PUBLISHED RETIRE", "RETIRED"));
        assertThat(Program.LIFECYCLE.initial()).isEqualTo(ProgramStatus.DRAFT);
    }

    @Test
    void cohortTransitionsAreExactlyTheDesignedOnes() {
        assertExactly(Cohort.LIFECYCLE, CohortStatus.values(), CohortAction.values(), Map.of(
                "PLANNED OPEN_RECRUITMENT", "RECRUITING",
                "PLANNED CANCEL", "CANCELLED",
                "RECRUITING START", "ACTIVE",
                "RECRUITING CANCEL", "CANCELLED",
                "ACTIVE CLOSE", "CLOSED"));
        assertThat(Cohort.LIFECYCLE.initial()).isEqualTo(CohortStatus.PLANNED);
    }

    @Test
    void enrollmentTransitionsAreExactlyTheDesignedOnes() {
        assertExactly(Enrollment.LIFECYCLE, EnrollmentStatus.values(), EnrollmentAction.values(), Map.of(
                "PENDING_AGREEMENT REGISTER", "REGISTERED",
                "PENDING_AGREEMENT WITHDRAW", "WITHDRAWN",
                "REGISTERED START", "ACTIVE",
                "REGISTERED WITHDRAW", "WITHDRAWN",
                "ACTIVE PAUSE", "PAUSED",
                "ACTIVE COMPLETE", "COMPLETED",
                "ACTIVE WITHDRAW", "WITHDRAWN",
                "PAUSED RESUME", "ACTIVE",
                "PAUSED WITHDRAW", "WITHDRAWN"));
        assertThat(Enrollment.LIFECYCLE.initial()).isEqualTo(EnrollmentStatus.PENDING_AGREEMENT);
    }

    @Test
    void facilityTransitionsAreExactlyTheDesignedOnes() {
        assertExactly(Facility.LIFECYCLE, FacilityStatus.values(), FacilityAction.values(), Map.of(
                "PLANNED ESTABLISH", "OPERATIONAL",
                "PLANNED CLOSE", "CLOSED",
                "OPERATIONAL SUSPEND", "SUSPENDED",
                "OPERATIONAL CLOSE", "CLOSED",
                "SUSPENDED RESUME", "OPERATIONAL",
                "SUSPENDED CLOSE", "CLOSED"));
    }

    @Test
    void specialtyTransitionsAreExactlyTheDesignedOnes() {
        assertExactly(Specialty.LIFECYCLE, SpecialtyStatus.values(), SpecialtyAction.values(), Map.of(
                "OFFERED DISCONTINUE", "DISCONTINUED",
                "DISCONTINUED RESUME", "OFFERED"));
    }

    @Test
    void refusalNamesStateAndAllowedActions() {
        assertRefusal(Enrollment.LIFECYCLE, EnrollmentStatus.WITHDRAWN, EnrollmentAction.RESUME, "WITHDRAWN", "resume");
    }
}
