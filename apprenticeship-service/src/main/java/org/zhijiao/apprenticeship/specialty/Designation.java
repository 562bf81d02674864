package org.zhijiao.apprenticeship.specialty;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.UUID;
import org.zhijiao.commons.aggregate.Validity;

/** A designation a specialty holds over its {@code validity} (open-ended while it has no last day). */
@Embeddable
public class Designation {

    @Column(name = "designation_id", nullable = false)
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DesignationLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DesignationKind kind;

    @Column(length = 300)
    public String title;

    @Embedded
    public Validity validity;

    public boolean overlaps(DesignationLevel level, DesignationKind kind, LocalDate from, LocalDate until) {
        return this.level == level && this.kind == kind && validity.overlaps(from, until);
    }
}
