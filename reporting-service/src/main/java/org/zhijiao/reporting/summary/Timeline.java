package org.zhijiao.reporting.summary;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.zhijiao.commons.lifecycle.History;
import org.zhijiao.reporting.events.EventData.Step;

/** When something counts: a predicate on days that can only change on the days it names. */
public interface Timeline {

    boolean in(LocalDate day);

    /** Every day on which {@link #in} may differ from the day before. */
    Stream<LocalDate> changes();

    /** In while the lifecycle's state on the day (last step on or before it) is one of {@code statuses}. */
    static Timeline status(List<Step> history, Set<String> statuses) {
        return new Timeline() {
            public boolean in(LocalDate day) {
                String status = History.statusOn(history, day);
                return status != null && statuses.contains(status);
            }

            public Stream<LocalDate> changes() {
                return history.stream().map(Step::on);
            }
        };
    }

    /** In from {@code from} through {@code until} inclusive; open-ended when {@code until} is null. */
    static Timeline between(LocalDate from, LocalDate until) {
        return new Timeline() {
            public boolean in(LocalDate day) {
                return (from == null || !day.isBefore(from)) && (until == null || !day.isAfter(until));
            }

            public Stream<LocalDate> changes() {
                return Stream.concat(from == null ? Stream.empty() : Stream.of(from),
                        until == null ? Stream.empty() : Stream.of(until.plusDays(1)));
            }
        };
    }

    default Timeline and(Timeline other) {
        Timeline self = this;
        return new Timeline() {
            public boolean in(LocalDate day) {
                return self.in(day) && other.in(day);
            }

            public Stream<LocalDate> changes() {
                return Stream.concat(self.changes(), other.changes());
            }
        };
    }
}
