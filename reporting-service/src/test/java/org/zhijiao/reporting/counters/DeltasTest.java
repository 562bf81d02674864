package org.zhijiao.reporting.counters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.zhijiao.reporting.counters.Deltas.Name;
import org.zhijiao.reporting.counters.Spans.Changes;
import org.zhijiao.reporting.counters.Spans.Series;

/** Sums of entries and exits per series and day, as {@link CounterStore} writes them. */
class DeltasTest {

    private static final Series TOTAL = new Series("", "");
    private static final Series EAST = new Series("region", "east");

    @Test
    void sumsEachDayAndListsTheChangingOnesInSeriesAndDayOrder() {
        Deltas deltas = new Deltas();
        deltas.add("members", Map.of(TOTAL, changes(days(-20, 3, 40), days(41))), +1);
        deltas.add("members", Map.of(TOTAL, changes(days(3), days()), EAST, changes(days(15, 16), days())), +1);

        // ids order the series: "members / region / east" before the total here
        assertThat(rows(deltas, Map.of(new Name("members", "", ""), 7, new Name("members", "region", "east"), 2)))
                .containsExactly("2@15:1/0", "2@16:1/0", "7@-20:1/0", "7@3:2/0", "7@40:1/0", "7@41:0/1");
        assertThat(deltas.size()).isEqualTo(6);
    }

    @Test
    void aDayWhoseChangesCancelOutIsNotWrittenNorItsSeriesNamed() {
        Deltas deltas = new Deltas();
        deltas.add("members", Map.of(TOTAL, changes(days(100), days(200)), EAST, changes(days(100), days())), +1);
        deltas.add("members", Map.of(TOTAL, changes(days(100), days(300)), EAST, changes(days(100), days())), -1);

        assertThat(deltas.series()).containsExactly(new Name("members", "", ""));
        assertThat(rows(deltas, Map.of(new Name("members", "", ""), 1))).containsExactly("1@200:0/1", "1@300:0/-1");
        assertThat(deltas.size()).isEqualTo(2);
    }

    @Test
    void addingAnotherBatchSumsSharedBlocksAndTakesOverTheRest() {
        Deltas all = new Deltas();
        all.add("members", Map.of(TOTAL, changes(days(1, 2), days())), +1);
        Deltas chunk = new Deltas();
        chunk.add("members", Map.of(TOTAL, changes(days(2, 500), days(1))), +1);
        chunk.add("cohorts", Map.of(TOTAL, changes(days(7), days())), +1);

        all.addAll(chunk);

        assertThat(rows(all, Map.of(new Name("members", "", ""), 1, new Name("cohorts", "", ""), 2)))
                .containsExactly("1@1:1/1", "1@2:2/0", "1@500:1/0", "2@7:1/0");
        assertThat(all.size()).isEqualTo(4);
        assertThat(all.blocks()).as("days 1 and 2 share a block; 500 and the cohorts' day 7 have their own").isEqualTo(3);
        all.clear();
        assertThat(all.size()).isZero();
        assertThat(all.series()).isEmpty();
    }

    @Test
    void manyBlocksAddedInAnyOrderSumLikeAMapOfDays() {
        // thousands of blocks: the table of block numbers grows and rehashes many times, negative days included
        Random random = new Random(7);
        Map<Long, long[]> expected = new TreeMap<>();
        Deltas all = new Deltas();
        for (int batch = 0; batch < 20; batch++) {
            Deltas chunk = new Deltas();
            for (int entity = 0; entity < 200; entity++) {
                long entered = random.nextInt(200_000) - 50_000;
                long exited = entered + random.nextInt(3_000);
                int sign = random.nextInt(4) == 0 ? -1 : +1;
                chunk.add("members", Map.of(TOTAL, changes(days(entered), days(exited))), sign);
                expected.computeIfAbsent(entered, d -> new long[2])[0] += sign;
                expected.computeIfAbsent(exited, d -> new long[2])[1] += sign;
            }
            all.addAll(chunk);
        }
        List<String> wanted = new ArrayList<>();
        expected.forEach((day, change) -> {
            if (change[0] != 0 || change[1] != 0) {
                wanted.add("1@" + day + ":" + change[0] + "/" + change[1]);
            }
        });

        assertThat(wanted).hasSizeGreaterThan(3_000);
        assertThat(rows(all, Map.of(new Name("members", "", ""), 1))).containsExactlyElementsOf(wanted);
        assertThat(all.size()).isEqualTo(wanted.size());
    }

    private static List<String> rows(Deltas deltas, Map<Name, Integer> ids) {
        List<String> rows = new ArrayList<>();
        deltas.forEachRow(ids::get, (series, day, entered, exited) -> rows.add(series + "@" + day + ":" + entered + "/"
                + exited));
        return rows;
    }

    private static Changes changes(long[] entered, long[] exited) {
        return new Changes(entered, exited);
    }

    private static long[] days(long... days) {
        return days;
    }
}
