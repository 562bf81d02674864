package org.zhijiao.reporting.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Which range scans a figure read needs per series ({@link CounterStore.Ranges}); whether their sums are
 * right is judged by the brute-force recount of {@code ProjectionPropertyTest}.
 */
class RangesTest {

    @Test
    void aWholeYearReadsTheYearBucketsAndThePendingEntries() {
        CounterStore.Ranges year = ranges("2020-01-01", "2021-01-01");
        assertThat(scans(year)).isEqualTo(2);
        assertThat(year.parameters()).containsExactly(day("2020-01-01"), day("2021-01-01"),
                day("2020-01-01"), day("2021-01-01"));
    }

    @Test
    void wholeMonthsOfOneYearShareOneMonthScan() {
        // March 2020: both days' months lie in 2020, one scan of January to March counts for both; no day of a month
        CounterStore.Ranges march = ranges("2020-03-01", "2020-04-01");
        assertThat(scans(march)).isEqualTo(3);
        assertThat(march.sql()).contains("n.grain = 1").doesNotContain("day_entered");
    }

    @Test
    void anyOtherPeriodReadsTheDaysOfEachEndsMonth() {
        CounterStore.Ranges longer = ranges("2019-06-15", "2020-08-20");
        assertThat(scans(longer)).isEqualTo(6);
        // years, the months of 2019 before June, those of 2020 before August, 14 days of June 2019, 19 of August 2020
        assertThat(longer.parameters()).containsExactly(day("2019-01-01"), day("2020-01-01"),
                day("2019-01-01"), day("2019-06-01"), day("2020-01-01"), day("2020-08-01"),
                14, 14, day("2019-06-01"), 19, 19, day("2020-08-01"), day("2019-06-15"), day("2020-08-20"));
        CounterStore.Ranges oneMonth = ranges("2020-08-03", "2020-08-20");
        assertThat(scans(oneMonth)).as("both in one month: its row's days once").isEqualTo(4);
        assertThat(oneMonth.parameters()).containsSubsequence(2, 19, 19, day("2020-08-01"));
        assertThat(scans(ranges("2019-06-01", "2020-08-20"))).as("a month start and another year").isEqualTo(5);
    }

    private static CounterStore.Ranges ranges(String a, String b) {
        return new CounterStore.Ranges(LocalDate.parse(a), LocalDate.parse(b));
    }

    private static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }

    private static int scans(CounterStore.Ranges ranges) {
        return ranges.sql().split("UNION ALL").length;
    }
}
