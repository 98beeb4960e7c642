package org.relufem.sweep;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.relufem.BadInputException;
import org.relufem.sample.Sampler;
import org.relufem.sweep.family.MethodFamilies;
import org.relufem.sweep.family.MethodFamily;
import org.relufem.sweep.family.Polynomials;
import org.relufem.target.TargetDefinition;

/**
 * Reads a spec file into a {@link SweepSpec}: the sweep name and test sets here, the targets by
 * {@link TargetReader}, each
 * method block's common part (method, data, dim) here and its own keys by its family, then the
 * checks that span blocks ({@link RepeatedTrials}). Every error names the key and the file line,
 * before anything runs.
 */
public final class SpecParser {
    private static final Pattern SWEEP_NAME = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> TOP_KEYS = Set.of("sweep", "targets", "test", "methods");
    private static final Set<String> BLOCK_KEYS = Set.of("method", "data", "dim");

    private SpecParser() {
    }

    /** Reads and validates a spec file. */
    public static SweepSpec load(Path file) {
        if (Files.isDirectory(file)) {
            throw new BadInputException("spec " + file + " is a directory, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException("spec file not found: " + file);
        }
        Config config;
        try {
            config = ConfigFactory.parseFile(file.toFile(),
                    ConfigParseOptions.defaults().setSyntax(ConfigSyntax.CONF).setAllowMissing(false)).resolve();
        } catch (ConfigException e) {
            throw new BadInputException("cannot read spec " + file + ": " + e.getMessage(), e);
        }
        return parse(config, file.toString());
    }

    /** Parses and validates spec text; {@code source} names it in errors. */
    public static SweepSpec parse(String text, String source) {
        Config config;
        try {
            config = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(source)).resolve();
        } catch (ConfigException e) {
            throw new BadInputException("cannot read spec " + source + ": " + e.getMessage(), e);
        }
        return parse(config, source);
    }

    private static SweepSpec parse(Config config, String source) {
        if (config.root().isEmpty()) {
            throw new BadInputException("spec " + source + " is empty: give sweep, targets and methods");
        }
        SpecReader top = SpecReader.of(config.root(), "the spec");
        top.onlyKeys(TOP_KEYS);
        String name = SpecReader.string(top.value("sweep"), "sweep");
        if (!SWEEP_NAME.matcher(name).matches()) {
            throw SpecReader.error(top.value("sweep"), "sweep must match [a-z0-9-]+ (it names a directory), got '" + name + "'");
        }
        List<TargetChoice> targets = targets(top);
        TestDesign testDesign = TestDesign.DEFAULT;
        List<Long> testSeeds = List.of(0L);
        if (top.has("test")) {
            SpecReader test = SpecReader.of(top.value("test"), "test");
            testDesign = testDesign(test, targets);
            testSeeds = test.longAxis("seeds", 0, testSeeds);
            TargetChoice data = targets.stream().filter(t -> t.definition() instanceof TargetDefinition.OfData)
                    .findFirst().orElse(null);
            if (data != null && testSeeds.size() > 1) {
                throw SpecReader.error(test.value("seeds"), "test.seeds = " + testSeeds + " but target " + data.name()
                        + "'s test set is its held-out rows, fixed by its split_seed: give one test seed");
            }
            if (data != null && testDesign.kind() != TestDesign.Kind.UNIFORM) {
                throw SpecReader.error(test.value("sampler"), "test.sampler = " + testDesign.kind().label()
                        + " but target " + data.name() + "'s test set is its held-out rows: leave test.sampler out");
            }
        }
        List<MethodBlock> methods = new ArrayList<>();
        List<ConfigValue> blocks = top.elements("methods");
        for (int i = 0; i < blocks.size(); i++) {
            methods.add(block(SpecReader.of(blocks.get(i), "methods[" + i + "]"), targets));
        }
        RepeatedTrials.Repeat repeat = RepeatedTrials.find(methods);
        if (repeat != null) {
            throw SpecReader.error(blocks.get(repeat.second()), "methods[" + repeat.second() + "] repeats trials of methods["
                    + repeat.first() + "] (both hold " + repeat.shared() + "): a trial must come from one block, or its"
                    + " trial_ids repeat; merge the blocks or make one of their axes disjoint");
        }
        String canonical = withDataDigests(config.root(), targets).render(ConfigRenderOptions.concise());
        return new SweepSpec(name, source, List.copyOf(targets), testDesign, testSeeds, List.copyOf(methods), canonical);
    }

    /**
     * The {@code test} block's sampler and its size: {@code points} for uniform (with {@code seeds})
     * and sobol points, {@code grid_n} for the tensor grid, {@code level} for the sparse grid; and
     * {@code field} (whether rows store g for the report's pictures, {@link TestDesign}); refused when some target's set would pass {@link DataSpec#MAX_POINTS}.
     */
    private static TestDesign testDesign(SpecReader test, List<TargetChoice> targets) {
        TestDesign.Kind kind = TestDesign.Kind.UNIFORM;
        if (test.has("sampler")) {
            String label = SpecReader.string(test.value("sampler"), test.name("sampler"));
            kind = TestDesign.Kind.of(label);
            if (kind == null) {
                throw SpecReader.error(test.value("sampler"), "unknown test.sampler '" + label + "'; known: uniform, sobol,"
                        + " grid, sparse_grid");
            }
        }
        boolean field = test.bool("field", false);
        TestDesign design = switch (kind) {
            case UNIFORM -> {
                test.onlyKeys(Set.of("sampler", "points", "seeds", "field"));
                yield new TestDesign(kind, test.has("points") ? test.integer("points", 1, DataSpec.MAX_POINTS) : 1000, field);
            }
            case SOBOL -> {
                test.onlyKeys(Set.of("sampler", "points", "field"));
                yield new TestDesign(kind, test.has("points") ? test.integer("points", 1, DataSpec.MAX_POINTS) : 1000, field);
            }
            case GRID -> {
                test.onlyKeys(Set.of("sampler", "grid_n", "field"));
                yield new TestDesign(kind, test.integer("grid_n", 2, DataSpec.MAX_POINTS), field);
            }
            case SPARSE_GRID -> {
                test.onlyKeys(Set.of("sampler", "level", "field"));
                yield new TestDesign(kind, test.integer("level", 1, 30), field);
            }
        };
        String key = kind == TestDesign.Kind.GRID ? "grid_n" : "level";
        for (TargetChoice t : targets) {
            long points = design.points(t.dim());
            if (points > DataSpec.MAX_POINTS) {
                throw SpecReader.error(test.value(key), test.name(key) + " = " + design.size() + " gives " + points
                        + " test points in d = " + t.dim() + " (target " + t.name() + "); the limit is " + DataSpec.MAX_POINTS);
            }
        }
        return design;
    }

    private static List<TargetChoice> targets(SpecReader top) {
        List<TargetChoice> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<ConfigValue> entries = top.elements("targets");
        for (int i = 0; i < entries.size(); i++) {
            for (TargetChoice t : TargetReader.read(entries.get(i), i)) {
                if (!seen.add(t.name() + "\u0000" + t.dim())) {
                    throw SpecReader.error(entries.get(i), "target " + t.name() + " in d = " + t.dim() + " appears twice");
                }
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The spec with {@code data_digest} in each data target's entry (the digest of its numbers), so
     * that the spec stored with a sweep changes when the file does and a rerun on other data is
     * refused as a changed spec rather than mixing rows of both.
     */
    private static ConfigObject withDataDigests(ConfigObject root, List<TargetChoice> targets) {
        List<String> digests = targets.stream().filter(t -> t.definition() instanceof TargetDefinition.OfData)
                .map(t -> ((TargetDefinition.OfData) t.definition()).data().digest()).toList();
        if (digests.isEmpty()) {
            return root;
        }
        ConfigValue value = root.get("targets");
        List<ConfigValue> entries = value instanceof ConfigList list ? new ArrayList<>(list) : new ArrayList<>(List.of(value));
        int next = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i) instanceof ConfigObject o && o.containsKey("data")) {
                entries.set(i, o.withValue("data_digest", ConfigValueFactory.fromAnyRef(digests.get(next++))));
            }
        }
        return root.withValue("targets", value instanceof ConfigList ? ConfigValueFactory.fromIterable(entries)
                : entries.get(0));
    }

    /** One method block: its method and family, the common keys, then the family's own. */
    private static MethodBlock block(SpecReader m, List<TargetChoice> allTargets) {
        String method = SpecReader.string(m.value("method"), m.name("method"));
        MethodFamily family = MethodFamilies.of(method);
        if (family == null) {
            throw SpecReader.error(m.value("method"), "unknown method '" + method + "' in " + m.name("method")
                    + "; known methods: " + String.join(", ", MethodFamilies.methods()));
        }
        Set<String> keys = new HashSet<>(family.keys(method));
        keys.addAll(BLOCK_KEYS);
        m.onlyKeys(keys);
        List<TargetChoice> targets = blockTargets(m, allTargets);
        SpecReader d = SpecReader.of(m.value("data"), m.name("data"));
        DataSpec data = data(d, method, family.samplers(method), targets);
        if (data.space() != null && family.samplesOwnSpace(method)) {
            throw SpecReader.error(d.value("degree"), d.name("degree") + ": method " + method + " draws christoffel points"
                    + " for its own space (its degree and index_set), and weights them for it: leave it out");
        }
        if (data.sampler() == Sampler.CHRISTOFFEL && data.space() == null && !family.samplesOwnSpace(method)) {
            throw SpecReader.error(d.value("sampler"), d.name("sampler") + " = christoffel draws from the optimal density"
                    + " of a polynomial space, and method " + method + " has none: give " + d.name("degree")
                    + " (and " + d.name("index_set") + ")");
        }
        return new MethodBlock(method, data, targets, family.read(method, m, data, targets));
    }

    private static DataSpec data(SpecReader d, String method, Set<Sampler> accepted, List<TargetChoice> targets) {
        String name = SpecReader.string(d.value("sampler"), d.name("sampler"));
        Sampler sampler = Sampler.of(name);
        if (sampler == null || !accepted.contains(sampler)) {
            throw SpecReader.error(d.value("sampler"), "method " + method + " cannot use sampler = " + name
                    + "; it takes " + String.join(" or ", new TreeSet<>(accepted.stream().map(Sampler::label).toList())));
        }
        DataSpec.checkTargets(d, sampler, targets);
        return switch (sampler) {
            case FILE -> DataSpec.file(d, targets);
            case GRID -> {
                d.onlyKeys(Set.of("sampler", "grid_n"));
                List<Integer> gridN = d.intAxis("grid_n", 2, null);
                DataSpec.checkGridNodes(d, gridN, targets);
                DataSpec.checkGridFiles(d, gridN, targets);
                yield new DataSpec(sampler, gridN, List.of(), List.of());
            }
            case SOBOL -> {
                d.onlyKeys(Set.of("sampler", "points"));
                yield new DataSpec(sampler, List.of(), d.intAxis("points", 1, DataSpec.MAX_POINTS, null), List.of());
            }
            case UNIFORM -> {
                d.onlyKeys(Set.of("sampler", "points", "seeds"));
                yield new DataSpec(sampler, List.of(), d.intAxis("points", 1, DataSpec.MAX_POINTS, null),
                        d.longAxis("seeds", 0, List.of(0L)));
            }
            case CHRISTOFFEL -> {
                d.onlyKeys(Set.of("sampler", "points", "seeds", "degree", "index_set"));
                yield new DataSpec(sampler, List.of(), d.intAxis("points", 1, DataSpec.MAX_POINTS, null),
                        d.longAxis("seeds", 0, List.of(0L)), Polynomials.samplingSpace(d, targets));
            }
        };
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
}
