package org.zhijiao.commons.web;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The dates the platform accepts: years 1 to 9999. Java reads years up to ±999,999,999 but
 * PostgreSQL, JSON clients and humans do not, so anything outside is bad input, not a 500.
 */
public final class SaneDates {

    public static final LocalDate MIN = LocalDate.of(1, 1, 1);
    public static final LocalDate MAX = LocalDate.of(9999, 12, 31);

    private SaneDates() {
    }

    public static boolean sane(LocalDate date) {
        return !date.isBefore(MIN) && !date.isAfter(MAX);
    }

    /** The date itself, or a {@link DateTimeException} when it is out of range. */
    public static LocalDate require(LocalDate date) {
        if (!sane(date)) {
            throw new DateTimeException(date + " is outside " + MIN + " to " + MAX);
        }
        return date;
    }
}
