package org.relufem.target;

import java.util.Arrays;

/**
 * The check a user's target (a formula or a class) passes before a sweep runs on it: at the box's
 * centre, its corners (the first 1024 of them in high dimensions) and 64 points of a Kronecker
 * sequence (Roberts' R_d) inside, the value is finite, does not throw, and is the same when asked twice. A
 * grid's nodes include the corners, so {@code log(x)} on [0, 1] is refused here rather than
 * failing every grid trial.
 */
public final class TargetCheck {
    static final int MAX_CORNERS = 1024;
    static final int INTERIOR_POINTS = 64;

    private TargetCheck() {
    }

    /**
     * @throws IllegalArgumentException naming the first point where {@code target} fails
     */
    public static void values(Target target) {
        Box box = target.domain();
        int d = box.dimension();
        double[] x = new double[d];
        for (int k = 0; k < d; k++) {
            x[k] = box.lower(k) + 0.5 * box.width(k);
        }
        at(target, x);
        long corners = d >= 10 ? MAX_CORNERS : 1L << d;
        for (long c = 0; c < corners; c++) {
            for (int k = 0; k < d; k++) {
                x[k] = k < 63 && ((c >> k) & 1) == 1 ? box.upper(k) : box.lower(k);
            }
            at(target, x);
        }
        // Roberts' R_d sequence: alpha_k = g^-(k+1), g the root of g^(d+1) = g + 1.
        double g = 2;
        for (int i = 0; i < 30; i++) {
            g = Math.pow(1 + g, 1.0 / (d + 1));
        }
        for (int i = 1; i <= INTERIOR_POINTS; i++) {
            for (int k = 0; k < d; k++) {
                double u = (0.5 + i * Math.pow(g, -(k + 1))) % 1.0;
                x[k] = box.lower(k) + u * box.width(k);
            }
            at(target, x);
        }
    }

    private static void at(Target target, double[] x) {
        double first;
        double second;
        try {
            first = target.value(x.clone(), 0);
            second = target.value(x.clone(), 0);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("throws " + e.getClass().getSimpleName() + " at " + Arrays.toString(x)
                    + ": " + e.getMessage(), e);
        }
        if (!Double.isFinite(first)) {
            throw new IllegalArgumentException("is not finite at " + Arrays.toString(x) + ": " + first);
        }
        if (Double.compare(first, second) != 0) {
            throw new IllegalArgumentException("is not deterministic: " + first + " and then " + second + " at "
                    + Arrays.toString(x));
        }
    }
}
