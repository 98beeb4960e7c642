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

    /** Every axis of the block's trials, slowest first: target, test seed, the data axes, the own axes. */
    List<Axis<?>> axes(List<Long> testSeeds) {
        List<Axis<?>> axes = new ArrayList<>();
        axes.add(targetAxis());
        axes.add(testSeedAxis(testSeeds));
        axes.addAll(data.axes());
        axes.addAll(own.axes());
        return axes;
    }

    Axis<TargetChoice> targetAxis() {
        return new Axis<>("target", targets);
    }

    static Axis<Long> testSeedAxis(List<Long> testSeeds) {
        return new Axis<>("test.seeds", testSeeds);
    }
}
