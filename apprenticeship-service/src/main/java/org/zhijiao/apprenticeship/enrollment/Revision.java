package org.zhijiao.apprenticeship.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** One version of the agreement: which sections it introduced or changed, when and by whom. */
@Embeddable
public class Revision {

    @Column(name = "agreement_version", nullable = false)
    public int agreementVersion;

    /** Comma-separated section names. */
    @Column(name = "changed_sections", nullable = false)
    public String changedSections;

    @Column(name = "revised_on", nullable = false)
    public LocalDate revisedOn;

    @Column(name = "revised_by")
    public String revisedBy;

    public Revision() {
    }

    Revision(int agreementVersion, Collection<AgreementSection> changed, LocalDate revisedOn, String revisedBy) {
        this.agreementVersion = agreementVersion;
        this.changedSections = changed.stream().map(Enum::name).collect(Collectors.joining(","));
        this.revisedOn = revisedOn;
        this.revisedBy = revisedBy;
    }

    public List<AgreementSection> sections() {
        return Arrays.stream(changedSections.split(",")).map(AgreementSection::valueOf).toList();
    }
}
