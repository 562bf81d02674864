package org.zhijiao.membership.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.zhijiao.commons.problem.ProblemException;

/** Appends a new version of dated attributes when they changed: effective a day not in the future, after the last one. */
public final class DatedAttributes {

    private DatedAttributes() {
    }

    /**
     * The history with the version {@code make} gives for its first day appended (taking effect
     * {@code on}, today when null), or unchanged when nothing changed; a change dated the same day as
     * the last one replaces it. An empty history starts with a version in force since ever.
     */
    public static <T> List<T> append(List<T> history, Function<LocalDate, T> make, Function<T, LocalDate> from,
            BiPredicate<T, T> same, LocalDate on, LocalDate today, String field) {
        if (history == null || history.isEmpty()) {
            return List.of(make.apply(null));
        }
        if (same.test(history.get(history.size() - 1), make.apply(null))) {
            return history;
        }
        LocalDate effective = on == null ? today : on;
        if (effective.isAfter(today)) {
            throw ProblemException.invalid(field, "must not be in the future (today is " + today + ")");
        }
        List<T> appended = new ArrayList<>(history);
        if (!appended.isEmpty()) {
            LocalDate last = from.apply(appended.get(appended.size() - 1));
            if (last != null && effective.isBefore(last)) {
                throw ProblemException.invalid(field, "must not be before the last change, on " + last);
            }
            if (last != null && effective.equals(last)) {
                appended.remove(appended.size() - 1);
            }
        }
        appended.add(make.apply(appended.isEmpty() ? null : effective));
        return appended;
    }
}
