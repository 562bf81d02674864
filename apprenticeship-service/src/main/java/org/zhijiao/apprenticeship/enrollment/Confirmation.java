package org.zhijiao.apprenticeship.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/**
 * A party's confirmation of one section, made on agreement version {@code confirmedVersion}. It
 * stays valid until a later version changes that section.
 */
@Embeddable
public class Confirmation {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementSection section;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Party party;

    @Column(name = "confirmed_version", nullable = false)
    public int confirmedVersion;

    @Column(name = "confirmed_on", nullable = false)
    public LocalDate confirmedOn;

    @Column(name = "confirmed_by")
    public String confirmedBy;

    public Confirmation() {
    }

    Confirmation(AgreementSection section, Party party) {
        this.section = section;
        this.party = party;
    }

    boolean covers(SectionText text) {
        return confirmedVersion >= text.revisedInVersion;
    }
}
