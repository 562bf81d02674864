package org.zhijiao.apprenticeship.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The current wording of one agreement section and the agreement version that last changed it. */
@Embeddable
public class SectionText {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AgreementSection section;

    @Column(nullable = false, length = 4000)
    public String content;

    @Column(name = "revised_in_version", nullable = false)
    public int revisedInVersion;

    public SectionText() {
    }

    SectionText(AgreementSection section, String content, int revisedInVersion) {
        this.section = section;
        this.content = content;
        this.revisedInVersion = revisedInVersion;
    }
}
