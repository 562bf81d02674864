package org.zhijiao.apprenticeship.enrollment;

import static org.zhijiao.apprenticeship.enrollment.EnrollmentAction.COMPLETE;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentAction.PAUSE;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentAction.REGISTER;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentAction.RESUME;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentAction.START;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentAction.WITHDRAW;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentStatus.ACTIVE;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentStatus.COMPLETED;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentStatus.PAUSED;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentStatus.PENDING_AGREEMENT;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentStatus.REGISTERED;
import static org.zhijiao.apprenticeship.enrollment.EnrollmentStatus.WITHDRAWN;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.BatchSize;
import org.zhijiao.apprenticeship.common.LifecycleEntity;
import org.zhijiao.commons.aggregate.BilingualName;
import org.zhijiao.commons.lifecycle.Lifecycle;
import org.zhijiao.commons.lifecycle.Transition;
import org.zhijiao.commons.problem.ProblemException;

/**
 * A student who is also an apprentice of one enterprise in one cohort, with the tripartite agreement
 * (student/guardian, school, enterprise) that must be confirmed by every party before registration.
 * A material change to the agreement makes a new version; parties re-confirm the changed sections
 * only, because a confirmation stays valid for the sections the new version left unchanged.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment extends LifecycleEntity<EnrollmentStatus, EnrollmentAction> {

    public static final Lifecycle<EnrollmentStatus, EnrollmentAction> LIFECYCLE = Lifecycle
            .of("enrollment", EnrollmentStatus.class, EnrollmentAction.class, PENDING_AGREEMENT, "ENROLL")
            .allow(REGISTER, "registered", REGISTERED, PENDING_AGREEMENT)
            .allow(START, "started", ACTIVE, REGISTERED)
            .allow(PAUSE, "paused", PAUSED, ACTIVE)
            .allow(RESUME, "resumed", ACTIVE, PAUSED)
            .allow(COMPLETE, "completed", COMPLETED, ACTIVE)
            .allow(WITHDRAW, "withdrawn", WITHDRAWN, PENDING_AGREEMENT, REGISTERED, ACTIVE, PAUSED)
            .build();

    @Override
    protected Lifecycle<EnrollmentStatus, EnrollmentAction> lifecycle() {
        return LIFECYCLE;
    }

    @Column(name = "cohort_id", nullable = false, updatable = false)
    public UUID cohortId;

    @Column(name = "program_id", nullable = false, updatable = false)
    public UUID programId;

    @Column(name = "school_id", nullable = false, updatable = false)
    public UUID schoolId;

    @Column(name = "enterprise_id", nullable = false, updatable = false)
    public UUID enterpriseId;

    @Column(name = "student_number", nullable = false, updatable = false)
    public String studentNumber;

    @Embedded
    @AttributeOverride(name = "zh", column = @Column(name = "student_name_zh", nullable = false))
    @AttributeOverride(name = "en", column = @Column(name = "student_name_en"))
    public BilingualName studentName;

    @Column(name = "apprentice_number")
    public String apprenticeNumber;

    @Column(name = "in_probation", nullable = false)
    public boolean inProbation;

    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawal_reason")
    public WithdrawalReason withdrawalReason;

    @Column(name = "withdrawal_note")
    public String withdrawalNote;

    @Column(name = "continues_enrollment_id", updatable = false)
    public UUID continuesEnrollmentId;

    @Column(name = "agreement_version", nullable = false)
    public int agreementVersion;

    @ElementCollection
    @CollectionTable(name = "agreement_section", joinColumns = @JoinColumn(name = "enrollment_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 200)
    public List<SectionText> sections = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_confirmation", joinColumns = @JoinColumn(name = "enrollment_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 200)
    public List<Confirmation> confirmations = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "agreement_revision", joinColumns = @JoinColumn(name = "enrollment_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 200)
    public List<Revision> revisions = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "staff_assignment", joinColumns = @JoinColumn(name = "enrollment_id"))
    @OrderColumn(name = "seq")
    @BatchSize(size = 200)
    public List<StaffAssignment> assignments = new ArrayList<>();

    /** A new enrollment whose agreement (version 1, every section) awaits every party's confirmation. */
    public static Enrollment create(UUID cohortId, UUID programId, UUID schoolId, UUID enterpriseId,
            String studentNumber, Map<AgreementSection, String> agreement, UUID continuesEnrollmentId, String by,
            LocalDate on, LocalDate today) {
        Set<AgreementSection> missing = EnumSet.allOf(AgreementSection.class);
        missing.removeAll(agreement.keySet());
        if (!missing.isEmpty()) {
            throw ProblemException.invalid("agreement", "every section is required; missing " + missing);
        }
        Enrollment enrollment = new Enrollment();
        enrollment.cohortId = cohortId;
        enrollment.programId = programId;
        enrollment.schoolId = schoolId;
        enrollment.enterpriseId = enterpriseId;
        enrollment.studentNumber = studentNumber;
        enrollment.continuesEnrollmentId = continuesEnrollmentId;
        enrollment.agreementVersion = 1;
        for (AgreementSection section : AgreementSection.values()) {
            enrollment.sections.add(new SectionText(section, agreement.get(section), 1));
        }
        enrollment.begin(on, by, today);
        enrollment.revisions.add(Revision.of(1, EnumSet.allOf(AgreementSection.class), enrollment.lastStepOn(), by));
        return enrollment;
    }

    /**
     * Applies new wording to the given sections. Sections whose wording really changes make a new
     * agreement version and lose their confirmations; returns false when nothing changed.
     */
    public boolean reviseAgreement(Map<AgreementSection, String> wording, String by, LocalDate today) {
        requireNotTerminal("revise the agreement of");
        List<AgreementSection> changed = sections.stream()
                .filter(s -> wording.containsKey(s.section) && !wording.get(s.section).equals(s.content))
                .map(s -> s.section).toList();
        if (changed.isEmpty()) {
            return false;
        }
        agreementVersion++;
        for (SectionText text : sections) {
            if (changed.contains(text.section)) {
                text.content = wording.get(text.section);
                text.revisedInVersion = agreementVersion;
            }
        }
        revisions.add(Revision.of(agreementVersion, changed, today, by));
        return true;
    }

    /**
     * {@code party} confirms the agreement as it stands in {@code version}, which must be the current
     * one: a party confirms what it has read, never a wording it has not seen.
     */
    public void confirm(Party party, int version, LocalDate on, String by, LocalDate today) {
        requireNotTerminal("confirm the agreement of");
        if (version != agreementVersion) {
            throw ProblemException.conflict("version", "the agreement is at version " + agreementVersion
                    + ", not " + version + "; read it again before confirming");
        }
        LocalDate day = on == null ? today : on;
        if (day.isAfter(today)) {
            throw ProblemException.invalid("on", "must not be in the future (today is " + today + ")");
        }
        if (sections.stream().allMatch(s -> confirmation(s.section, party).filter(c -> c.covers(s)).isPresent())) {
            throw ProblemException.conflict("party", party + " already confirmed version " + version);
        }
        for (SectionText text : sections) {
            Confirmation confirmation = confirmation(text.section, party).orElseGet(() -> {
                Confirmation created = new Confirmation(text.section, party);
                confirmations.add(created);
                return created;
            });
            if (!confirmation.covers(text)) {
                confirmation.confirmedVersion = version;
                confirmation.confirmedOn = day;
                confirmation.confirmedBy = by;
            }
        }
    }

    public Optional<Confirmation> confirmation(AgreementSection section, Party party) {
        return confirmations.stream().filter(c -> c.section == section && c.party == party).findFirst();
    }

    /** The (section, party) pairs still to confirm in the current version. */
    public List<String> missingConfirmations() {
        List<String> missing = new ArrayList<>();
        for (SectionText text : sections) {
            for (Party party : Party.values()) {
                if (confirmation(text.section, party).filter(c -> c.covers(text)).isEmpty()) {
                    missing.add(party + "/" + text.section);
                }
            }
        }
        return missing;
    }

    public boolean fullyConfirmed() {
        return missingConfirmations().isEmpty();
    }

    /** A step other than a withdrawal, which goes through {@link #withdraw} (it records why). */
    @Override
    public Transition transition(EnrollmentAction action, LocalDate on, String reason, String by, LocalDate today) {
        if (action == WITHDRAW) {
            throw ProblemException.invalid("withdrawalReason", "is required to withdraw");
        }
        if (action == REGISTER && !fullyConfirmed()) {
            throw ProblemException.conflict("agreement", "agreement version " + agreementVersion
                    + " still awaits " + missingConfirmations());
        }
        return super.transition(action, on, reason, by, today);
    }

    public void withdraw(WithdrawalReason reason, String note, Boolean withdrawnInProbation, LocalDate on, String by,
            LocalDate today) {
        if (reason == null) {
            throw ProblemException.invalid("withdrawalReason", "is required to withdraw");
        }
        super.transition(WITHDRAW, on, note, by, today);
        withdrawalReason = reason;
        withdrawalNote = note;
        if (withdrawnInProbation != null) {
            inProbation = withdrawnInProbation;
        }
    }

    /** Assigns a mentor or teacher from {@code from}; the one holding that role until then hands over. */
    public void assign(StaffRole role, String name, String staffNumber, LocalDate from) {
        requireNotTerminal("assign staff to");
        Optional<StaffAssignment> current = assignments.stream()
                .filter(a -> a.role == role && a.validity.isOpen()).findFirst();
        if (current.isPresent()) {
            if (!from.isAfter(current.get().validity.from())) {
                throw ProblemException.invalid("from", "must be after " + current.get().validity.from() + ", when "
                        + current.get().name + " became " + role);
            }
            current.get().validity = current.get().validity.endingOn(from.minusDays(1));
        }
        assignments.add(new StaffAssignment(role, name, staffNumber, from));
    }
}
