package org.relufem.sweep;

import java.util.ArrayList;
import java.util.List;
import org.relufem.sweep.SweepSpec.MethodSpec;
import org.relufem.sweep.SweepSpec.TargetChoice;

/**
 * Finds spec axes that would write one trial twice under the same trial_id. Values inside an axis
 * are already distinct (SpecReader refuses repeats), so two ways remain: two batch sizes that
 * train alike on some data size (0 and anything at or above the number of points all mean full
 * batch), and two method blocks that share a trial. Every block runs over all the test seeds,
 * so two blocks of one method and sampler share a trial exactly when their targets and each of
 * their own axes overlap (network options with an lr decay only if both blocks decay to the same
 * last epoch). Checked on the axes, without expanding the grid.
 */
final class RepeatedTrials {
    private RepeatedTrials() {
    }

    /** One training-set size of a block: its point count, and how the spec gives it. */
    private record Data(int points, String values, String where) {
    }

    /**
     * Two batch sizes of network block {@code m} that train alike on one of its data sizes,
     * described, or null.
     */
    static String sameBatch(MethodSpec m) {
        for (Data d : data(m.data().sampler(), m.data().gridN(), m.data().points(), m.data().seeds(), m.targets())) {
            List<Integer> full = m.batchSizes().stream().filter(b -> b == 0 || b >= d.points()).toList();
            if (full.size() > 1) {
                return full.get(0) + " and " + full.get(1) + " both train on all " + d.points() + " points of "
                        + d.where();
            }
        }
        return null;
    }

    /** A trial both blocks hold, described by its values, or null if they share none. */
    static String shared(MethodSpec a, MethodSpec b) {
        List<TargetChoice> targets = common(a.targets(), b.targets());
        if (!a.method().equals(b.method()) || !a.data().sampler().equals(b.data().sampler()) || targets.isEmpty()) {
            return null;
        }
        List<Data> data = data(a.data().sampler(), common(a.data().gridN(), b.data().gridN()),
                common(a.data().points(), b.data().points()), common(a.data().seeds(), b.data().seeds()), targets);
        if (data.isEmpty()) {
            return null;
        }
        List<String> values = new ArrayList<>(List.of("method = " + a.method()));
        if (a.isPolynomial()) {
            List<Integer> degrees = common(a.degrees(), b.degrees());
            List<String> sets = common(a.indexSets(), b.indexSets());
            if (degrees.isEmpty() || sets.isEmpty()) {
                return null;
            }
            values.add(data.get(0).values());
            values.add("degree = " + degrees.get(0));
            values.add("index_set = " + sets.get(0));
            return String.join(", ", values);
        }
        if (!a.isNetwork()) {
            List<Integer> projection = common(a.projectionGridN(), b.projectionGridN());
            if (!a.projectionGridN().isEmpty() && projection.isEmpty()) {
                return null;
            }
            values.add(data.get(0).values());
            if (!projection.isEmpty()) {
                values.add("grid_n = " + projection.get(0));
            }
            return String.join(", ", values);
        }
        String[] names = {"width", "depth", "optimizer", "lr", "init_seeds"};
        List<List<?>> axesA = List.of(a.widths(), a.depths(), a.optimizers(), a.lrs(), a.initSeeds());
        List<List<?>> axesB = List.of(b.widths(), b.depths(), b.optimizers(), b.lrs(), b.initSeeds());
        List<String> network = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            List<?> both = common(axesA.get(i), axesB.get(i));
            if (both.isEmpty()) {
                return null;
            }
            network.add(names[i] + " = " + both.get(0));
        }
        // An lr decay's trial_id holds its horizon: the same options decaying to different last epochs differ.
        boolean sameHorizon = a.epochs().get(a.epochs().size() - 1).equals(b.epochs().get(b.epochs().size() - 1));
        List<NetworkOptions> options = common(a.networkOptions(), b.networkOptions()).stream()
                .filter(o -> o.lrEnd() == null || sameHorizon).toList();
        if (options.isEmpty()) {
            return null;
        }
        network.add(options.get(0).describe());
        for (Data d : data) {
            for (int ba : a.batchSizes()) {
                for (int bb : b.batchSizes()) {
                    if (TrialSpace.effectiveBatch(ba, d.points()) == TrialSpace.effectiveBatch(bb, d.points())) {
                        values.add(d.values());
                        values.addAll(network);
                        values.add("batch_size = " + ba + (ba == bb ? "" : " and " + bb));
                        return String.join(", ", values);
                    }
                }
            }
        }
        return null;
    }

    /** The training-set sizes of a block's data axes (grid: n^d for every target dimension). */
    private static List<Data> data(String sampler, List<Integer> gridN, List<Integer> points, List<Long> seeds,
                                   List<TargetChoice> targets) {
        List<Data> out = new ArrayList<>();
        if (sampler.equals("grid")) {
            List<Integer> dims = targets.stream().map(TargetChoice::dim).distinct().toList();
            for (int n : gridN) {
                for (int d : dims) {
                    out.add(new Data((int) Math.pow(n, d), "grid_n = " + n, "grid_n = " + n + " in d = " + d));
                }
            }
        } else if (sampler.equals("sobol")) {
            for (int p : points) {
                out.add(new Data(p, "points = " + p, "points = " + p));
            }
        } else if (!seeds.isEmpty()) {
            for (int p : points) {
                out.add(new Data(p, "points = " + p + ", seeds = " + seeds.get(0), "points = " + p));
            }
        }
        return out;
    }

    private static <T> List<T> common(List<T> a, List<?> b) {
        return a.stream().filter(b::contains).toList();
    }
}
