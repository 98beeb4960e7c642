package org.relufem.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.relufem.method.poly.IndexSet;
import org.relufem.sample.DataSplit;
import org.relufem.sample.Sampler;
import org.relufem.target.DataGrid;
import org.relufem.target.DataSet;
import org.relufem.target.TargetDefinition;

/**
 * The training data of a method block: its sampler and the axes that sampler takes.
 *
 * @param gridN nodes per axis (grid), else empty
 * @param points sample counts (uniform, christoffel, sobol, file), else empty; for a file, [0] stands for all its
 *     training rows
 * @param seeds training-point seeds (uniform, christoffel, a file's subsamples), else empty (a Sobol sequence has
 *     no seed)
 * @param space the polynomial space a christoffel sampler draws for when the block names it
 *     ({@code data.degree}, {@code data.index_set}), else null: the method's own
 */
public record DataSpec(Sampler sampler, List<Integer> gridN, List<Integer> points, List<Long> seeds,
                       Space space) implements Serializable {

    /** A polynomial space named by its kind and order, in any dimension. */
    public record Space(IndexSet.Kind kind, int degree) implements Serializable {
        /** The space in {@code dim} dimensions. */
        public IndexSet in(int dim) {
            return IndexSet.of(kind, dim, degree);
        }
    }

    /** Data of a sampler that needs no polynomial space. */
    public DataSpec(Sampler sampler, List<Integer> gridN, List<Integer> points, List<Long> seeds) {
        this(sampler, gridN, points, seeds, null);
    }

    /** Largest tensor grid a spec may ask for, in nodes (2^24: 16.7 million points of d doubles each). */
    public static final long MAX_GRID_NODES = 1L << 24;

    /**
     * Largest set of scattered points (uniform training points, test points), for the same reason:
     * above it a trial's point array overflows or fills the heap, and fails only after it started.
     */
    public static final int MAX_POINTS = (int) MAX_GRID_NODES;

    /** One training-set size the block's data gives: its point count, and how the spec gives it. */
    public record Size(int points, String values, String where) {
    }

    private static final String GRID_N = "data.grid_n";
    private static final String POINTS = "data.points";
    private static final String SEEDS = "data.seeds";

    /** The points axis of a file's data that takes all its training rows. */
    static final List<Integer> ALL_ROWS = List.of(0);

    /** Whether this is a file's data with all its training rows (no axes of its own). */
    boolean allRows() {
        return sampler == Sampler.FILE && points.equals(ALL_ROWS);
    }

    /** The data axes, slowest first: grid sizes, or point counts (and seeds for uniform points and subsamples). */
    List<Axis<?>> axes() {
        return switch (sampler) {
            case GRID -> List.of(new Axis<>(GRID_N, gridN));
            case SOBOL -> List.of(new Axis<>(POINTS, points));
            case UNIFORM, CHRISTOFFEL -> List.of(new Axis<>(POINTS, points), new Axis<>(SEEDS, seeds));
            case FILE -> allRows() ? List.of() : List.of(new Axis<>(POINTS, points), new Axis<>(SEEDS, seeds));
        };
    }

    /** The training data of one trial on {@code target}. */
    TrainingData at(AxisValues values, TargetChoice target) {
        return switch (sampler) {
            case GRID -> {
                int n = (Integer) values.get(GRID_N);
                yield new TrainingData(sampler, n, (int) Math.pow(n, target.dim()), null);
            }
            case SOBOL -> new TrainingData(sampler, null, (Integer) values.get(POINTS), null);
            case UNIFORM -> new TrainingData(sampler, null, (Integer) values.get(POINTS), (Long) values.get(SEEDS));
            case CHRISTOFFEL -> new TrainingData(sampler, null, (Integer) values.get(POINTS), (Long) values.get(SEEDS),
                    space);
            case FILE -> allRows() ? new TrainingData(sampler, null, trainingRows(target), null)
                    : new TrainingData(sampler, null, (Integer) values.get(POINTS), (Long) values.get(SEEDS));
        };
    }

    /** The training rows of a data target. */
    static int trainingRows(TargetChoice target) {
        return ((TargetDefinition.OfData) target.definition()).trainingRows();
    }

    /** The training-set sizes of this data for the given targets (grid: n^d for every target dimension). */
    public List<Size> sizes(List<TargetChoice> targets) {
        List<Size> out = new ArrayList<>();
        switch (sampler) {
            case GRID -> {
                List<Integer> dims = targets.stream().map(TargetChoice::dim).distinct().toList();
                for (int n : gridN) {
                    for (int d : dims) {
                        out.add(new Size((int) Math.pow(n, d), "grid_n = " + n, "grid_n = " + n + " in d = " + d));
                    }
                }
            }
            case SOBOL -> points.forEach(p -> out.add(new Size(p, "points = " + p, "points = " + p)));
            case FILE -> {
                if (allRows()) {
                    targets.stream().map(DataSpec::trainingRows).distinct().forEach(n -> out.add(new Size(n,
                            "all training rows", "all " + n + " training rows")));
                } else if (!seeds.isEmpty()) {
                    points.stream().filter(p -> p > 0).forEach(p -> out.add(new Size(p, "points = " + p + ", seeds = "
                            + seeds.get(0), "points = " + p)));
                }
            }
            case UNIFORM, CHRISTOFFEL -> {
                if (!seeds.isEmpty()) {
                    points.forEach(p -> out.add(new Size(p, "points = " + p + ", seeds = " + seeds.get(0),
                            "points = " + p)));
                }
            }
        }
        return out;
    }

    /** The fewest training points this data gives any of {@code targets}. */
    public int smallest(List<TargetChoice> targets) {
        if (allRows()) {
            return targets.stream().mapToInt(DataSpec::trainingRows).min().orElseThrow();
        }
        if (sampler != Sampler.GRID) {
            return points.stream().min(Integer::compare).orElseThrow();
        }
        int n = gridN.stream().min(Integer::compare).orElseThrow();
        int d = targets.stream().mapToInt(TargetChoice::dim).min().orElseThrow();
        return (int) Math.min(Integer.MAX_VALUE, Math.pow(n, d));
    }

    /** The data both blocks' axes hold: each axis's common values (none when they sample different spaces). */
    DataSpec common(DataSpec other) {
        if (!java.util.Objects.equals(space, other.space)) {
            return new DataSpec(sampler, List.of(), List.of(), List.of(), space);
        }
        return new DataSpec(sampler, Axis.common(gridN, other.gridN), Axis.common(points, other.points),
                Axis.common(seeds, other.seeds), space);
    }

    /**
     * Refuses a data target under a sampler other than {@code file}, whose points would need values
     * the file does not have (but {@code grid} on a grid file, {@link #checkGridFiles}), and
     * {@code file} on a target that is not a data file's.
     */
    static void checkTargets(SpecReader d, Sampler sampler, List<TargetChoice> targets) {
        for (TargetChoice t : targets) {
            boolean data = t.definition() instanceof TargetDefinition.OfData;
            if (data && sampler == Sampler.GRID) {
                DataSet rows = ((TargetDefinition.OfData) t.definition()).data();
                if (rows.grid() == null) {
                    throw SpecReader.error(d.value("sampler"), d.name("sampler") + " = grid on data target " + t.name()
                            + ": " + rows.notGrid() + "; grid methods run on a file whose rows are a full tensor grid"
                            + " (else give a scattered method sampler = file)");
                }
            } else if (data && sampler != Sampler.FILE) {
                throw SpecReader.error(d.value("sampler"), "target " + t.name() + " is the data of "
                        + ((TargetDefinition.OfData) t.definition()).data().file() + " and has values only at its rows,"
                        + " but " + d.name("sampler") + " = " + sampler.label() + " needs them elsewhere: give sampler = file"
                        + " (or restrict the block to other targets with dim)");
            }
            if (!data && sampler == Sampler.FILE) {
                throw SpecReader.error(d.value("sampler"), d.name("sampler") + " = file takes the training rows of a data"
                        + " target, but target " + t.name() + " is not one");
            }
        }
    }

    /**
     * The data of {@code sampler = file}: all training rows, or {@code points} (an axis) of them
     * drawn by each of {@code seeds} (default [0]).
     */
    static DataSpec file(SpecReader d, List<TargetChoice> targets) {
        d.onlyKeys(Set.of("sampler", "points", "seeds"));
        if (!d.has("points")) {
            if (d.has("seeds")) {
                throw SpecReader.error(d.value("seeds"), d.name("seeds") + " draws subsamples of the training rows: give"
                        + " " + d.name("points") + " too, or leave both out for all of them");
            }
            return new DataSpec(Sampler.FILE, List.of(), ALL_ROWS, List.of());
        }
        List<Integer> points = d.intAxis("points", 1, MAX_POINTS, null);
        for (TargetChoice t : targets) {
            int rows = trainingRows(t);
            for (int p : points) {
                if (p > rows) {
                    throw SpecReader.error(d.value("points"), d.name("points") + " = " + p + " but target " + t.name()
                            + " has " + rows + " training rows");
                }
            }
        }
        return new DataSpec(Sampler.FILE, List.of(), points, d.longAxis("seeds", 0, List.of(0L)));
    }

    /**
     * Refuses a {@code grid_n} on a grid file (a data target whose rows form a grid) that is not
     * nested in its coarse grid ({@link DataSplit}): such a grid would need held-out rows.
     */
    static void checkGridFiles(SpecReader d, List<Integer> gridN, List<TargetChoice> targets) {
        for (TargetChoice t : targets) {
            if (t.definition() instanceof TargetDefinition.OfData data) {
                DataGrid grid = data.data().grid();
                int coarse = DataSplit.coarseNodesPerAxis(grid);
                for (int n : gridN) {
                    if (!DataSplit.nests(grid, n)) {
                        List<Integer> nested = new ArrayList<>();
                        for (int m = 2; m <= coarse; m++) {
                            if (DataSplit.nests(grid, m)) {
                                nested.add(m);
                            }
                        }
                        throw SpecReader.error(d.value("grid_n"), d.name("grid_n") + " = " + n + " on data target "
                                + t.name() + ": " + data.data().file() + " is a grid of " + grid.nodesPerAxis()
                                + " nodes per axis whose held-out rows lie off its grid of every other node (" + coarse
                                + " per axis); grid_n must give a grid nested in that one, n - 1 dividing " + (coarse - 1)
                                + ": " + nested.stream().map(String::valueOf).collect(java.util.stream.Collectors
                                .joining(", ")));
                    }
                }
            }
        }
    }

    /**
     * Refuses a {@code grid_n} of {@code block} that gives some target more than {@link #MAX_GRID_NODES}
     * nodes, naming the key and its line.
     */
    public static void checkGridNodes(SpecReader block, List<Integer> gridN, List<TargetChoice> targets) {
        for (TargetChoice t : targets) {
            for (int n : gridN) {
                double nodes = Math.pow(n, t.dim());
                if (nodes > MAX_GRID_NODES) {
                    throw SpecReader.error(block.value("grid_n"), block.name("grid_n") + " = " + n + " in d = " + t.dim()
                            + " (target " + t.name() + ") gives " + (long) nodes + " nodes; the limit is "
                            + MAX_GRID_NODES);
                }
            }
        }
    }
}
