package org.relufem.sweep;

import java.io.Serializable;
import java.util.List;
import org.relufem.target.TargetDefinition;

/**
 * The trial grid of a spec, indexed without materialising it. Trials are numbered block by block
 * (one block per method entry, in spec order); inside a block, an index is a mixed-radix number
 * over the block's named axes (target, test seed, data, then the family's own), the last axis
 * fastest. Serializable and small: executors expand their own indices.
 */
public final class TrialSpace implements Serializable {
    private final SweepSpec spec;
    /** Each block's axes, built once. */
    private final List<List<Axis<?>>> axes;
    private final long[] blockStart;
    private final long size;

    public TrialSpace(SweepSpec spec) {
        this.spec = spec;
        this.axes = spec.methods().stream().map(m -> m.axes(spec.testSeeds())).toList();
        this.blockStart = new long[spec.methods().size() + 1];
        for (int b = 0; b < spec.methods().size(); b++) {
            long count = 1;
            for (Axis<?> axis : axes.get(b)) {
                count = Math.multiplyExact(count, axis.values().size());
            }
            blockStart[b + 1] = Math.addExact(blockStart[b], count);
        }
        this.size = blockStart[blockStart.length - 1];
    }

    public SweepSpec spec() {
        return spec;
    }

    /** Number of trials. */
    public long size() {
        return size;
    }

    /** Number of trials of method block {@code b}. */
    public long blockSize(int b) {
        return blockStart[b + 1] - blockStart[b];
    }

    /** Number of result rows the trials of block {@code b} give. */
    public long blockRows(int b) {
        return blockSize(b) * block(b).own().rowsPerTrial();
    }

    /** Number of result rows all trials give (one per checkpoint for trained methods). */
    public long rowCount() {
        long rows = 0;
        for (int b = 0; b < spec.methods().size(); b++) {
            rows += blockRows(b);
        }
        return rows;
    }

    private MethodBlock block(int b) {
        return spec.methods().get(b);
    }

    /** Trial number {@code index}, 0 &lt;= index &lt; size(). */
    public Trial trial(long index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("trial " + index + " of " + size);
        }
        int b = 0;
        while (index >= blockStart[b + 1]) {
            b++;
        }
        MethodBlock block = block(b);
        List<Axis<?>> blockAxes = axes.get(b);
        AxisValues values = new AxisValues();
        long rest = index - blockStart[b];
        for (int a = blockAxes.size() - 1; a >= 0; a--) {
            List<?> axis = blockAxes.get(a).values();
            values.put(blockAxes.get(a), axis.get((int) (rest % axis.size())));
            rest /= axis.size();
        }
        TargetChoice target = (TargetChoice) values.get(MethodBlock.TARGET);
        TrainingData data = block.data().at(values, target);
        // A data target's test set is its held-out rows.
        int testPoints = target.definition() instanceof TargetDefinition.OfData d ? d.testRows()
                : (int) spec.test().points(target.dim());
        return new Trial(index, block.method(), target.definition(), data,
                (Long) values.get(MethodBlock.TEST_SEED), testPoints, block.own().params(values, data.points()),
                spec.test());
    }

    /**
     * Whether every trial of {@code smaller} is also a trial of this space with the same rows: the
     * same row ids (so the same parameters and checkpoints) and the same stored content
     * (keep_weights, test.field). A spec grown by values on an axis, seeds or method blocks contains the old one.
     */
    public boolean contains(TrialSpace smaller) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (long i = 0; i < size; i++) {
            keys.add(rowsKey(trial(i)));
        }
        for (long i = 0; i < smaller.size(); i++) {
            if (!keys.contains(rowsKey(smaller.trial(i)))) {
                return false;
            }
        }
        return true;
    }

    private static String rowsKey(Trial t) {
        return String.join(",", t.rowIds()) + ";" + t.params().keepWeights() + ";" + t.test().field();
    }
}
