package org.relufem.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed epochs at which rows record the training loss: the 1-2-5 series 1, 2, 5, 10, 20, 50,
 * 100, ... up to the row's epoch count, so curves of different rows line up in SQL. The loss at
 * epoch e is the one the optimiser saw in that epoch (before its update, as torch reports it).
 */
public final class LossCurve {
    private LossCurve() {
    }

    /** The 1-2-5 series up to and including {@code maxEpochs}. */
    public static List<Integer> epochs(int maxEpochs) {
        List<Integer> out = new ArrayList<>();
        for (long decade = 1; decade <= maxEpochs; decade *= 10) {
            for (int m : new int[] {1, 2, 5}) {
                if (decade * m <= maxEpochs) {
                    out.add((int) (decade * m));
                }
            }
        }
        return out;
    }

    /** The recorded losses at {@link #epochs(int)} of {@code maxEpochs}, as far as {@code history} reaches. */
    public static double[] sample(double[] history, int maxEpochs) {
        return epochs(Math.min(maxEpochs, history.length)).stream().mapToDouble(e -> history[e - 1]).toArray();
    }
}
