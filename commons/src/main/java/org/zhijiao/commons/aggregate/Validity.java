package org.zhijiao.commons.aggregate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/**
 * The days something holds, from {@code from} to {@code until}, both included; open-ended while
 * {@code until} is null. The columns {@code valid_from} and {@code valid_until} of the owner's table.
 */
@Embeddable
public record Validity(
        @Column(name = "valid_from", nullable = false) LocalDate from,
        @Column(name = "valid_until") LocalDate until) {

    /** Still in force: no last day yet. */
    public boolean isOpen() {
        return until == null;
    }

    /** Whether it shares a day with {@code from} to {@code until} (open-ended when {@code until} is null). */
    public boolean overlaps(LocalDate from, LocalDate until) {
        return (this.until == null || !this.until.isBefore(from)) && (until == null || !until.isBefore(this.from));
    }

    /** The same start, ending on {@code until}. */
    public Validity endingOn(LocalDate until) {
        return new Validity(from, until);
    }
}
