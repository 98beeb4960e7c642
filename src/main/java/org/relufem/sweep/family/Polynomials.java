package org.relufem.sweep.family;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relufem.method.Approximator;
import org.relufem.method.poly.IndexSet;
import org.relufem.method.poly.PolyCs;
import org.relufem.method.poly.PolyLsq;
import org.relufem.sample.Sampler;
import org.relufem.sweep.Axis;
import org.relufem.sweep.AxisValues;
import org.relufem.sweep.Column;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.DataSpec;
import org.relufem.sweep.SpecReader;
import org.relufem.sweep.TargetChoice;
import org.relufem.sweep.Trial;

/**
 * Orthonormal Legendre expansions on an index set: {@code poly_lsq} (least squares) and
 * {@code poly_cs} (the weighted square-root LASSO). Keys {@code degree} (the order of the index
 * set) and {@code index_set} ({@code total_degree} or {@code hyperbolic_cross}); any sampler.
 */
public final class Polynomials implements MethodFamily {
    /** poly_lsq's Householder QR, per m N^2 (2 m N^2 flops at about 3 GFLOP/s: 0.4-0.9 ns measured). */
    static final double QR_SECONDS_PER_ROW_COLUMN2 = 0.6e-9;
    /** Legendre design matrix and expansion evaluation, per entry per axis. */
    static final double LEGENDRE_SECONDS_PER_ENTRY_AXIS = 2e-9;
    /** SquareRootLasso: restarts to converge (ln(1e15) with eps shrinking by e; measured 32-34). */
    static final double CS_RESTARTS = 34;
    /**
     * ||A||_2 of the scaled Legendre design, about this times 1 + sqrt(N / m) (measured 1.2 to 2.3
     * times it for m = 60..2000, N = 66..861): the steps per restart are ceil(8 e ||A||_2).
     */
    static final double CS_NORM_FACTOR = 1.6;
    /** One primal-dual step: A^T xi and A z, 4 m N flops; 1.7 ns per m N measured. */
    static final double CS_SECONDS_PER_ROW_COLUMN = 1.7e-9;
    /** The norm estimate NormOps_DDRM.normP2 (an SVD): 1.1-1.6 ns per m N min(m, N). */
    static final double CS_NORM_SECONDS = 1.5e-9;

    static final Column INDEX_SET = Column.of("index_set", Column.Type.STRING, Column.Role.SETTING, Params.class,
            p -> p.indexSet().label());

    /** The methods, each named in specs by its lower-case name. */
    enum Kind {
        POLY_LSQ,
        POLY_CS
    }

    /**
     * A polynomial trial's parameters.
     *
     * @param degree the order of the index set
     * @param indexSet total degree or hyperbolic cross
     */
    public record Params(Kind kind, Integer degree, IndexSet.Kind indexSet) implements MethodParams, MethodParams.Graded {
        @Override
        public Approximator approximator(Trial trial) {
            IndexSet set = IndexSet.of(indexSet, trial.dim(), degree);
            var domain = trial.domain();
            return switch (kind) {
                case POLY_LSQ -> new PolyLsq(domain, set, trial.data().sampler() == Sampler.CHRISTOFFEL);
                case POLY_CS -> new PolyCs(domain, set);
            };
        }

        /** The index set itself: {@code christoffel} samples the space the method fits in. */
        @Override
        public IndexSet samplingSpace(int dim) {
            return IndexSet.of(indexSet, dim, degree);
        }

        @Override
        public void addTo(Map<String, Object> parameters) {
            parameters.put("degree", degree);
            parameters.put("index_set", indexSet.label());
        }

        /**
         * Fits on an index set of size N from m points. poly_lsq: the design matrix and a
         * Householder QR (2 m N^2 flops). poly_cs: the design matrix, the norm estimate (an SVD), then
         * {@link #CS_RESTARTS} restarts of ceil(8 e ||A||_2) primal-dual steps (SquareRootLasso), each
         * two products with the m x N matrix. Both evaluate the expansion (N terms) at the test points
         * and in the search.
         */
        @Override
        public double fitSeconds(Trial t) {
            double n = indexSetSize(indexSet, t.dim(), degree);
            double m = t.data().points();
            double entry = LEGENDRE_SECONDS_PER_ENTRY_AXIS * t.dim() * n;
            double evaluation = (m + t.testPoints() + CostModel.searchEvaluations(t)) * entry;
            if (kind == Kind.POLY_CS) {
                double norm = CS_NORM_FACTOR * (1 + Math.sqrt(n / m));
                double iterations = CS_RESTARTS * Math.ceil(8 * Math.E * norm);
                return evaluation + CS_NORM_SECONDS * m * n * Math.min(m, n)
                        + iterations * CS_SECONDS_PER_ROW_COLUMN * m * n;
            }
            return evaluation + QR_SECONDS_PER_ROW_COLUMN2 * m * n * n;
        }

        @Override
        public double searchMoves() {
            return CostModel.SEARCH_MOVES_SMOOTH;
        }
    }

    private record PolynomialAxes(Kind kind, Axis<Integer> degrees, Axis<String> indexSets) implements MethodAxes {
        @Override
        public List<Axis<?>> axes() {
            return List.of(degrees, indexSets);
        }

        @Override
        public MethodParams params(AxisValues values, int trainPoints) {
            return new Params(kind, values.get(degrees), IndexSet.Kind.of(values.get(indexSets)));
        }
    }

    @Override
    public List<String> methods() {
        return MethodFamily.names(Kind.values());
    }

    @Override
    public boolean samplesOwnSpace(String method) {
        return true;
    }

    /** Any sampler; {@code christoffel} for poly_lsq, whose weighted least squares goes with it. */
    @Override
    public Set<Sampler> samplers(String method) {
        return MethodFamily.kind(Kind.class, method) == Kind.POLY_LSQ ? EnumSet.allOf(Sampler.class)
                : EnumSet.complementOf(EnumSet.of(Sampler.CHRISTOFFEL));
    }

    @Override
    public Set<String> keys(String method) {
        return Set.of("degree", "index_set");
    }

    @Override
    public MethodAxes read(String method, SpecReader m, DataSpec data, List<TargetChoice> targets) {
        List<String> indexSets = m.stringAxis("index_set", List.of(IndexSet.Kind.TOTAL_DEGREE.label()));
        List<IndexSet.Kind> kinds = indexSets.stream().map(s -> indexSetKind(m, s)).toList();
        List<Integer> degrees = m.intAxis("degree", 0, null);
        for (IndexSet.Kind kind : kinds) {
            for (int n : degrees) {
                checkSpace(m, kind, n, targets);
            }
        }
        return new PolynomialAxes(MethodFamily.kind(Kind.class, method), new Axis<>("degree", degrees),
                new Axis<>("index_set", indexSets));
    }

    /** The index set named {@code label} by {@code r}'s {@code index_set}, refused with the key. */
    private static IndexSet.Kind indexSetKind(SpecReader r, String label) {
        try {
            return IndexSet.Kind.of(label);
        } catch (IllegalArgumentException e) {
            throw SpecReader.error(r.value("index_set"), r.name("index_set") + ": " + e.getMessage());
        }
    }

    /** Refuses, with {@code r}'s {@code degree}, a space too large in some target's dimension. */
    private static void checkSpace(SpecReader r, IndexSet.Kind kind, int degree, List<TargetChoice> targets) {
        for (TargetChoice t : targets) {
            try {
                IndexSet.of(kind, t.dim(), degree);
            } catch (IllegalArgumentException e) {
                throw SpecReader.error(r.value("degree"), r.name("degree") + ": " + e.getMessage());
            }
        }
    }

    @Override
    public List<Column> columns() {
        return List.of(INDEX_SET);
    }

    /**
     * The polynomial space a christoffel block of another family names in its data
     * ({@code degree}, one value, and {@code index_set}, default total degree), or null when it names
     * none; refused with the key when it does not exist in some target's dimension.
     */
    public static DataSpec.Space samplingSpace(SpecReader d, List<TargetChoice> targets) {
        if (!d.has("degree")) {
            if (d.has("index_set")) {
                throw SpecReader.error(d.value("index_set"), d.name("index_set") + " needs " + d.name("degree"));
            }
            return null;
        }
        int degree = d.integer("degree", 0, 10_000);
        IndexSet.Kind kind = d.has("index_set") ? indexSetKind(d, SpecReader.string(d.value("index_set"),
                d.name("index_set"))) : IndexSet.Kind.TOTAL_DEGREE;
        checkSpace(d, kind, degree, targets);
        return new DataSpec.Space(kind, degree);
    }

    /**
     * |index set| without building it: C(n + d, d) for total degree; for the hyperbolic cross
     * (prod (nu_k + 1) <= n + 1) the number of d-tuples of positive integers with product at most
     * n + 1, counted by recursion over the first factor. Both capped at 10^6 (IndexSet's limit).
     */
    static double indexSetSize(IndexSet.Kind kind, int d, int n) {
        if (kind == IndexSet.Kind.HYPERBOLIC_CROSS) {
            return Math.min(1e6, tuplesWithProductAtMost(d, n + 1L, 1_000_001L));
        }
        double total = 1;
        for (int k = 1; k <= d && total <= 1e6; k++) {
            total = total * (n + k) / k;
        }
        return Math.min(1e6, total);
    }

    private static long tuplesWithProductAtMost(int d, long bound, long cap) {
        if (d == 1 || bound == 1) {
            return bound;
        }
        long count = 0;
        for (long first = 1; first <= bound && count < cap; first++) {
            count += tuplesWithProductAtMost(d - 1, bound / first, cap - count);
        }
        return count;
    }
}
