package org.zhijiao.apprenticeship.specialty;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.UUID;

/** A designation a specialty holds from {@code validFrom} until {@code validUntil} (open-ended when null). */
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

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_until")
    public LocalDate validUntil;

    public boolean overlaps(DesignationLevel level, DesignationKind kind, LocalDate from, LocalDate until) {
        return this.level == level && this.kind == kind
                && (validUntil == null || !validUntil.isBefore(from))
                && (until == null || !until.isBefore(validFrom));
    }
}
