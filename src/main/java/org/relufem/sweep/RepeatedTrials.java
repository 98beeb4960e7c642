package org.relufem.sweep;

import java.util.List;

/**
 * The check that spans method blocks, run after each block is read: two blocks must not hold the
 * same trial, or its trial_id would be written twice. Values inside an axis are already distinct
 * (SpecReader refuses repeats), and every block runs over all the test seeds, so two blocks of one
 * method and sampler share a trial exactly when their targets, their data and each of their own
 * axes overlap (how the own axes overlap is their family's to say, see
 * {@code MethodAxes.sharedTrial}). Checked on the axes, without expanding the grid.
 */
final class RepeatedTrials {
    private RepeatedTrials() {
    }

    /** Block {@code second} holds a trial of block {@code first}, described by its values. */
    record Repeat(int first, int second, String shared) {
    }

    /** The first pair of blocks that share a trial, or null. */
    static Repeat find(List<MethodBlock> blocks) {
        for (int j = 1; j < blocks.size(); j++) {
            for (int i = 0; i < j; i++) {
                String shared = shared(blocks.get(i), blocks.get(j));
                if (shared != null) {
                    return new Repeat(i, j, shared);
                }
            }
        }
        return null;
    }

    private static String shared(MethodBlock a, MethodBlock b) {
        List<TargetChoice> targets = Axis.common(a.targets(), b.targets());
        if (!a.method().equals(b.method()) || a.data().sampler() != b.data().sampler() || targets.isEmpty()) {
            return null;
        }
        List<DataSpec.Size> data = a.data().common(b.data()).sizes(targets);
        if (data.isEmpty()) {
            return null;
        }
        String own = a.own().sharedTrial(b.own(), data);
        return own == null ? null : "method = " + a.method() + ", " + own;
    }
}
