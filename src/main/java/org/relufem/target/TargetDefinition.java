package org.relufem.target;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one value of a spec's target axis defines: a registered target in one dimension, a formula
 * on a box, a user's class, or samples from a data file. Small, immutable and serializable, so that executors rebuild the
 * target from it; {@link #create} builds it (a formula is compiled and a class instantiated once
 * per deserialized definition, then shared: targets are thread-safe).
 */
public sealed interface TargetDefinition extends Serializable {
    /** The {@code target} column. */
    String name();

    /** Input dimension. */
    int dim();

    /** The target. */
    Target create();

    /** Its box. */
    default Box domain() {
        return create().domain();
    }

    /**
     * What defines the function beyond its name and dimension, as {@code trial_id} parameters:
     * none for a registered target (so their ids never change), the normalised formula or the class
     * and the box otherwise.
     */
    Map<String, String> identity();

    /** A target of the registry ({@link Targets}), built when asked for. */
    record Registered(String name, int dim) implements TargetDefinition {
        @Override
        public Target create() {
            return Targets.create(name, dim);
        }

        @Override
        public Map<String, String> identity() {
            return Map.of();
        }
    }

    /** The target {@code name} given by a formula on a box. */
    final class OfFormula implements TargetDefinition {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String formula;
        private final Box box;
        private transient volatile FormulaTarget target;

        /**
         * @param formula the formula's text, normalised or not
         * @throws FormulaException where it leaves the language
         */
        public OfFormula(String name, String formula, Box box) {
            this.target = FormulaTarget.parse(name, formula, box);
            this.name = name;
            this.formula = target.formula();
            this.box = box;
        }

        /** The normalised formula ({@link Expression}). */
        public String formula() {
            return formula;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int dim() {
            return box.dimension();
        }

        @Override
        public Box domain() {
            return box;
        }

        @Override
        public Target create() {
            FormulaTarget t = target;
            if (t == null) {
                t = FormulaTarget.parse(name, formula, box);
                target = t;
            }
            return t;
        }

        @Override
        public Map<String, String> identity() {
            Map<String, String> p = new TreeMap<>();
            p.put("target_formula", formula);
            p.put("target_box", boxText(box));
            return p;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OfFormula f && name.equals(f.name) && formula.equals(f.formula) && box.equals(f.box);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, formula, box);
        }

        @Override
        public String toString() {
            return name + " = " + formula + " on " + box;
        }
    }

    /** The target a user's class gives ({@link TargetClasses}), with the box it had when the spec was read. */
    final class OfClass implements TargetDefinition {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final String className;
        private final int dim;
        private final Box box;
        private transient volatile Target target;

        /** Wraps {@code target}, an instance of {@code className} in dimension {@code dim}, under {@code name}. */
        public OfClass(String name, String className, int dim, Target target) {
            this.name = name;
            this.className = className;
            this.dim = dim;
            this.box = target.domain();
            this.target = target;
        }

        public String className() {
            return className;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int dim() {
            return dim;
        }

        @Override
        public Box domain() {
            return box;
        }

        /**
         * The class's instance, named {@link #name}.
         *
         * @throws IllegalStateException if the class now gives another box than when the spec was read
         */
        @Override
        public Target create() {
            Target t = target;
            if (t == null) {
                t = TargetClasses.instantiate(className, dim);
                if (!t.domain().equals(box)) {
                    throw new IllegalStateException("class " + className + " gives the box " + t.domain()
                            + " here but gave " + box + " when the spec was read");
                }
                target = t;
            }
            return t;
        }

        @Override
        public Map<String, String> identity() {
            Map<String, String> p = new TreeMap<>();
            p.put("target_class", className);
            p.put("target_box", boxText(box));
            return p;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OfClass c && name.equals(c.name) && className.equals(c.className) && dim == c.dim
                    && box.equals(c.box);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, className, dim, box);
        }

        @Override
        public String toString() {
            return name + " = " + className + " in d = " + dim;
        }
    }

    /**
     * Samples of a function from a data file, split by {@code splitSeed} into training rows and
     * held-out test rows ({@code org.relufem.sample.DataSplit}); the box is the data's bounding box
     * unless the spec gives one. It has values only at its rows: {@link #create} gives its name and
     * box, and a value elsewhere throws.
     */
    final class OfData implements TargetDefinition {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final DataSet data;
        private final Box box;
        private final double testFraction;
        private final long splitSeed;

        public OfData(String name, DataSet data, Box box, double testFraction, long splitSeed) {
            if (!(testFraction > 0 && testFraction < 1)) {
                throw new IllegalArgumentException("test_fraction must be in (0, 1), got " + testFraction);
            }
            this.name = name;
            this.data = data;
            this.box = box;
            this.testFraction = testFraction;
            this.splitSeed = splitSeed;
        }

        public DataSet data() {
            return data;
        }

        public double testFraction() {
            return testFraction;
        }

        public long splitSeed() {
            return splitSeed;
        }

        /** The number of held-out test rows: test_fraction of the rows, rounded. */
        public int testRows() {
            return (int) Math.round(testFraction * data.rows());
        }

        /** The number of training rows. */
        public int trainingRows() {
            return data.rows() - testRows();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public int dim() {
            return data.dimension();
        }

        @Override
        public Box domain() {
            return box;
        }

        @Override
        public Target create() {
            return new Target() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public Box domain() {
                    return box;
                }

                @Override
                public double value(double[] x, int offset) {
                    // Unreachable from a valid spec: samplers and the max-norm search that need values between
                    // the rows are refused or skipped for data targets; this guards any other caller.
                    throw new UnsupportedOperationException("target " + name + " is the data of " + data.file()
                            + ": it has values only at its rows");
                }
            };
        }

        @Override
        public Map<String, String> identity() {
            Map<String, String> p = new TreeMap<>();
            p.put("target_data", data.digest());
            p.put("target_inputs", String.join(",", data.inputs()));
            p.put("target_output", data.output());
            p.put("target_test_fraction", Double.toString(testFraction));
            p.put("target_split_seed", Long.toString(splitSeed));
            p.put("target_box", boxText(box));
            return p;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OfData d && name.equals(d.name) && data.digest().equals(d.data.digest())
                    && data.inputs().equals(d.data.inputs()) && data.output().equals(d.data.output()) && box.equals(d.box)
                    && testFraction == d.testFraction && splitSeed == d.splitSeed;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, data.digest(), box, testFraction, splitSeed);
        }

        @Override
        public String toString() {
            return name + " = " + data.output() + "(" + String.join(", ", data.inputs()) + ") of " + data.file();
        }
    }

    /** {@code [[lower_1,upper_1],...]} with each bound as {@link Double#toString}: part of trial ids, so fixed here. */
    private static String boxText(Box box) {
        StringBuilder s = new StringBuilder("[");
        for (int k = 0; k < box.dimension(); k++) {
            s.append(k == 0 ? "[" : ",[").append(box.lower(k)).append(',').append(box.upper(k)).append(']');
        }
        return s.append(']').toString();
    }
}
