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
        // March 2020: both days' months lie in 2020, one scan of January to March counts for both
        CounterStore.Ranges march = ranges("2020-03-01", "2020-04-01");
        assertThat(scans(march)).isEqualTo(3);
        assertThat(march.sql()).contains("n.grain = 1").doesNotContain("n.grain = 0");
    }

    @Test
    void anyOtherPeriodScansDaysAndMonthsOfEachEnd() {
        assertThat(scans(ranges("2019-06-15", "2020-08-20"))).isEqualTo(6);
        assertThat(scans(ranges("2020-08-03", "2020-08-20"))).as("both in one month").isEqualTo(4);
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
