package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** How a chunk's trials are cut into Spark tasks: pure, no session. */
class DealTest {
    private static List<Long> indices(int n) {
        return new ArrayList<>(LongStream.range(100, 100 + n).boxed().toList());
    }

    private static long[] flatten(List<long[]> groups) {
        return groups.stream().flatMapToLong(LongStream::of).toArray();
    }

    private static double cost(long[] group, List<Long> indices, List<Double> costs) {
        double sum = 0;
        for (long index : group) {
            sum += costs.get(indices.indexOf(index));
        }
        return sum;
    }

    @Test
    void equalTrialsGoInTasksThatShrinkToASixteenthOfACoreShare() {
        List<Long> indices = indices(200);
        List<Double> costs = Collections.nCopies(200, 0.25);
        List<long[]> groups = SweepJob.deal(indices, costs, 2);
        assertArrayEquals(LongStream.range(100, 300).toArray(), flatten(groups), "each trial once, in index order");
        assertEquals(50, groups.get(0).length, "the first task holds a quarter: half a core's share");
        assertEquals(38, groups.get(1).length, "then a quarter of the 150 left");
        for (int g = 1; g < groups.size(); g++) {
            assertTrue(groups.get(g).length <= groups.get(g - 1).length, "task " + g + " grew");
        }
        long[] last = groups.get(groups.size() - 1);
        assertTrue(last.length <= 7, "the last task holds " + last.length + " trials, 200 / 32 rounded up is 7");
        assertTrue(groups.size() >= 8 && groups.size() <= 16, groups.size() + " tasks");
    }

    @Test
    void theLongestTrialsRunFirstAndAHugeOneAlone() {
        List<Long> indices = indices(41);
        List<Double> costs = new ArrayList<>(Collections.nCopies(41, 1.0));
        costs.set(17, 100.0);
        costs.set(3, 2.0);
        List<long[]> groups = SweepJob.deal(indices, costs, 2);
        assertArrayEquals(new long[] {117}, groups.get(0), "the 100 s trial is a task of its own, launched first");
        assertEquals(103, groups.get(1)[0], "then the 2 s trial");
        assertEquals(11, cost(groups.get(1), indices, costs), "in a task of a quarter of the 41 s left, whole trials");
        for (int g = 2; g < groups.size(); g++) {
            assertTrue(cost(groups.get(g), indices, costs) <= cost(groups.get(g - 1), indices, costs), "task " + g);
        }
        assertEquals(41, flatten(groups).length);
    }

    @Test
    void oneCoreTwoTrialsAndCostlessTrialsAllWork() {
        List<long[]> one = SweepJob.deal(indices(64), Collections.nCopies(64, 1.0), 1);
        assertEquals(32, one.get(0).length, "on one core the first task holds half");
        assertTrue(one.get(one.size() - 1).length >= 4, "and the last a sixteenth");

        assertEquals(2, SweepJob.deal(indices(2), List.of(1.0, 1.0), 8).size(), "never fewer than one trial a task");

        List<long[]> costless = SweepJob.deal(indices(200), Collections.nCopies(200, 0.0), 2);
        assertEquals(50, costless.get(0).length, "without estimates every trial weighs the same");
    }
}
