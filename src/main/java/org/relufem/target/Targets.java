package org.relufem.target;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/** The registry of targets by name. */
public final class Targets {
    /** Largest dimension a d-dimensional family accepts; a guard against typos, not a numerical limit. */
    public static final int MAX_DIM = 64;

    private record Entry(IntFunction<Target> factory, int minDim, int maxDim, Integer defaultDim) {
    }

    private static final Map<String, Entry> REGISTRY = new TreeMap<>();

    static {
        REGISTRY.put("seed2d", new Entry(d -> new Seed2d(), 2, 2, 2));
        REGISTRY.put("exp_cos", new Entry(ExpCos::new, 1, MAX_DIM, null));
        REGISTRY.put("sin_pi", new Entry(SinPi::new, 1, MAX_DIM, 1));
        for (AdcockDexter.Family f : AdcockDexter.Family.values()) {
            REGISTRY.put(f.registryName, new Entry(f.factory(), f.minDim, f.maxDim, f.maxDim == 1 ? 1 : null));
        }
        for (Genz.Family f : Genz.Family.values()) {
            REGISTRY.put(f.registryName, new Entry(d -> new Genz(f, d), 1, MAX_DIM, null));
        }
    }

    private Targets() {
    }

    /** Every registered name, sorted. */
    public static List<String> names() {
        return List.copyOf(REGISTRY.keySet());
    }

    /** The dimension used when a spec names the target without {@code dim}, or null if it must be given. */
    public static Integer defaultDimension(String name) {
        return entry(name).defaultDim();
    }

    /**
     * The target {@code name} in dimension {@code dim}.
     *
     * @throws IllegalArgumentException for an unknown name or a dimension the target does not support
     */
    public static Target create(String name, int dim) {
        Entry e = entry(name);
        if (dim < e.minDim() || dim > e.maxDim()) {
            String range = e.minDim() == e.maxDim() ? "only dim = " + e.minDim()
                    : "dim in " + e.minDim() + ".." + e.maxDim();
            throw new IllegalArgumentException("target '" + name + "' supports " + range + ", got dim = " + dim);
        }
        return e.factory().apply(dim);
    }

    private static Entry entry(String name) {
        Entry e = REGISTRY.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown target '" + name + "'; known targets: "
                    + String.join(", ", REGISTRY.keySet()));
        }
        return e;
    }
}
