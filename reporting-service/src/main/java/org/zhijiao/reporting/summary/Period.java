package org.zhijiao.reporting.summary;

import java.time.LocalDate;
import java.time.Month;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.zhijiao.commons.problem.ProblemException;

/** The days a summary covers, given in exactly one of four ways. */
public record Period(LocalDate from, LocalDate to, String kind) {

    public static final int FIRST_YEAR = 1949;
    public static final int LAST_YEAR = 2199;
    private static final Pattern ACADEMIC_YEAR = Pattern.compile("(\\d{4})-(\\d{4})");

    public static Period year(int year) {
        requireYear("year", year);
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), "YEAR");
    }

    /** {@code 2022-2023}: 1 September 2022 to 31 August 2023. */
    public static Period academicYear(String text) {
        Matcher m = ACADEMIC_YEAR.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(2)) != Integer.parseInt(m.group(1)) + 1) {
            throw ProblemException.invalid("academicYear", "must be two consecutive years such as 2022-2023");
        }
        int first = Integer.parseInt(m.group(1));
        requireYear("academicYear", first);
        return new Period(LocalDate.of(first, Month.SEPTEMBER, 1), LocalDate.of(first + 1, Month.AUGUST, 31),
                "ACADEMIC_YEAR");
    }

    /** One day: the figures on it; new/exited are the changes dated that day. */
    public static Period asOf(LocalDate day) {
        return new Period(day, day, "AS_OF");
    }

    public static Period range(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw ProblemException.invalid("to", "must not be before from (" + from + ")");
        }
        return new Period(from, to, "RANGE");
    }

    /** Picks the one form given; a 400 naming the parameters when none or several are. */
    public static Period of(LocalDate asOf, LocalDate from, LocalDate to, Integer year, String academicYear,
            LocalDate today) {
        int forms = (asOf != null ? 1 : 0) + (from != null || to != null ? 1 : 0) + (year != null ? 1 : 0)
                + (academicYear != null ? 1 : 0);
        if (forms > 1) {
            throw ProblemException.invalid("asOf", "give only one of asOf, from/to, year, academicYear");
        }
        if (year != null) {
            return year(year);
        }
        if (academicYear != null) {
            return academicYear(academicYear);
        }
        if (from != null || to != null) {
            if (from == null) {
                throw ProblemException.invalid("from", "is required with to");
            }
            if (to == null) {
                throw ProblemException.invalid("to", "is required with from");
            }
            return range(from, to);
        }
        return asOf(asOf != null ? asOf : today);
    }

    private static void requireYear(String field, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw ProblemException.invalid(field, "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
    }
}
