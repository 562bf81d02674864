package org.zhijiao.apprenticeship.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One version of the agreement: which sections it introduced or changed (comma-separated names), when and
 * by whom. A version once made does not change.
 */
@Embeddable
public record Revision(
        @Column(name = "agreement_version", nullable = false) int agreementVersion,
        @Column(name = "changed_sections", nullable = false) String changedSections,
        @Column(name = "revised_on", nullable = false) LocalDate revisedOn,
        @Column(name = "revised_by") String revisedBy) {

    static Revision of(int agreementVersion, Collection<AgreementSection> changed, LocalDate revisedOn,
            String revisedBy) {
        return new Revision(agreementVersion, changed.stream().map(Enum::name).collect(Collectors.joining(",")),
                revisedOn, revisedBy);
    }

    public List<AgreementSection> sections() {
        return Arrays.stream(changedSections.split(",")).map(AgreementSection::valueOf).toList();
    }
}
