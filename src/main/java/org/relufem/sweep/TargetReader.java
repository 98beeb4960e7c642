package org.relufem.sweep;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.relufem.sample.DataSplit;
import org.relufem.target.Box;
import org.relufem.target.DataSet;
import org.relufem.target.FormulaException;
import org.relufem.target.Target;
import org.relufem.target.TargetCheck;
import org.relufem.target.TargetClasses;
import org.relufem.target.TargetDefinition;
import org.relufem.target.Targets;

/**
 * Reads one entry of a spec's {@code targets} list into the values of the target axis it gives,
 * in one of three forms (README, "Your own function"):
 * <ul>
 * <li>{@code { name = gaussian, dim = [2, 4] }}: a registered target ({@link Targets});
 * <li>{@code { name = bump, formula = "exp(-(x-0.3)^2 / 0.01)", box = [[0, 1]] }}: a formula on a box,
 *     whose rows give the dimension;
 * <li>{@code { class = "com.example.MyTarget", dim = 3, name = mine }}: a user's {@link Target}
 *     class ({@code dim} optional for a class without a {@code (int dim)} constructor, {@code name}
 *     defaults to the instance's {@code name()});
 * <li>{@code { name = plate, data = "plate.csv", inputs = [x, y], output = w, test_fraction = 0.2,
 *     split_seed = 0 }}: samples in a CSV file, read here ({@link DataSet}).
 * </ul>
 * A user's formula or class is built and checked ({@link TargetCheck}) here, on the driver, so
 * that a bad one is refused with the key and file line before anything runs.
 */
final class TargetReader {
    /** Names of a formula or class target: the {@code target} column. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private TargetReader() {
    }

    /** The target axis values of entry {@code i}. */
    static List<TargetChoice> read(ConfigValue entry, int i) {
        SpecReader t = SpecReader.of(entry, "targets[" + i + "]");
        List<String> kinds = java.util.stream.Stream.of("formula", "class", "data").filter(t::has).toList();
        if (kinds.size() > 1) {
            throw SpecReader.error(t.value(kinds.get(1)), "targets[" + i + "] gives both " + kinds.get(0) + " and "
                    + kinds.get(1) + "; a target is a registered name, a formula on a box, a class or a data file");
        }
        if (t.has("data")) {
            return List.of(data(t));
        }
        if (t.has("formula")) {
            return List.of(formula(t));
        }
        if (t.has("class")) {
            return ofClass(t);
        }
        return registered(t, i);
    }

    private static List<TargetChoice> registered(SpecReader t, int i) {
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
        return dims.stream().map(d -> new TargetChoice(name, d)).toList();
    }

    private static TargetChoice formula(SpecReader t) {
        t.onlyKeys(Set.of("name", "formula", "box"));
        String name = name(t, t.value("name"));
        Box box = box(t);
        ConfigValue at = t.value("formula");
        String text = SpecReader.string(at, t.name("formula"));
        TargetDefinition.OfFormula definition;
        try {
            definition = new TargetDefinition.OfFormula(name, text, box);
        } catch (FormulaException e) {
            String shown = text.replace('\n', ' ');
            shown = shown.length() <= 80 ? shown : shown.substring(0, 77) + "...";
            throw SpecReader.error(at, t.name("formula") + " \"" + shown + "\": " + e.getMessage());
        }
        check(definition.create(), at, t.name("formula"));
        return new TargetChoice(definition);
    }

    private static List<TargetChoice> ofClass(SpecReader t) {
        t.onlyKeys(Set.of("class", "dim", "name"));
        ConfigValue at = t.value("class");
        String className = SpecReader.string(at, t.name("class"));
        List<Integer> dims = new ArrayList<>();
        try {
            boolean takesDimension = TargetClasses.takesDimension(className);
            if (t.has("dim")) {
                dims.addAll(t.intAxis("dim", 1, Targets.MAX_DIM, null));
            } else if (takesDimension) {
                throw SpecReader.error(at, t.name("class") + ": class " + className + " takes its dimension (a public"
                        + " (int dim) constructor): give dim = ...");
            } else {
                dims.add(null);
            }
        } catch (IllegalArgumentException e) {
            throw SpecReader.error(at, t.name("class") + ": " + e.getMessage());
        }
        List<TargetChoice> out = new ArrayList<>();
        for (Integer d : dims) {
            Target target;
            try {
                target = TargetClasses.instantiate(className, d);
            } catch (IllegalArgumentException e) {
                throw SpecReader.error(d == null ? at : t.value("dim"), t.name("class") + ": " + e.getMessage());
            }
            String name;
            if (t.has("name")) {
                name = name(t, t.value("name"));
            } else {
                String own;
                try {
                    own = target.name();
                } catch (RuntimeException e) {
                    throw SpecReader.error(at, t.name("class") + ": name() of class " + className + " threw " + e);
                }
                if (own == null || !NAME.matcher(own).matches()) {
                    throw SpecReader.error(at, t.name("class") + ": class " + className + " names itself "
                            + (own == null ? "null" : "'" + own + "'") + ", not " + NAME.pattern() + ": give name = ...");
                }
                name = registeredClash(own, at, t.name("class") + ": class " + className + " names itself");
            }
            check(target, at, t.name("class") + ": class " + className);
            out.add(new TargetChoice(new TargetDefinition.OfClass(name, className, target.domain().dimension(), target)));
        }
        return out;
    }

    /** Fewest training rows, and fewest test rows, a data target may have. */
    static final int MIN_ROWS = 10;

    /**
     * {@code { name, data = "file.csv", inputs = [...], output = ..., test_fraction = 0.2,
     * split_seed = 0, box = ... }}: the box is the data's bounding box unless given.
     */
    private static TargetChoice data(SpecReader t) {
        t.onlyKeys(Set.of("name", "data", "inputs", "output", "test_fraction", "split_seed", "box"));
        String name = name(t, t.value("name"));
        ConfigValue at = t.value("data");
        String file = SpecReader.string(at, t.name("data"));
        List<String> inputs = t.stringAxis("inputs", null);
        if (inputs.size() > Targets.MAX_DIM) {
            throw SpecReader.error(t.value("inputs"), t.name("inputs") + " names " + inputs.size() + " columns; a target"
                    + " has at most " + Targets.MAX_DIM + " dimensions");
        }
        String output = SpecReader.string(t.value("output"), t.name("output"));
        if (inputs.contains(output)) {
            throw SpecReader.error(t.value("output"), t.name("output") + " = " + output + " is also one of "
                    + t.name("inputs"));
        }
        double testFraction = 0.2;
        if (t.has("test_fraction")) {
            ConfigValue v = t.value("test_fraction");
            if (v.valueType() != ConfigValueType.NUMBER) {
                throw SpecReader.error(v, t.name("test_fraction") + " must be a number, got " + text(v));
            }
            testFraction = ((Number) v.unwrapped()).doubleValue();
            if (!(testFraction > 0 && testFraction < 1)) {
                throw SpecReader.error(v, t.name("test_fraction") + " must be in (0, 1), got " + testFraction);
            }
        }
        long splitSeed = t.has("split_seed") ? t.integer("split_seed", 0, Integer.MAX_VALUE) : 0;
        DataSet rows;
        try {
            rows = DataSet.read(file, inputs, output);
        } catch (IllegalArgumentException e) {
            throw SpecReader.error(at, t.name("data") + ": " + e.getMessage());
        }
        Box box;
        if (t.has("box")) {
            box = box(t);
            if (box.dimension() != inputs.size()) {
                throw SpecReader.error(t.value("box"), t.name("box") + " has " + box.dimension()
                        + (box.dimension() == 1 ? " row" : " rows") + " but "
                        + t.name("inputs") + " names " + inputs.size() + " columns");
            }
            int outside = rows.firstOutside(box);
            if (outside >= 0) {
                throw SpecReader.error(t.value("box"), "data row " + (outside + 1) + " of " + file + " lies outside "
                        + t.name("box") + " = " + box);
            }
        } else {
            box = rows.bounds();
            if (box == null) {
                throw SpecReader.error(at, t.name("data") + ": an input of " + file + " takes one value only, so its"
                        + " rows span no box: give " + t.name("box"));
            }
        }
        TargetDefinition.OfData definition = new TargetDefinition.OfData(name, rows, box, testFraction, splitSeed);
        if (definition.trainingRows() < MIN_ROWS || definition.testRows() < MIN_ROWS) {
            throw SpecReader.error(at, t.name("data") + ": " + file + " has " + rows.rows() + " rows; test_fraction = "
                    + testFraction + " leaves " + definition.trainingRows() + " training and " + definition.testRows()
                    + " test rows, and a data target needs at least " + MIN_ROWS + " of each");
        }
        if (definition.testRows() > DataSplit.mostTestRows(rows)) {
            throw SpecReader.error(t.has("test_fraction") ? t.value("test_fraction") : at, t.name("test_fraction") + " = "
                    + testFraction + " holds out " + definition.testRows() + " rows, but " + file + " is a grid of "
                    + rows.grid().nodesPerAxis() + " nodes per axis whose held-out rows lie off its grid of every other"
                    + " node: at most " + DataSplit.mostTestRows(rows) + " of its " + rows.rows() + " rows");
        }
        return new TargetChoice(definition);
    }

    /** A user target's name: [A-Za-z0-9_-]+ and not a registered target's. */
    private static String name(SpecReader t, ConfigValue at) {
        String name = SpecReader.string(at, t.name("name"));
        if (!NAME.matcher(name).matches()) {
            throw SpecReader.error(at, t.name("name") + " must match " + NAME.pattern() + ", got '" + name + "'");
        }
        return registeredClash(name, at, t.name("name") + " =");
    }

    private static String registeredClash(String name, ConfigValue at, String what) {
        if (Targets.names().contains(name)) {
            throw SpecReader.error(at, what + " '" + name + "', a registered target; give your function another name");
        }
        return name;
    }

    private static void check(Target target, ConfigValue at, String what) {
        try {
            TargetCheck.values(target);
        } catch (IllegalArgumentException e) {
            throw SpecReader.error(at, what + " " + e.getMessage());
        }
    }

    /** {@code box = [[lower_1, upper_1], ..., [lower_d, upper_d]]}: finite bounds, lower &lt; upper. */
    private static Box box(SpecReader t) {
        ConfigValue v = t.value("box");
        String key = t.name("box");
        if (v.valueType() != ConfigValueType.LIST || ((ConfigList) v).isEmpty()) {
            throw SpecReader.error(v, key + " must be a list of [lower, upper] rows, one per dimension, got " + text(v));
        }
        ConfigList rows = (ConfigList) v;
        if (rows.size() > Targets.MAX_DIM) {
            throw SpecReader.error(v, key + " has " + rows.size() + " rows; a target has at most " + Targets.MAX_DIM
                    + " dimensions");
        }
        double[] lower = new double[rows.size()];
        double[] upper = new double[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            ConfigValue row = rows.get(k);
            String rowKey = key + "[" + k + "]";
            if (row.valueType() != ConfigValueType.LIST || ((ConfigList) row).size() != 2
                    || ((ConfigList) row).stream().anyMatch(b -> b.valueType() != ConfigValueType.NUMBER)) {
                throw SpecReader.error(row, rowKey + " must be [lower, upper], two numbers, got " + text(row));
            }
            lower[k] = ((Number) ((ConfigList) row).get(0).unwrapped()).doubleValue();
            upper[k] = ((Number) ((ConfigList) row).get(1).unwrapped()).doubleValue();
            if (!Double.isFinite(lower[k]) || !Double.isFinite(upper[k])) {
                throw SpecReader.error(row, rowKey + " must have finite bounds, got [" + lower[k] + ", " + upper[k] + "]");
            }
            if (!(lower[k] < upper[k]) || !Double.isFinite(upper[k] - lower[k])) {
                throw SpecReader.error(row, rowKey + " needs lower < upper, got [" + lower[k] + ", " + upper[k] + "]");
            }
        }
        return new Box(lower, upper);
    }

    private static String text(ConfigValue v) {
        return v.valueType().name().toLowerCase() + " " + v.render(ConfigRenderOptions.concise());
    }
}
