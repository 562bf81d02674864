package org.zhijiao.commons.lifecycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.zhijiao.commons.problem.ProblemException;

/** Rules every dated lifecycle history obeys, so that "state on day D" is always well defined. */
public final class History {

    private History() {
    }

    /**
     * Appends a step after checking its date: not in the future, not before the previous step
     * (steps may share a day; their order then decides).
     */
    public static Transition append(List<Transition> history, Enum<?> status, String action, LocalDate on,
            String reason, String recordedBy, LocalDate today) {
        LocalDate effective = on == null ? today : on;
        if (effective.isAfter(today)) {
            throw ProblemException.invalid("on", "must not be in the future (today is " + today + ")");
        }
        if (!history.isEmpty() && effective.isBefore(history.get(history.size() - 1).on)) {
            throw ProblemException.invalid("on",
                    "must not be before the previous step, on " + history.get(history.size() - 1).on);
        }
        Transition step = new Transition(status.name(), action, effective, reason,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS), recordedBy);
        history.add(step);
        return step;
    }

    /** The state in force on {@code day}, or null if the aggregate did not exist yet. */
    public static String statusOn(List<? extends DatedStep> history, LocalDate day) {
        String status = null;
        for (DatedStep step : history) {
            if (step.on().isAfter(day)) {
                break;
            }
            status = step.status();
        }
        return status;
    }
}
