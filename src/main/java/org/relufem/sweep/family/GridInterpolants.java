package org.relufem.sweep.family;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relufem.method.Approximator;
import org.relufem.method.fem.GridInterpolation;
import org.relufem.method.fem.ReluFem;
import org.relufem.sample.Sampler;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.DataSpec;
import org.relufem.sweep.SpecReader;
import org.relufem.sweep.TargetChoice;
import org.relufem.sweep.Trial;

/**
 * Interpolants of grid data: {@code p1}, {@code q1}, the piecewise-constant {@code nearest} and the
 * exact ReLU-FEM network {@code relu_fem}. No own keys.
 */
public final class GridInterpolants implements MethodFamily {
    /** Building ReLU-FEM's dense network, per parameter. */
    static final double RELU_FEM_BUILD_SECONDS_PER_PARAMETER = 16e-9;
    /** The dense ReLU-FEM network's batched forward pass per point per parameter (0.5 ns measured at n = 33). */
    static final double DENSE_FORWARD_SECONDS_PER_PARAMETER = 0.5e-9;

    /** The methods, each named in specs by its lower-case name. */
    enum Kind {
        P1,
        Q1,
        NEAREST,
        RELU_FEM
    }

    /** A grid interpolant's parameters: which one. */
    public record Params(Kind kind) implements MethodParams {
        @Override
        public Approximator approximator(Trial trial) {
            return switch (kind) {
                case P1 -> GridInterpolation.P1;
                case Q1 -> GridInterpolation.Q1;
                case NEAREST -> GridInterpolation.NEAREST;
                case RELU_FEM -> new ReluFem();
            };
        }

        @Override
        public void addTo(Map<String, Object> parameters) {
        }

        /** Nodal interpolants cost only their evaluation (CostModel's); ReLU-FEM builds and runs a dense net. */
        @Override
        public double fitSeconds(Trial trial) {
            return kind == Kind.RELU_FEM ? reluFemSeconds(trial) : 0;
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
        return Set.of();
    }

    @Override
    public MethodAxes read(String method, SpecReader block, DataSpec data, List<TargetChoice> targets) {
        return new MethodAxes.None(new Params(MethodFamily.kind(Kind.class, method)));
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
