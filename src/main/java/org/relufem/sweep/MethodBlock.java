package org.relufem.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.relufem.sweep.family.MethodAxes;

/**
 * One method block of a spec: the method, its training data, the targets it runs on, and its
 * family's own axes.
 *
 * @param targets all the spec's targets, or those of the block's {@code dim}
 */
public record MethodBlock(String method, DataSpec data, List<TargetChoice> targets, MethodAxes own)
        implements Serializable {

    /** The name of the target axis. */
    static final String TARGET = "target";
    /** The name of the test-seed axis. */
    static final String TEST_SEED = "test.seeds";

    /** Every axis of the block's trials, slowest first: target, test seed, the data axes, the own axes. */
    List<Axis<?>> axes(List<Long> testSeeds) {
        List<Axis<?>> axes = new ArrayList<>();
        axes.add(new Axis<>(TARGET, targets));
        axes.add(new Axis<>(TEST_SEED, testSeeds));
        axes.addAll(data.axes());
        axes.addAll(own.axes());
        return List.copyOf(axes);
    }
}
