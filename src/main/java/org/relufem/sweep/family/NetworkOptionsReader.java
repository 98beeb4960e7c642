package org.relufem.sweep.family;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.relufem.method.fem.ReluFemNetwork;
import org.relufem.method.net.Activation;
import org.relufem.method.net.optim.OptimizerKind;
import org.relufem.sample.Sampler;
import org.relufem.sample.TensorGrid;
import org.relufem.sweep.DataSpec;
import org.relufem.sweep.SpecReader;
import org.relufem.sweep.TargetChoice;
import org.relufem.sweep.family.NetworkOptions.Init;

/**
 * Reads a network block's {@code init}, {@code init_std}, {@code lr_end}, {@code loss_tol} and
 * {@code grad_tol} axes into one axis of {@link NetworkOptions}, refusing combinations that cannot run or would
 * repeat trial_ids, with the key and file line, before anything runs.
 */
final class NetworkOptionsReader {
    /**
     * Grids up to this many nodes get their relu_fem layout built to find the exact width it
     * needs (milliseconds); a larger one needs at least nodes - 1 units, its last hidden layer.
     */
    private static final long LAYOUT_LIMIT = 1 << 16;

    private NetworkOptionsReader() {
    }

    /** The options axis of network block {@code m}: init x init_std x lr_end x loss_tol x grad_tol, slowest first. */
    static List<NetworkOptions> read(SpecReader m, List<OptimizerKind> optimizers, List<Integer> widths,
                                     List<Integer> depths, List<Activation> activations, DataSpec data,
                                     List<TargetChoice> targets) {
        List<String> names = m.stringAxis("init", List.of(Init.TORCH.label()));
        List<Init> inits = new ArrayList<>();
        for (String name : names) {
            Init init = Init.of(name);
            if (init == null) {
                throw SpecReader.error(m.value("init"), "unknown init '" + name + "' in " + m.name("init")
                        + "; known inits: " + String.join(", ", Init.labels()));
            }
            inits.add(init);
        }
        boolean normal = inits.contains(Init.NORMAL);
        if (m.has("init_std") && (!normal || inits.size() > 1)) {
            throw SpecReader.error(m.value("init_std"), m.name("init_std") + " is the std of init = normal and needs"
                    + " every value of init to be normal, got init = " + names + ": the other inits' trials would"
                    + " repeat across init_std values with one trial_id; give normal a method block of its own");
        }
        if (normal && !m.has("init_std")) {
            throw SpecReader.error(m.value("init"), "init = normal in " + m.name("init") + " needs "
                    + m.name("init_std") + ", the standard deviation of every weight and bias");
        }
        List<Double> stds = m.positiveAxis("init_std", List.of());
        List<Double> lrEnds = m.positiveAxis("lr_end", List.of());
        for (OptimizerKind o : optimizers) {
            if (!lrEnds.isEmpty() && !o.hasStepSize()) {
                throw SpecReader.error(m.value("lr_end"), m.name("lr_end") + " decays Adam's learning rate (optimizer "
                        + String.join(" or ", Arrays.stream(OptimizerKind.values()).filter(OptimizerKind::hasStepSize)
                                .map(OptimizerKind::label).toList())
                        + "), but optimizer " + o.label() + " has none to decay: its lr is " + o.lrMeaning());
            }
        }
        List<Double> lossTols = m.positiveAxis("loss_tol", List.of());
        List<Double> gradTols = m.positiveAxis("grad_tol", List.of());
        List<Boolean> rules = new ArrayList<>();
        for (String rule : m.stringAxis("checkpoint", List.of(NetworkOptions.LAST))) {
            if (!rule.equals(NetworkOptions.LAST) && !rule.equals(NetworkOptions.LOWEST_LOSS)) {
                throw SpecReader.error(m.value("checkpoint"), "unknown checkpoint rule '" + rule + "' in "
                        + m.name("checkpoint") + "; known rules: " + NetworkOptions.LAST + ", " + NetworkOptions.LOWEST_LOSS);
            }
            rules.add(rule.equals(NetworkOptions.LOWEST_LOSS));
        }
        for (OptimizerKind o : optimizers) {
            if (!gradTols.isEmpty() && !o.hasGradientTolerance()) {
                throw SpecReader.error(m.value("grad_tol"), m.name("grad_tol") + " stops a second-order optimiser"
                        + " (optimizer " + String.join(" or ", Arrays.stream(OptimizerKind.values())
                                .filter(OptimizerKind::hasGradientTolerance).map(OptimizerKind::label).toList())
                        + "), but optimizer " + o.label() + " has none: give it a method block of its own");
            }
        }
        for (double t : gradTols) {
            if (t >= 1) {
                throw SpecReader.error(m.value("grad_tol"), m.name("grad_tol") + " is relative to the first epoch's gradient norm and must be"
                        + " below 1, got " + t);
            }
        }
        if (inits.contains(Init.RELU_FEM)) {
            if (!activations.equals(List.of(Activation.RELU))) {
                throw SpecReader.error(m.value("init"), "init = " + Init.RELU_FEM.label() + " in " + m.name("init")
                        + " is the exact ReLU network of the P1 interpolant and needs activation = relu, got "
                        + m.name("activation") + " = " + activations.stream().map(Activation::label).toList());
            }
            checkReluFem(m, widths, depths, data, targets);
        }
        List<NetworkOptions> out = new ArrayList<>();
        for (Init init : inits) {
            for (Double std : orAbsent(stds)) {
                for (Double lrEnd : orAbsent(lrEnds)) {
                    for (Double lossTol : orAbsent(lossTols)) {
                        for (Double gradTol : orAbsent(gradTols)) {
                            for (boolean lowest : rules) {
                                out.add(new NetworkOptions(init, std, lrEnd, lossTol, gradTol, lowest));
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** An axis, or the axis of one absent value. */
    private static List<Double> orAbsent(List<Double> axis) {
        return axis.isEmpty() ? Collections.singletonList(null) : axis;
    }

    /** init = relu_fem needs grid data and every width and depth at least the P1 network's, for every grid. */
    private static void checkReluFem(SpecReader m, List<Integer> widths, List<Integer> depths, DataSpec data,
                                     List<TargetChoice> targets) {
        if (data.sampler() != Sampler.GRID) {
            throw SpecReader.error(m.value("init"), "init = " + Init.RELU_FEM.label() + " in " + m.name("init") + " starts from the P1"
                    + " interpolant of grid data and needs data.sampler = grid, got " + data.sampler().label());
        }
        int width = Collections.min(widths);
        int depth = Collections.min(depths);
        for (TargetChoice t : targets) {
            for (int n : data.gridN()) {
                long nodes = (long) Math.pow(n, t.dim());
                boolean exact = nodes - 1 <= width || nodes <= LAYOUT_LIMIT;
                long needed = exact
                        ? new ReluFemNetwork(new TensorGrid(t.domain(), n)).width()
                        : nodes - 1;
                if (width < needed || depth < t.dim()) {
                    String key = width < needed ? "width" : "depth";
                    throw SpecReader.error(m.has(key) ? m.value(key) : m.value("init"), "init = " + Init.RELU_FEM.label() + " in "
                            + m.name("init") + " on grid_n = " + n + " in d = " + t.dim() + " (target " + t.name()
                            + ") needs width >= " + needed + (exact ? "" : " (at least)") + " and depth >= " + t.dim()
                            + ", the P1 network's shape; got width = " + widths + ", depth = " + depths);
                }
            }
        }
    }
}
