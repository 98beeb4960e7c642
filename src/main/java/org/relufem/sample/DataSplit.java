package org.relufem.sample;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.relufem.target.DataSet;
import org.relufem.target.TargetDefinition;

/**
 * A data target's rows as sample sets: a seeded permutation of the rows (the split stream of
 * {@code split_seed}) puts its first {@code round(test_fraction * rows)} rows in the held-out test
 * set and the rest in the training set, each in file order. The split depends on the file's
 * numbers and the seed only: it is the same on every run, machine and core count.
 */
public final class DataSplit {
    private DataSplit() {
    }

    /** The held-out test rows' indices, ascending. */
    public static int[] testRows(TargetDefinition.OfData target) {
        int[] order = permutation(target.data().rows(), RandomStreams.of(target.splitSeed(), RandomStreams.SPLIT));
        int[] test = Arrays.copyOf(order, target.testRows());
        Arrays.sort(test);
        return test;
    }

    /** The training rows' indices, ascending. */
    public static int[] trainingRows(TargetDefinition.OfData target) {
        int[] order = permutation(target.data().rows(), RandomStreams.of(target.splitSeed(), RandomStreams.SPLIT));
        int[] train = Arrays.copyOfRange(order, target.testRows(), order.length);
        Arrays.sort(train);
        return train;
    }

    /** The held-out test set. */
    public static SampleSet test(TargetDefinition.OfData target) {
        return rows(target.data(), testRows(target));
    }

    /**
     * The training set: every training row ({@code seed} null), or {@code points} of them drawn
     * without replacement from the training stream of {@code seed}.
     */
    public static SampleSet training(TargetDefinition.OfData target, int points, Long seed) {
        int[] train = trainingRows(target);
        if (seed == null) {
            if (points != train.length) {
                throw new IllegalArgumentException("all " + train.length + " training rows, not " + points);
            }
            return rows(target.data(), train);
        }
        if (points < 1 || points > train.length) {
            throw new IllegalArgumentException("points must be in 1.." + train.length + ", got " + points);
        }
        int[] order = permutation(train.length, RandomStreams.of(seed, RandomStreams.TRAIN));
        int[] chosen = new int[points];
        for (int i = 0; i < points; i++) {
            chosen[i] = train[order[i]];
        }
        Arrays.sort(chosen);
        return rows(target.data(), chosen);
    }

    private static SampleSet rows(DataSet data, int[] rows) {
        double[][] xy = data.select(rows);
        return new SampleSet(data.dimension(), xy[0], xy[1], null);
    }

    /** Fisher-Yates on 0..n-1. */
    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        Arrays.setAll(p, i -> i);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
