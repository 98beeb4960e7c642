package org.relufem.sweep.family;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relufem.method.Approximator;
import org.relufem.method.fem.L2Projection;
import org.relufem.method.fem.ScatteredP1;
import org.relufem.sample.Sampler;
import org.relufem.sweep.Axis;
import org.relufem.sweep.AxisValues;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.DataSpec;
import org.relufem.sweep.SpecReader;
import org.relufem.sweep.TargetChoice;
import org.relufem.sweep.Trial;

/**
 * Finite elements from scattered samples: {@code p1_scattered} (P1 on the samples' Delaunay
 * triangulation, 2-D) and {@code l2_projection} (the least-squares fit in the P1 space of a grid of
 * {@code grid_n} nodes per axis, which fills the {@code grid_n} column).
 */
public final class ScatteredElements implements MethodFamily {
    /**
     * JTS Delaunay triangulation and the bucket grid, per point: 21-23 us wall with its garbage
     * collection (12-18 us of CPU in the fitting thread) at m = 20,000 and 100,000.
     */
    static final double DELAUNAY_SECONDS_PER_POINT = 20e-6;
    /**
     * l2_projection's assembly per triplet and its banded sparse Cholesky per flop: 0.3-0.6 s for
     * 200,000 samples in 2-D, 54 s for 33^3 nodes (4.3e10 flops), measured on the shared cores.
     */
    static final double PROJECTION_SECONDS_PER_TRIPLET = 150e-9;
    static final double SPARSE_CHOLESKY_SECONDS_PER_FLOP = 1.2e-9;

    private static final Set<Sampler> SCATTERED = Set.of(Sampler.UNIFORM, Sampler.SOBOL, Sampler.CHRISTOFFEL, Sampler.FILE);

    /** The methods, each named in specs by its lower-case name. */
    enum Kind {
        P1_SCATTERED,
        L2_PROJECTION
    }

    /**
     * A scattered-element trial's parameters.
     *
     * @param gridN nodes per axis of the projection grid ({@code l2_projection}), else null
     */
    public record Params(Kind kind, Integer gridN) implements MethodParams {
        @Override
        public Approximator approximator(Trial trial) {
            return switch (kind) {
                case P1_SCATTERED -> new ScatteredP1();
                case L2_PROJECTION -> new L2Projection(trial.domain(), gridN);
            };
        }

        @Override
        public void addTo(Map<String, Object> parameters) {
            parameters.put("grid_n", gridN);
        }

        @Override
        public double fitSeconds(Trial t) {
            return switch (kind) {
                case P1_SCATTERED -> DELAUNAY_SECONDS_PER_POINT * t.data().points();
                case L2_PROJECTION -> projectionSeconds(t.dim(), t.data().points(), gridN);
            };
        }

        @Override
        public double searchMoves() {
            return CostModel.SEARCH_MOVES_PIECEWISE_LINEAR;
        }
    }

    /** l2_projection's own axis: the projection grid. */
    private record ProjectionAxes(Axis<Integer> gridN) implements MethodAxes {
        @Override
        public List<Axis<?>> axes() {
            return List.of(gridN);
        }

        @Override
        public MethodParams params(AxisValues values, int trainPoints) {
            return new Params(Kind.L2_PROJECTION, values.get(gridN));
        }
    }

    @Override
    public List<String> methods() {
        return MethodFamily.names(Kind.values());
    }

    @Override
    public Set<Sampler> samplers(String method) {
        return SCATTERED;
    }

    @Override
    public Set<String> keys(String method) {
        return MethodFamily.kind(Kind.class, method) == Kind.L2_PROJECTION ? Set.of("grid_n") : Set.of();
    }

    @Override
    public MethodAxes read(String method, SpecReader block, DataSpec data, List<TargetChoice> targets) {
        Kind kind = MethodFamily.kind(Kind.class, method);
        if (kind == Kind.P1_SCATTERED) {
            for (TargetChoice t : targets) {
                if (t.dim() != 2) {
                    throw SpecReader.error(block.value("method"), "method p1_scattered triangulates points in 2-D only;"
                            + " target " + t.name() + " has dim = " + t.dim());
                }
            }
            return new MethodAxes.None(new Params(kind, null));
        }
        List<Integer> gridN = block.intAxis("grid_n", 2, null);
        DataSpec.checkGridNodes(block, gridN, targets);
        return new ProjectionAxes(new Axis<>("grid_n", gridN));
    }

    /**
     * l2_projection: (d + 1)^2 triplets per sample, then sparse Cholesky on the grid's node order,
     * which fills the band of n^(d-1) nodes: N band^2 flops.
     */
    static double projectionSeconds(int d, int samples, int gridN) {
        double nodes = Math.pow(gridN, d);
        double band = Math.pow(gridN, d - 1);
        return PROJECTION_SECONDS_PER_TRIPLET * samples * (d + 1.0) * (d + 1)
                + SPARSE_CHOLESKY_SECONDS_PER_FLOP * nodes * band * band;
    }
}
