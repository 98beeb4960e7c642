package org.relufem.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.relufem.method.net.optim.Optimizers;
import org.relufem.method.poly.IndexSet;
import org.relufem.target.Targets;

/**
 * A validated, immutable sweep spec (DESIGN.md section 4): the sweep name, the target axis, the
 * test sets and one block of axes per method. Every list is an axis, a scalar an axis of one value.
 *
 * @param name the sweep name, [a-z0-9-]+: the Parquet partition and the resume key
 * @param source where the spec came from (a file path)
 * @param targets the target axis: every (name, dim) pair
 * @param testPoints uniform random test points per test set
 * @param testSeeds one test set per seed
 * @param methods the method blocks, in spec order
 * @param canonical the whole resolved spec as compact JSON with sorted keys: comments, layout
 *     and key order do not change it; it is stored with the sweep to tell whether a rerun's spec changed
 */
public record SweepSpec(String name, String source, List<TargetChoice> targets, int testPoints, List<Long> testSeeds,
                        List<MethodSpec> methods, String canonical) implements Serializable {

    /** Largest tensor grid a spec may ask for, in nodes (2^24: 16.7 million points of d doubles each). */
    public static final long MAX_GRID_NODES = 1L << 24;

    /**
     * Largest set of scattered points (uniform training points, test points), for the same reason:
     * above it a trial's point array overflows or fills the heap, and fails only after it started.
     */
    public static final int MAX_POINTS = (int) MAX_GRID_NODES;

    private static final Pattern SWEEP_NAME = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> TOP_KEYS = Set.of("sweep", "targets", "test", "methods");

    /** A target name with one dimension. */
    public record TargetChoice(String name, int dim) implements Serializable {
    }

    /**
     * The training data of a method block.
     *
     * @param sampler {@code grid}, {@code uniform} or {@code sobol}
     * @param gridN nodes per axis (grid), else empty
     * @param points sample counts (uniform), else empty
     * @param seeds training-point seeds (uniform), else empty (a Sobol sequence has no seed)
     */
    public record DataSpec(String sampler, List<Integer> gridN, List<Integer> points, List<Long> seeds)
            implements Serializable {
    }

    /**
     * One method block. Network axes are empty for interpolants.
     *
     * @param epochs checkpoint epoch counts of one training run (not an axis of trials)
     * @param batchSizes points per step, 0 for full batch
     * @param degrees polynomial degrees (polynomial methods), else empty
     * @param indexSets index-set kinds (polynomial methods), else empty
     * @param networkOptions the network options axis: every combination of the block's init,
     *     init_std, lr_end and loss_tol (networks), else empty
     * @param projectionGridN nodes per axis of the grid whose P1 space a projection fits into
     *     ({@code l2_projection}), else empty
     * @param targets the targets the block runs on: all the spec's, or those of the block's {@code dim}
     */
    public record MethodSpec(String method, DataSpec data, List<Integer> widths, List<Integer> depths,
                             List<String> optimizers, List<Double> lrs, List<Integer> batchSizes,
                             List<Long> initSeeds, List<Integer> epochs, boolean keepWeights,
                             List<Integer> degrees, List<String> indexSets, List<NetworkOptions> networkOptions,
                             List<Integer> projectionGridN, List<TargetChoice> targets)
            implements Serializable {
        public boolean isNetwork() {
            return !widths.isEmpty();
        }

        public boolean isPolynomial() {
            return !degrees.isEmpty();
        }
    }

    /** Reads and validates a spec file. */
    public static SweepSpec load(Path file) {
        if (Files.isDirectory(file)) {
            throw new SpecException("spec " + file + " is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new SpecException("spec file not found: " + file);
        }
        Config config;
        try {
            config = ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false)).resolve();
        } catch (ConfigException e) {
            throw new SpecException("cannot read spec " + file + ": " + e.getMessage(), e);
        }
        return parse(config, file.toString());
    }

    /** Parses and validates spec text; {@code source} names it in errors. */
    public static SweepSpec parse(String text, String source) {
        Config config;
        try {
            config = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(source)).resolve();
        } catch (ConfigException e) {
            throw new SpecException("cannot read spec " + source + ": " + e.getMessage(), e);
        }
        return parse(config, source);
    }

    private static SweepSpec parse(Config config, String source) {
        if (config.root().isEmpty()) {
            throw new SpecException("spec " + source + " is empty: give sweep, targets and methods");
        }
        SpecReader top = SpecReader.of(config.root(), "the spec");
        top.onlyKeys(TOP_KEYS);
        String name = SpecReader.string(top.value("sweep"), "sweep");
        if (!SWEEP_NAME.matcher(name).matches()) {
            throw SpecReader.error(top.value("sweep"), "sweep must match [a-z0-9-]+ (it names a directory), got '" + name + "'");
        }
        List<TargetChoice> targets = targets(top);
        int testPoints = 1000;
        List<Long> testSeeds = List.of(0L);
        if (top.has("test")) {
            SpecReader test = SpecReader.of(top.value("test"), "test");
            test.onlyKeys(Set.of("points", "seeds"));
            testPoints = test.has("points") ? test.integer("points", 1, MAX_POINTS) : testPoints;
            testSeeds = test.longAxis("seeds", 0, testSeeds);
        }
        List<MethodSpec> methods = new ArrayList<>();
        List<ConfigValue> blocks = top.elements("methods");
        for (int i = 0; i < blocks.size(); i++) {
            methods.add(method(SpecReader.of(blocks.get(i), "methods[" + i + "]"), targets));
        }
        for (int j = 1; j < methods.size(); j++) {
            for (int i = 0; i < j; i++) {
                String shared = RepeatedTrials.shared(methods.get(i), methods.get(j));
                if (shared != null) {
                    throw SpecReader.error(blocks.get(j), "methods[" + j + "] repeats trials of methods[" + i
                            + "] (both hold " + shared + "): a trial must come from one block, or its trial_ids"
                            + " repeat; merge the blocks or make one of their axes disjoint");
                }
            }
        }
        String canonical = config.root().render(ConfigRenderOptions.concise());
        return new SweepSpec(name, source, List.copyOf(targets), testPoints, testSeeds, List.copyOf(methods), canonical);
    }

    /** 16 hex digits of a hash of {@link #canonical}. */
    public String fingerprint() {
        return TrialIds.hash(canonical);
    }

    private static List<TargetChoice> targets(SpecReader top) {
        List<TargetChoice> out = new ArrayList<>();
        Set<TargetChoice> seen = new HashSet<>();
        List<ConfigValue> entries = top.elements("targets");
        for (int i = 0; i < entries.size(); i++) {
            SpecReader t = SpecReader.of(entries.get(i), "targets[" + i + "]");
            t.onlyKeys(Set.of("name", "dim"));
            String name = SpecReader.string(t.value("name"), t.name("name"));
            List<Integer> dims;
            try {
                Integer fallback = Targets.defaultDimension(name);
                if (fallback == null && !t.has("dim")) {
                    throw SpecReader.error(t.value("name"), "target " + name + " in targets[" + i
                            + "] is defined in any dimension: give dim = ...");
                }
                dims = t.intAxis("dim", 1, fallback == null ? null : List.of(fallback));
                for (int d : dims) {
                    Targets.create(name, d);
                }
            } catch (IllegalArgumentException e) {
                throw SpecReader.error(t.value("name"), t.name("name") + ": " + e.getMessage());
            }
            for (int d : dims) {
                if (!seen.add(new TargetChoice(name, d))) {
                    throw SpecReader.error(entries.get(i), "target " + name + " in d = " + d + " appears twice");
                }
                out.add(new TargetChoice(name, d));
            }
        }
        return out;
    }

    private static MethodSpec method(SpecReader m, List<TargetChoice> allTargets) {
        String method = SpecReader.string(m.value("method"), m.name("method"));
        Methods.Kind kind = Methods.kind(method);
        if (kind == null) {
            throw SpecReader.error(m.value("method"), "unknown method '" + method + "' in " + m.name("method")
                    + "; known methods: " + String.join(", ", Methods.names()));
        }
        Set<String> keys = new HashSet<>(kind.keys());
        keys.addAll(Set.of("method", "data", "dim"));
        m.onlyKeys(keys);
        List<TargetChoice> targets = blockTargets(m, allTargets);
        DataSpec data = data(SpecReader.of(m.value("data"), m.name("data")), method, kind, targets);
        if (method.equals("p1_scattered")) {
            for (TargetChoice t : targets) {
                if (t.dim() != 2) {
                    throw SpecReader.error(m.value("method"), "method p1_scattered triangulates points in 2-D only;"
                            + " target " + t.name() + " has dim = " + t.dim());
                }
            }
        }
        if (kind.isPolynomial()) {
            List<String> indexSets = m.stringAxis("index_set", List.of("total_degree"));
            for (String s : indexSets) {
                try {
                    IndexSet.Kind.of(s);
                } catch (IllegalArgumentException e) {
                    throw SpecReader.error(m.value("index_set"), m.name("index_set") + ": " + e.getMessage());
                }
            }
            List<Integer> degrees = m.intAxis("degree", 0, null);
            for (TargetChoice t : targets) {
                for (String s : indexSets) {
                    for (int n : degrees) {
                        try {
                            IndexSet.of(IndexSet.Kind.of(s), t.dim(), n);
                        } catch (IllegalArgumentException e) {
                            throw SpecReader.error(m.value("degree"), m.name("degree") + ": " + e.getMessage());
                        }
                    }
                }
            }
            return new MethodSpec(method, data, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), false, degrees, indexSets, List.of(), List.of(), targets);
        }
        if (kind.keys().contains("grid_n")) {
            List<Integer> gridN = m.intAxis("grid_n", 2, null);
            checkGridNodes(m, gridN, targets);
            return new MethodSpec(method, data, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), false, List.of(), List.of(), List.of(), gridN, targets);
        }
        if (!kind.isNetwork()) {
            return new MethodSpec(method, data, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), false, List.of(), List.of(), List.of(), List.of(), targets);
        }
        List<String> optimizers = m.stringAxis("optimizer", List.of("adam"));
        for (String o : optimizers) {
            if (!Optimizers.names().contains(o)) {
                throw SpecReader.error(m.value("optimizer"), "unknown optimizer '" + o + "' in " + m.name("optimizer")
                        + "; known optimizers: " + String.join(", ", Optimizers.names()));
            }
        }
        List<Integer> widths = m.intAxis("width", 1, null);
        List<Integer> depths = m.intAxis("depth", 1, List.of(1));
        MethodSpec spec = new MethodSpec(method, data, widths, depths,
                optimizers, m.positiveAxis("lr", List.of(1e-3)), m.intAxis("batch_size", 0, List.of(0)),
                m.longAxis("init_seeds", 0, List.of(0L)), sorted(m.intAxis("epochs", 1, null)),
                m.bool("keep_weights", false), List.of(), List.of(),
                NetworkOptionsReader.read(m, optimizers, widths, depths, data, targets), List.of(), targets);
        for (String o : optimizers) {
            for (int b : spec.batchSizes()) {
                int smallest = smallestData(data, targets);
                if (Optimizers.needsFullBatch(o) && b != 0 && b < smallest) {
                    throw SpecReader.error(m.value("batch_size"), m.name("batch_size") + " = " + b + " is a mini-batch"
                            + " of " + smallest + " points, but optimizer " + o + " needs the full batch (batch_size = 0)");
                }
            }
        }
        String sameBatch = RepeatedTrials.sameBatch(spec);
        if (sameBatch != null) {
            throw SpecReader.error(m.value("batch_size"), m.name("batch_size") + " = " + spec.batchSizes() + ": "
                    + sameBatch + ", so their trials would share trial_ids");
        }
        return spec;
    }

    private static DataSpec data(SpecReader d, String method, Methods.Kind kind, List<TargetChoice> targets) {
        String sampler = SpecReader.string(d.value("sampler"), d.name("sampler"));
        if (!kind.samplers().contains(sampler)) {
            throw SpecReader.error(d.value("sampler"), "method " + method + " cannot use sampler = " + sampler
                    + "; it takes " + String.join(" or ", new java.util.TreeSet<>(kind.samplers())));
        }
        if (sampler.equals("grid")) {
            d.onlyKeys(Set.of("sampler", "grid_n"));
            List<Integer> gridN = d.intAxis("grid_n", 2, null);
            checkGridNodes(d, gridN, targets);
            return new DataSpec(sampler, gridN, List.of(), List.of());
        }
        if (sampler.equals("sobol")) {
            d.onlyKeys(Set.of("sampler", "points"));
            return new DataSpec(sampler, List.of(), d.intAxis("points", 1, MAX_POINTS, null), List.of());
        }
        d.onlyKeys(Set.of("sampler", "points", "seeds"));
        return new DataSpec(sampler, List.of(), d.intAxis("points", 1, MAX_POINTS, null), d.longAxis("seeds", 0, List.of(0L)));
    }

    /**
     * The targets block {@code m} runs on: all of them, or those whose dimension its {@code dim}
     * axis names (so that grid sizes, widths and degrees can follow the dimension).
     */
    private static List<TargetChoice> blockTargets(SpecReader m, List<TargetChoice> targets) {
        if (!m.has("dim")) {
            return targets;
        }
        List<Integer> dims = m.intAxis("dim", 1, null);
        for (int d : dims) {
            if (targets.stream().noneMatch(t -> t.dim() == d)) {
                throw SpecReader.error(m.value("dim"), m.name("dim") + " = " + d + " but no target has dim = " + d
                        + "; the targets' dimensions are " + targets.stream().map(TargetChoice::dim).distinct().toList());
            }
        }
        return targets.stream().filter(t -> dims.contains(t.dim())).toList();
    }

    /** Refuses a {@code grid_n} of {@code block} that gives some target more than {@link #MAX_GRID_NODES} nodes. */
    private static void checkGridNodes(SpecReader block, List<Integer> gridN, List<TargetChoice> targets) {
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

    /** The fewest training points a block's data gives any of the targets. */
    private static int smallestData(DataSpec data, List<TargetChoice> targets) {
        if (!data.sampler().equals("grid")) {
            return data.points().stream().min(Integer::compare).orElseThrow();
        }
        int n = data.gridN().stream().min(Integer::compare).orElseThrow();
        int d = targets.stream().mapToInt(TargetChoice::dim).min().orElseThrow();
        return (int) Math.min(Integer.MAX_VALUE, Math.pow(n, d));
    }

    private static List<Integer> sorted(List<Integer> values) {
        return values.stream().sorted().toList();
    }
}
