package org.relufem.sweep;

import java.io.Serializable;
import java.lang.ref.SoftReference;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.relufem.sample.Quadrature;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.sample.SparseGrid;
import org.relufem.sample.TensorGrid;
import org.relufem.target.Box;
import org.relufem.target.Target;

/**
 * How a sweep's test sets are made, the spec's {@code test.sampler}: uniform random points (one set
 * per test seed, the default), the first points of the Sobol sequence, the tensor Clenshaw-Curtis
 * grid of {@code grid_n} nodes per axis, or the Clenshaw-Curtis sparse grid of {@code level}; the
 * two grids carry quadrature weights, and every error of their rows is that quadrature.
 *
 * <p>With {@code test.field = true} each row of a trial in d &lt;= 2 also stores the approximant g
 * at the nodes of {@link #fieldGrid} (column {@code field}), so that the report can draw g and
 * |f - g| without refitting: 401 values in 1-D (3 KB), 61 x 61 in 2-D (29 KB). It changes what is
 * stored, not the trial's numbers, so it is not part of {@code trial_id}.
 *
 * @param size the points (uniform, sobol), the nodes per axis (grid) or the level (sparse_grid)
 * @param field whether rows of trials in d &lt;= 2 store g on {@link #fieldGrid}
 */
public record TestDesign(Kind kind, int size, boolean field) implements Serializable {
    /** The default test set: 1000 uniform random points. */
    public static final TestDesign DEFAULT = new TestDesign(Kind.UNIFORM, 1000);

    /** Nodes per axis of {@link #fieldGrid}: in 1-D, and in 2-D. */
    public static final int FIELD_NODES_1D = 401;
    public static final int FIELD_NODES_2D = 61;

    /** Sparse grids by box and level: a million-point grid is built once per executor, not per trial. */
    private static final Map<List<Object>, SoftReference<Quadrature>> GRIDS = new ConcurrentHashMap<>();

    /** The test samplers, named in specs and in the {@code test_sampler} column by their lower-case names. */
    public enum Kind {
        UNIFORM,
        SOBOL,
        GRID,
        SPARSE_GRID;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The sampler named {@code label}, or null. */
        public static Kind of(String label) {
            return Arrays.stream(values()).filter(k -> k.label().equals(label)).findFirst().orElse(null);
        }
    }

    /** A design whose rows store no field. */
    public TestDesign(Kind kind, int size) {
        this(kind, size, false);
    }

    /**
     * The grid on which rows store g, and on which the report draws f: {@link #FIELD_NODES_1D} or
     * {@link #FIELD_NODES_2D} nodes per axis over the box, null for d &gt; 2.
     */
    public static TensorGrid fieldGrid(Box box) {
        return switch (box.dimension()) {
            case 1 -> new TensorGrid(box, FIELD_NODES_1D);
            case 2 -> new TensorGrid(box, FIELD_NODES_2D);
            default -> null;
        };
    }

    /** One test set: its points and the target's values, and quadrature weights (null: equal weights). */
    public record TestSet(SampleSet samples, double[] weights) {
    }

    /** Whether its sets are drawn from a seed (else {@code test.seeds} has no meaning). */
    public boolean seeded() {
        return kind == Kind.UNIFORM;
    }

    /** The number of test points in {@code d} dimensions. */
    public long points(int d) {
        return switch (kind) {
            case UNIFORM, SOBOL -> size;
            case GRID -> (long) Math.min(Long.MAX_VALUE, Math.pow(size, d));
            case SPARSE_GRID -> SparseGrid.size(d, size);
        };
    }

    /** The test set on {@code target} of {@code seed} (uniform points only). */
    public TestSet draw(Target target, long seed) {
        return switch (kind) {
            case UNIFORM -> new TestSet(Samplers.test(target, size, seed), null);
            case SOBOL -> new TestSet(Samplers.sobol(target, size), null);
            case GRID -> weighted(target, Quadrature.tensor(target.domain(), size));
            case SPARSE_GRID -> weighted(target, sparseGrid(target.domain(), size));
        };
    }

    /** Adds the sampler to a trial's canonical parameters, except the default, so that old ids stay. */
    void addTo(Map<String, Object> parameters) {
        if (kind != Kind.UNIFORM) {
            parameters.put("test_sampler", kind.label());
        }
    }

    private static TestSet weighted(Target target, Quadrature q) {
        return new TestSet(Samplers.at(target, q.points()), q.weights());
    }

    private static Quadrature sparseGrid(Box box, int level) {
        List<Object> key = List.of(box, level);
        SoftReference<Quadrature> cached = GRIDS.get(key);
        Quadrature q = cached == null ? null : cached.get();
        if (q == null) {
            q = SparseGrid.of(box, level);
            GRIDS.put(key, new SoftReference<>(q));
        }
        return q;
    }
}
