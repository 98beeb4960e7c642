package org.relufem.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.relufem.sweep.SweepSpec.MethodSpec;
import org.relufem.sweep.SweepSpec.TargetChoice;

/**
 * The trial grid of a spec, indexed without materialising it. Trials are numbered block by block
 * (one block per method entry, in spec order); inside a block, an index is a mixed-radix number
 * over the block's axes (target, test seed, data, then the network axes), the last axis fastest.
 * Serializable and small: executors expand their own indices.
 */
public final class TrialSpace implements Serializable {
    private final SweepSpec spec;
    private final long[] blockStart;
    private final long size;

    public TrialSpace(SweepSpec spec) {
        this.spec = spec;
        this.blockStart = new long[spec.methods().size() + 1];
        for (int b = 0; b < spec.methods().size(); b++) {
            long count = 1;
            for (List<?> axis : axes(b)) {
                count = Math.multiplyExact(count, axis.size());
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

    /** Number of result rows all trials give (one per checkpoint for networks). */
    public long rowCount() {
        long rows = 0;
        for (int b = 0; b < spec.methods().size(); b++) {
            MethodSpec m = spec.methods().get(b);
            rows += blockSize(b) * (m.isNetwork() ? m.epochs().size() : 1);
        }
        return rows;
    }

    /** The axes of block b, slowest first. The data axis holds grid sizes, or (points, seed) pairs. */
    private List<List<?>> axes(int b) {
        MethodSpec m = spec.methods().get(b);
        List<List<?>> axes = new ArrayList<>();
        axes.add(m.targets());
        axes.add(spec.testSeeds());
        if (m.data().sampler().equals("grid")) {
            axes.add(m.data().gridN());
        } else {
            axes.add(m.data().points());
            if (!m.data().seeds().isEmpty()) {
                axes.add(m.data().seeds());
            }
        }
        if (!m.projectionGridN().isEmpty()) {
            axes.add(m.projectionGridN());
        }
        if (m.isNetwork()) {
            axes.add(m.widths());
            axes.add(m.depths());
            axes.add(m.optimizers());
            axes.add(m.lrs());
            axes.add(m.networkOptions());
            axes.add(m.batchSizes());
            axes.add(m.initSeeds());
        }
        if (m.isPolynomial()) {
            axes.add(m.degrees());
            axes.add(m.indexSets());
        }
        return axes;
    }

    /** Position of the batch-size axis in block b's axes, or -1. */
    private int batchAxis(int b) {
        MethodSpec m = spec.methods().get(b);
        return m.isNetwork() ? axes(b).size() - 2 : -1;
    }

    /** The spec value of the batch axis that trains like {@code trial}'s effective batch size, or -1. */
    private static int batchDigit(List<Integer> batchSizes, Trial trial) {
        for (int i = 0; i < batchSizes.size(); i++) {
            if (effectiveBatch(batchSizes.get(i), trial.trainPoints()) == trial.batchSize()) {
                return i;
            }
        }
        return -1;
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
        List<List<?>> axes = axes(b);
        Object[] value = new Object[axes.size()];
        long rest = index - blockStart[b];
        for (int a = axes.size() - 1; a >= 0; a--) {
            int radix = axes.get(a).size();
            value[a] = axes.get(a).get((int) (rest % radix));
            rest /= radix;
        }
        MethodSpec m = spec.methods().get(b);
        TargetChoice target = (TargetChoice) value[0];
        long testSeed = (Long) value[1];
        boolean grid = m.data().sampler().equals("grid");
        Integer gridN = grid ? (Integer) value[2] : null;
        int trainPoints = grid ? (int) Math.pow(gridN, target.dim()) : (Integer) value[2];
        boolean seeded = m.data().sampler().equals("uniform");
        Long trainSeed = seeded ? (Long) value[3] : null;
        int n = seeded ? 4 : 3;
        if (m.isPolynomial()) {
            return new Trial(index, m.method(), target.name(), target.dim(), m.data().sampler(), gridN, trainPoints,
                    trainSeed, null, null, null, null, null, null, List.of(), testSeed, spec.testPoints(), false,
                    (Integer) value[n], (String) value[n + 1]);
        }
        if (!m.isNetwork()) {
            Integer projectionGridN = m.projectionGridN().isEmpty() ? gridN : (Integer) value[n];
            return new Trial(index, m.method(), target.name(), target.dim(), m.data().sampler(), projectionGridN,
                    trainPoints, trainSeed, null, null, null, null, null, null, List.of(), testSeed, spec.testPoints(),
                    false);
        }
        return new Trial(index, m.method(), target.name(), target.dim(), m.data().sampler(), gridN, trainPoints,
                trainSeed, (Integer) value[n], (Integer) value[n + 1], (String) value[n + 2], (Double) value[n + 3],
                effectiveBatch((Integer) value[n + 5], trainPoints), (Long) value[n + 6], m.epochs(), testSeed,
                spec.testPoints(), m.keepWeights()).withNetwork((NetworkOptions) value[n + 4]);
    }

    /** Points per step as trained: 0 (full batch) and anything above the data size mean all the points. */
    static int effectiveBatch(int batchSize, int trainPoints) {
        return batchSize == 0 ? trainPoints : Math.min(batchSize, trainPoints);
    }

    /**
     * The index of {@code trial}, found from its parameters alone (the first method block whose
     * axes hold them): the inverse of {@link #trial(long)}.
     *
     * @throws IllegalArgumentException if no block of this space holds the trial
     */
    public long indexOf(Trial trial) {
        List<Object> values = new ArrayList<>(List.of(new TargetChoice(trial.target(), trial.dim()), trial.testSeed()));
        if (trial.sampler().equals("grid")) {
            values.add(trial.gridN());
        } else {
            values.add(trial.trainPoints());
            if (trial.trainSeed() != null) {
                values.add(trial.trainSeed());
            }
            if (trial.gridN() != null) {
                values.add(trial.gridN()); // the projection grid
            }
        }
        if (trial.isNetwork()) {
            values.addAll(List.of(trial.width(), trial.depth(), trial.optimizer(), trial.lr(), trial.network(),
                    trial.batchSize(), trial.initSeed()));
        }
        if (trial.degree() != null) {
            values.addAll(List.of(trial.degree(), trial.indexSet()));
        }
        for (int b = 0; b < spec.methods().size(); b++) {
            MethodSpec m = spec.methods().get(b);
            if (!m.method().equals(trial.method()) || !m.data().sampler().equals(trial.sampler())) {
                continue;
            }
            if (trial.isNetwork() && trial.network().lrEnd() != null
                    && trial.lastEpoch() != m.epochs().get(m.epochs().size() - 1)) {
                continue; // an lr decay to another horizon is another trial
            }
            List<List<?>> axes = axes(b);
            long local = 0;
            for (int a = 0; a < axes.size() && local >= 0; a++) {
                int digit = a == batchAxis(b) ? batchDigit(m.batchSizes(), trial) : axes.get(a).indexOf(values.get(a));
                local = digit < 0 ? -1 : local * axes.get(a).size() + digit;
            }
            if (local >= 0) {
                return blockStart[b] + local;
            }
        }
        throw new IllegalArgumentException("no method block of sweep " + spec.name() + " holds " + trial.canonical());
    }
}
