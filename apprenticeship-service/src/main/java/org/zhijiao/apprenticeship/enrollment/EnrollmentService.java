package org.zhijiao.apprenticeship.enrollment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.zhijiao.apprenticeship.cohort.Cohort;
import org.zhijiao.apprenticeship.cohort.CohortStatus;
import org.zhijiao.apprenticeship.cohort.Places;
import org.zhijiao.apprenticeship.common.ApprenticeshipService;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.AgreementRevisionRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.AssignmentRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.ConfirmationRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.EnrollmentChange;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.EnrollmentRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.EnrollmentTransitionRequest;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.EnrollmentView;
import org.zhijiao.apprenticeship.enrollment.EnrollmentDtos.TransferRequest;
import org.zhijiao.commons.events.Topics;
import org.zhijiao.commons.aggregate.AggregateKind;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.aggregate.ListFilter;
import org.zhijiao.commons.aggregate.IdQuery;
import org.zhijiao.commons.aggregate.Patch;
import org.zhijiao.commons.lifecycle.StepRequest;
import org.zhijiao.commons.problem.ProblemException;

@ApplicationScoped
public class EnrollmentService extends ApprenticeshipService<Enrollment, EnrollmentAction, EnrollmentView> {

    @Inject
    Places places;

    public EnrollmentService() {
        super(new AggregateKind<>("Enrollment", Enrollment.class, Topics.ENROLLMENTS, "enrollment",
                EnrollmentView::of));
    }

    /** Filters of the enrollment list; null means "any". Also carries a confined caller's tenant. */
    public record Filter(UUID cohortId, UUID schoolId, UUID enterpriseId, EnrollmentStatus status)
            implements ListFilter {

        @Override
        public IdQuery query() {
            return IdQuery.from("enrollment")
                    .and("t.cohort_id = :cohort", "cohort", cohortId)
                    .and("t.school_id = :school", "school", schoolId)
                    .and("t.enterprise_id = :enterprise", "enterprise", enterpriseId)
                    .and("t.status = :status", "status", status);
        }
    }

    @Transactional
    public EnrollmentView enroll(EnrollmentRequest request, String by) {
        // share lock: a cancellation in progress finishes first, and none starts until this commits
        Cohort cohort = Cohort.findById(request.cohortId(), LockModeType.PESSIMISTIC_READ);
        if (cohort == null) {
            throw ProblemException.unprocessable("cohortId", "no cohort " + request.cohortId());
        }
        Enrollment enrollment = newEnrollment(cohort, request.enterpriseId(), "enterpriseId",
                request.student().studentNumber(), request.agreement(), null, request.on(), by);
        enrollment.studentName = new BilingualName(request.student().nameZh(), request.student().nameEn());
        enrollment.apprenticeNumber = request.apprenticeNumber();
        enrollment.inProbation = request.inProbation() == null || request.inProbation();
        return create(enrollment, "created");
    }

    /**
     * A change of enterprise: this enrollment is withdrawn ({@code CHANGED_ENTERPRISE}) and a new one,
     * recording which it continues, takes a place at the new enterprise of the same cohort. The new
     * agreement keeps the wording but must be confirmed again, since one party changed.
     */
    @Transactional
    public EnrollmentView transfer(UUID id, TransferRequest request, String ifMatch, String by) {
        Enrollment previous = findForChange(id, ifMatch);
        if (request.enterpriseId().equals(previous.enterpriseId)) {
            throw ProblemException.invalid("enterpriseId", "is already the enterprise of enrollment " + id);
        }
        LocalDate today = today();
        previous.withdraw(WithdrawalReason.CHANGED_ENTERPRISE, request.note(), null, request.on(), by, today);
        publish(previous, "withdrawn");
        Map<AgreementSection, String> wording = new EnumMap<>(AgreementSection.class);
        previous.sections.forEach(s -> wording.put(s.section, s.content));
        Enrollment next = newEnrollment(Cohort.findById(previous.cohortId, LockModeType.PESSIMISTIC_READ),
                request.enterpriseId(), "enterpriseId", previous.studentNumber, wording, previous.id,
                previous.lastStepOn(), by);
        next.studentName = previous.studentName;
        next.apprenticeNumber = request.apprenticeNumber();
        next.inProbation = previous.inProbation;
        return create(next, "created");
    }

    @Transactional
    public EnrollmentView change(UUID id, EnrollmentChange change, String ifMatch) {
        return edit(id, ifMatch, enrollment -> {
            enrollment.studentName = enrollment.studentName.patched(change.studentNameZh(), change.studentNameEn());
            Patch.given(change.apprenticeNumber(), v -> enrollment.apprenticeNumber = v);
            Patch.given(change.inProbation(), v -> enrollment.inProbation = v);
        });
    }

    @Transactional
    public EnrollmentView reviseAgreement(UUID id, AgreementRevisionRequest request, String ifMatch, String by) {
        Enrollment enrollment = findForChange(id, ifMatch);
        if (!enrollment.reviseAgreement(request.sections(), by, today())) {
            return EnrollmentView.of(enrollment);
        }
        return publish(enrollment, "agreement-revised");
    }

    @Transactional
    public EnrollmentView confirm(UUID id, ConfirmationRequest request, String by) {
        Enrollment enrollment = find(id);
        enrollment.confirm(request.party(), request.version(), request.on(), by, today());
        return publish(enrollment, "agreement-confirmed");
    }

    @Transactional
    public EnrollmentView assign(UUID id, AssignmentRequest request) {
        Enrollment enrollment = find(id);
        enrollment.assign(request.role(), request.name(), request.staffNumber(), request.from());
        return publish(enrollment, "staff-assigned");
    }

    /**
     * Moves the enrollment on; withdrawing records why (the reason is required: {@link Enrollment#withdraw}) and
     * whether it was still in probation, and an apprentice starts only once the cohort is ACTIVE. The one way in
     * for every step request, so none skips these rules.
     */
    @Override
    @Transactional
    public EnrollmentView transition(UUID id, StepRequest<EnrollmentAction> request, String ifMatch, String by) {
        return transition(id, request.action(), ifMatch, enrollment -> {
            if (request.action() == EnrollmentAction.WITHDRAW && request instanceof EnrollmentTransitionRequest w) {
                enrollment.withdraw(w.withdrawalReason(), w.reason(), w.inProbation(), w.on(), by, today());
                return;
            }
            if (request.action() == EnrollmentAction.START) {
                CohortStatus cohort = Cohort.<Cohort>findById(enrollment.cohortId).status;
                if (cohort != CohortStatus.ACTIVE && Enrollment.LIFECYCLE.target(enrollment.status,
                        EnrollmentAction.START).isPresent()) {
                    throw ProblemException.conflict("cohortId", "cohort " + enrollment.cohortId + " is " + cohort
                            + "; apprentices start once it is ACTIVE");
                }
            }
            enrollment.transition(request.action(), request.on(), request.reason(), by, today());
        });
    }

    /** The school of a cohort, if there is such a cohort. */
    @Transactional
    public Optional<UUID> schoolOfCohort(UUID cohortId) {
        return Cohort.<Cohort>findByIdOptional(cohortId).map(c -> c.schoolId);
    }

    /**
     * Takes one of the enterprise's places in the cohort. The (cohort, enterprise) row stays locked
     * until the transaction ends, so concurrent enrollments count places one after the other.
     */
    private Enrollment newEnrollment(Cohort cohort, UUID enterpriseId, String field, String studentNumber,
            Map<AgreementSection, String> agreement, UUID continues, LocalDate on, String by) {
        if (!cohort.status.acceptsEnrollments()) {
            throw ProblemException.conflict("cohortId", "cohort " + cohort.id + " is " + cohort.status
                    + "; it enrolls while RECRUITING or ACTIVE");
        }
        directory.requireSchool("cohortId", cohort.schoolId);
        directory.requireEnterprise(field, enterpriseId);
        OptionalInt offered = places.lock(cohort.id, enterpriseId);
        if (offered.isEmpty()) {
            throw ProblemException.unprocessable(field, "enterprise " + enterpriseId + " has no places in cohort "
                    + cohort.id);
        }
        long taken = places.taken(cohort.id, enterpriseId);
        if (taken >= offered.getAsInt()) {
            throw ProblemException.conflict(field, "all " + offered.getAsInt() + " places of enterprise "
                    + enterpriseId + " in cohort " + cohort.id + " are taken");
        }
        if (Enrollment.count("cohortId = ?1 and studentNumber = ?2 and status <> ?3", cohort.id, studentNumber,
                EnrollmentStatus.WITHDRAWN) > 0) {
            throw ProblemException.conflict("student.studentNumber", "student " + studentNumber
                    + " is already enrolled in cohort " + cohort.id);
        }
        return Enrollment.create(cohort.id, cohort.programId, cohort.schoolId, enterpriseId, studentNumber, agreement,
                continues, by, on, today());
    }
}
