package org.relufem.sweep.family;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relufem.method.Approximator;
import org.relufem.method.fem.GridInterpolation;
import org.relufem.method.fem.Lagrange;
import org.relufem.method.fem.ReluFem;
import org.relufem.sample.Sampler;
import org.relufem.sweep.Axis;
import org.relufem.sweep.AxisValues;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.DataSpec;
import org.relufem.sweep.SpecReader;
import org.relufem.sweep.TargetChoice;
import org.relufem.sweep.Trial;

/**
 * Interpolants of grid data: {@code p1}, {@code q1}, the tensor-product Lagrange elements
 * {@code lagrange} of any {@code degree} (an axis, default 2; (grid_n - 1) divisible by it), the
 * piecewise-constant {@code nearest} and the exact ReLU-FEM network {@code relu_fem}.
 */
public final class GridInterpolants implements MethodFamily {
    /** Building ReLU-FEM's dense network, per parameter. */
    static final double RELU_FEM_BUILD_SECONDS_PER_PARAMETER = 16e-9;
    /** The dense ReLU-FEM network's batched forward pass per point per parameter (0.5 ns measured at n = 33). */
    static final double DENSE_FORWARD_SECONDS_PER_PARAMETER = 0.5e-9;

    /**
     * A Q_k point beyond what {@code CostModel} charges a multilinear one: the cell location and
     * 1-D bases, then per term of its (k+1)^d-term sum. {@code LagrangeBenchmark} against
     * {@code InterpolationBenchmark}'s P1 in one quiet run (2026-12-01): Q2/Q3/Q4 at 29/31/39 ns
     * per point in 1-D (P1 8.6), 71/80/85 in 2-D (P1 11.5), 161/208/316 in 3-D (P1 51).
     */
    static final double LAGRANGE_SECONDS_PER_POINT = 30e-9;
    static final double LAGRANGE_SECONDS_PER_TERM = 2e-9;

    /** The methods, each named in specs by its lower-case name. */
    enum Kind {
        P1,
        Q1,
        LAGRANGE,
        NEAREST,
        RELU_FEM
    }

    /**
     * A grid interpolant's parameters: which one.
     *
     * @param degree the element's degree per variable ({@code lagrange}), else null
     */
    public record Params(Kind kind, Integer degree) implements MethodParams, MethodParams.Graded {
        @Override
        public Approximator approximator(Trial trial) {
            return switch (kind) {
                case P1 -> GridInterpolation.P1;
                case Q1 -> GridInterpolation.Q1;
                case LAGRANGE -> new Lagrange(degree);
                case NEAREST -> GridInterpolation.NEAREST;
                case RELU_FEM -> new ReluFem();
            };
        }

        @Override
        public void addTo(Map<String, Object> parameters) {
            parameters.put("degree", degree);
        }

        /**
         * Nodal interpolants cost their evaluation (CostModel's), Q_k its (k+1)^d-term sums beyond
         * that; ReLU-FEM builds and runs a dense net.
         */
        @Override
        public double fitSeconds(Trial trial) {
            return switch (kind) {
                case RELU_FEM -> reluFemSeconds(trial);
                case LAGRANGE -> (trial.testPoints() + CostModel.searchEvaluations(trial))
                        * (LAGRANGE_SECONDS_PER_POINT + Math.pow(degree + 1, trial.dim()) * LAGRANGE_SECONDS_PER_TERM);
                default -> 0;
            };
        }

        @Override
        public double searchMoves() {
            return CostModel.SEARCH_MOVES_PIECEWISE_LINEAR;
        }
    }

    @Override
    public List<String> methods() {
        return MethodFamily.names(Kind.values());
    }

    @Override
    public Set<Sampler> samplers(String method) {
        return Set.of(Sampler.GRID);
    }

    @Override
    public Set<String> keys(String method) {
        return MethodFamily.kind(Kind.class, method) == Kind.LAGRANGE ? Set.of("degree") : Set.of();
    }

    @Override
    public MethodAxes read(String method, SpecReader block, DataSpec data, List<TargetChoice> targets) {
        Kind kind = MethodFamily.kind(Kind.class, method);
        if (kind != Kind.LAGRANGE) {
            return new MethodAxes.None(new Params(kind, null));
        }
        List<Integer> degrees = block.intAxis("degree", 1, Lagrange.MAX_DEGREE, List.of(2));
        SpecReader d = SpecReader.of(block.value("data"), block.name("data"));
        for (int degree : degrees) {
            for (int n : data.gridN()) {
                if (!new Lagrange(degree).fits(n)) {
                    int below = (n - 1) / degree * degree + 1;
                    int above = below + degree;
                    throw SpecReader.error(d.value("grid_n"), d.name("grid_n") + " = " + n + " does not split into"
                            + " cells of degree " + degree + ": lagrange needs grid_n - 1 divisible by the degree ("
                            + (below > degree ? below + " or " + above : String.valueOf(above)) + ")");
                }
            }
        }
        return new LagrangeAxes(new Axis<>("degree", degrees));
    }

    /** lagrange's own axis: the element's degree. */
    private record LagrangeAxes(Axis<Integer> degrees) implements MethodAxes {
        @Override
        public List<Axis<?>> axes() {
            return List.of(degrees);
        }

        @Override
        public MethodParams params(AxisValues values, int trainPoints) {
            return new Params(Kind.LAGRANGE, values.get(degrees));
        }
    }

    /**
     * The dense network of {@code ReluFemNetwork}: (N - 1)(d + 2 + (d - 1) N) + 1 parameters for N =
     * n^d nodes, built once, then run on the test points and in the search.
     */
    private static double reluFemSeconds(Trial t) {
        int d = t.dim();
        double nodes = Math.pow(t.gridN(), d);
        double p = (nodes - 1) * (d + 2 + (d - 1) * nodes) + 1;
        return p * (RELU_FEM_BUILD_SECONDS_PER_PARAMETER + t.testPoints() * DENSE_FORWARD_SECONDS_PER_PARAMETER
                + CostModel.searchEvaluations(t) * CostModel.VALUE_SECONDS_PER_PARAMETER);
    }
}
