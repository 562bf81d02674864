package org.zhijiao.apprenticeship.enrollment;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.zhijiao.commons.aggregate.LifecycleState;
import org.zhijiao.commons.lifecycle.StepRequest;
import org.zhijiao.commons.web.Versioned;

public final class EnrollmentDtos {

    private EnrollmentDtos() {
    }

    @Schema(name = "Student", description = "The student side of the dual identity")
    public record StudentDto(
            @NotBlank @Size(max = 40) @Schema(example = "2022050301") String studentNumber,
            @NotBlank @Size(max = 100) @Schema(example = "张小明（虚构）") String nameZh,
            @Size(max = 200) @Schema(example = "Zhang Xiaoming (fictional)") String nameEn) {
    }

    @Schema(name = "EnrollmentRequest")
    public record EnrollmentRequest(
            @NotNull UUID cohortId,
            @NotNull @Schema(description = "An enterprise with places in the cohort") UUID enterpriseId,
            @NotNull @Valid StudentDto student,
            @Size(max = 40) @Schema(description = "The apprentice side: the enterprise's number", example = "QD-AP-0042")
            String apprenticeNumber,
            @Schema(description = "In probation (试用期) at the start; true when absent") Boolean inProbation,
            @NotNull @Schema(description = "Wording of every agreement section") Map<AgreementSection,
                    @NotBlank @Size(max = 4000) String> agreement,
            @Schema(description = "Day of enrollment; today when absent", example = "2022-09-01") LocalDate on) {
    }

    @Schema(name = "EnrollmentChange", description = "Fields to change; absent fields stay as they are")
    public record EnrollmentChange(
            @Size(min = 1, max = 100) String studentNameZh,
            @Size(max = 200) String studentNameEn,
            @Size(max = 40) String apprenticeNumber,
            Boolean inProbation) {
    }

    @Schema(name = "AgreementRevisionRequest", description = "New wording for some sections; sections whose "
            + "wording really changes make a new version and must be confirmed again by every party")
    public record AgreementRevisionRequest(
            @NotEmpty Map<AgreementSection, @NotBlank @Size(max = 4000) String> sections) {
    }

    @Schema(name = "ConfirmationRequest")
    public record ConfirmationRequest(
            @NotNull @Schema(example = "ENTERPRISE") Party party,
            @Min(1) @Schema(description = "The agreement version read and confirmed; must be the current one",
                    example = "1") int version,
            @Schema(description = "Day of the signature; today when absent") LocalDate on) {
    }

    @Schema(name = "AssignmentRequest")
    public record AssignmentRequest(
            @NotNull @Schema(example = "MENTOR") StaffRole role,
            @NotBlank @Size(max = 100) @Schema(example = "李师傅（虚构）") String name,
            @Size(max = 40) @Schema(example = "E-1024") String staffNumber,
            @NotNull @Schema(example = "2022-09-15") LocalDate from) {
    }

    @Schema(name = "EnrollmentTransitionRequest")
    public record EnrollmentTransitionRequest(
            @NotNull @Schema(example = "WITHDRAW") EnrollmentAction action,
            @Schema(description = "Day it takes effect; today when absent") LocalDate on,
            @Size(max = 500) @Schema(example = "Family moved to another city") String reason,
            @Schema(description = "Required to WITHDRAW") WithdrawalReason withdrawalReason,
            @Schema(description = "On WITHDRAW: whether the apprentice was still in probation; the current flag "
                    + "when absent") Boolean inProbation) implements StepRequest<EnrollmentAction> {
    }

    @Schema(name = "TransferRequest", description = "A change of enterprise: this enrollment is withdrawn and a new "
            + "one, continuing it, starts at the new enterprise of the same cohort")
    public record TransferRequest(
            @NotNull UUID enterpriseId,
            @Size(max = 40) String apprenticeNumber,
            @Schema(description = "Day of the change; today when absent") LocalDate on,
            @Size(max = 500) @Schema(example = "Moved to the smart-home line") String note) {
    }

    @Schema(name = "Confirmation")
    public record ConfirmationView(Party party, int version, LocalDate confirmedOn, String confirmedBy,
            @Schema(description = "False once a later version changed the section") boolean valid) {
    }

    @Schema(name = "AgreementSectionView")
    public record SectionView(AgreementSection section, String content, int revisedInVersion,
            List<ConfirmationView> confirmations) {
    }

    @Schema(name = "AgreementRevision")
    public record RevisionView(int version, List<AgreementSection> changedSections, LocalDate revisedOn,
            String revisedBy) {
    }

    @Schema(name = "Agreement", description = "The tripartite agreement in its current version")
    public record AgreementView(int version, boolean fullyConfirmed, List<SectionView> sections,
            List<RevisionView> revisions) {

        static AgreementView of(Enrollment e) {
            List<SectionView> sections = e.sections.stream().map(s -> new SectionView(s.section, s.content,
                    s.revisedInVersion, e.confirmations.stream().filter(c -> c.section == s.section)
                            .map(c -> new ConfirmationView(c.party, c.confirmedVersion, c.confirmedOn, c.confirmedBy,
                                    c.covers(s))).toList())).toList();
            return new AgreementView(e.agreementVersion, e.fullyConfirmed(), sections, e.revisions.stream()
                    .map(r -> new RevisionView(r.agreementVersion(), r.sections(), r.revisedOn(), r.revisedBy()))
                    .toList());
        }
    }

    @Schema(name = "StaffAssignment")
    public record AssignmentView(StaffRole role, String name, String staffNumber, LocalDate from, LocalDate until) {
    }

    @Schema(name = "Enrollment")
    public record EnrollmentView(
            UUID id,
            UUID cohortId,
            UUID programId,
            UUID schoolId,
            UUID enterpriseId,
            StudentDto student,
            String apprenticeNumber,
            boolean inProbation,
            WithdrawalReason withdrawalReason,
            String withdrawalNote,
            @Schema(description = "The enrollment this one continues after a change of enterprise")
            UUID continuesEnrollmentId,
            AgreementView agreement,
            List<AssignmentView> assignments,
            @JsonUnwrapped LifecycleState<EnrollmentStatus, EnrollmentAction> lifecycle,
            @Schema(example = "5") long version) implements Versioned {

        public static EnrollmentView of(Enrollment e) {
            return new EnrollmentView(e.id, e.cohortId, e.programId, e.schoolId, e.enterpriseId,
                    new StudentDto(e.studentNumber, e.studentName.zh(), e.studentName.en()), e.apprenticeNumber,
                    e.inProbation, e.withdrawalReason, e.withdrawalNote, e.continuesEnrollmentId, AgreementView.of(e),
                    e.assignments.stream().map(a -> new AssignmentView(a.role, a.name, a.staffNumber, a.validity.from(),
                            a.validity.until())).toList(),
                    LifecycleState.of(e), e.version);
        }
    }
}
