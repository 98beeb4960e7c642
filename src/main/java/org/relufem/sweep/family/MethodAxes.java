package org.relufem.sweep.family;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.relufem.sweep.Axis;
import org.relufem.sweep.AxisValues;
import org.relufem.sweep.DataSpec;

/**
 * A method block's own axes (its family's keys), and how one trial's values on them become its
 * {@link MethodParams}. Serializable and small: executors expand their own trials.
 */
public interface MethodAxes extends Serializable {
    /** The own axes, slowest first, each named by its spec key. */
    List<Axis<?>> axes();

    /** The parameters of the trial at {@code values}, trained on {@code trainPoints} points. */
    MethodParams params(AxisValues values, int trainPoints);

    /** Result rows per trial: one per checkpoint for trained methods. */
    default int rowsPerTrial() {
        return 1;
    }

    /**
     * A trial this block and {@code other} (same method and sampler, overlapping targets) both
     * hold, described by its values after the method ({@code grid_n = 8, degree = 3}), or null. The
     * default: the first data size they share, then the first common value of each own axis; a
     * family whose axes interact (batch sizes that train alike) says more.
     *
     * @param data the training-set sizes both blocks' data axes hold, not empty
     */
    default String sharedTrial(MethodAxes other, List<DataSpec.Size> data) {
        List<String> values = firstCommon(axes(), other.axes());
        return values == null ? null : data.get(0).values() + (values.isEmpty() ? "" : ", " + String.join(", ", values));
    }

    /**
     * {@code key = value} for the first value each pair of axes shares, or null if some pair shares
     * none; {@code mine} and {@code theirs} are the same axes of two blocks, in the same order.
     */
    static List<String> firstCommon(List<Axis<?>> mine, List<Axis<?>> theirs) {
        List<String> values = new ArrayList<>();
        for (int a = 0; a < mine.size(); a++) {
            List<?> both = Axis.common(mine.get(a).values(), theirs.get(a).values());
            if (both.isEmpty()) {
                return null;
            }
            values.add(mine.get(a).name() + " = " + both.get(0));
        }
        return values;
    }

    /** The axes of a block whose method has no keys of its own: every trial has the same parameters. */
    record None(MethodParams params) implements MethodAxes {
        @Override
        public List<Axis<?>> axes() {
            return List.of();
        }

        @Override
        public MethodParams params(AxisValues values, int trainPoints) {
            return params;
        }
    }
}
