package org.relufem.sweep;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.relufem.method.Approximator;
import org.relufem.method.fem.GridInterpolation;
import org.relufem.method.fem.L2Projection;
import org.relufem.method.fem.ReluFem;
import org.relufem.method.fem.ReluFemInitializer;
import org.relufem.method.fem.ScatteredP1;
import org.relufem.method.net.Initializer;
import org.relufem.method.net.Initializers;
import org.relufem.method.net.NetTraining;
import org.relufem.method.poly.IndexSet;
import org.relufem.method.poly.PolyCs;
import org.relufem.method.poly.PolyLsq;
import org.relufem.target.Targets;

/** What each method name in a spec accepts: its samplers and its own keys besides {@code method} and {@code data}. */
final class Methods {
    /** Keys of a network method block. */
    static final Set<String> NET_KEYS = Set.of("width", "depth", "optimizer", "lr", "epochs", "init_seeds",
            "batch_size", "keep_weights", "init", "init_std", "lr_end", "loss_tol");

    /** Keys of a polynomial method block. */
    static final Set<String> POLY_KEYS = Set.of("degree", "index_set");

    record Kind(Set<String> samplers, Set<String> keys) {
        boolean isNetwork() {
            return keys.contains("width");
        }

        boolean isPolynomial() {
            return keys.contains("degree");
        }
    }

    private static final Map<String, Kind> KINDS = new TreeMap<>(Map.of(
            "p1", new Kind(Set.of("grid"), Set.of()),
            "q1", new Kind(Set.of("grid"), Set.of()),
            "relu_fem", new Kind(Set.of("grid"), Set.of()),
            "p1_scattered", new Kind(Set.of("uniform", "sobol"), Set.of()),
            "l2_projection", new Kind(Set.of("uniform", "sobol"), Set.of("grid_n")),
            "relu_net", new Kind(Set.of("grid", "uniform", "sobol"), NET_KEYS),
            "poly_lsq", new Kind(Set.of("grid", "uniform", "sobol"), POLY_KEYS),
            "poly_cs", new Kind(Set.of("grid", "uniform", "sobol"), POLY_KEYS)));

    private Methods() {
    }

    static Kind kind(String method) {
        return KINDS.get(method);
    }

    static List<String> names() {
        return List.copyOf(KINDS.keySet());
    }

    /** The approximator a trial asks for: the one place that maps method names to implementations. */
    static Approximator create(Trial trial) {
        switch (trial.method()) {
            case "p1":
                return GridInterpolation.P1;
            case "q1":
                return GridInterpolation.Q1;
            case "relu_fem":
                return new ReluFem();
            case "p1_scattered":
                return new ScatteredP1();
            case "l2_projection":
                return new L2Projection(Targets.create(trial.target(), trial.dim()).domain(), trial.gridN());
            case "relu_net":
                return new NetTraining(trial.width(), trial.depth(), trial.optimizer(), trial.lr(), trial.epochs(),
                        trial.initSeed(), trial.batchSize(), initializer(trial.network()), trial.network().lrEnd(),
                        trial.network().lossTol());
            case "poly_lsq":
                return new PolyLsq(Targets.create(trial.target(), trial.dim()).domain(), indexSet(trial));
            case "poly_cs":
                return new PolyCs(Targets.create(trial.target(), trial.dim()).domain(), indexSet(trial));
            default:
                throw new IllegalArgumentException("unknown method '" + trial.method() + "'");
        }
    }

    /** The initialiser an {@code init} name asks for: the one place that maps init names to implementations. */
    static Initializer initializer(NetworkOptions options) {
        return switch (options.init()) {
            case NetworkOptions.TORCH -> Initializers.TORCH;
            case "he" -> Initializers.HE;
            case NetworkOptions.NORMAL -> new Initializers.Normal(options.initStd());
            case "relu_fem" -> new ReluFemInitializer();
            default -> throw new IllegalArgumentException("unknown init '" + options.init() + "'");
        };
    }

    private static IndexSet indexSet(Trial trial) {
        return IndexSet.of(IndexSet.Kind.of(trial.indexSet()), trial.dim(), trial.degree());
    }
}
