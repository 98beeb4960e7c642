package org.relufem.method.poly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A finite set of multi-indices nu in N_0^d that selects the tensor Legendre polynomials
 * L_nu(x) = prod_k L_{nu_k}(x_k) of a polynomial space. Both kinds are lower (downward closed)
 * sets, so each spans the same space in any polynomial basis (monomials, Legendre) and under any
 * affine change of the coordinates. Immutable.
 *
 * <p>Order: by total degree |nu|_1, ties in lexicographic order of (nu_1, ..., nu_d). The first
 * index is always 0 (the constant), so the order is deterministic and the same on every machine.
 */
public final class IndexSet {
    /** Largest set accepted: a guard against specs whose basis could never be fitted. */
    public static final int MAX_SIZE = 1_000_000;

    /** The two index-set families of Adcock &amp; Dexter (2021) and the sparse-polynomial literature. */
    public enum Kind {
        /** {nu : |nu|_1 &lt;= n}: C(n + d, d) indices. */
        TOTAL_DEGREE("total_degree"),
        /** {nu : prod_k (nu_k + 1) &lt;= n + 1}: grows like n (log n)^(d-1). */
        HYPERBOLIC_CROSS("hyperbolic_cross");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The name used in specs. */
        public String label() {
            return label;
        }

        /** The kind named {@code label} in a spec. */
        public static Kind of(String label) {
            for (Kind k : values()) {
                if (k.label.equals(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown index set '" + label + "'; known: total_degree, hyperbolic_cross");
        }

        boolean admits(int[] nu, int n) {
            if (this == TOTAL_DEGREE) {
                int s = 0;
                for (int v : nu) {
                    s += v;
                }
                return s <= n;
            }
            long p = 1;
            for (int v : nu) {
                p *= v + 1;
                if (p > n + 1L) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Kind kind;
    private final int dimension;
    private final int order;
    /** size x dimension, row-major. */
    private final int[] indices;
    private final int size;

    private IndexSet(Kind kind, int dimension, int order, int[] indices) {
        this.kind = kind;
        this.dimension = dimension;
        this.order = order;
        this.indices = indices;
        this.size = indices.length / dimension;
    }

    /**
     * The index set of {@code kind} and order n in d dimensions.
     *
     * @throws IllegalArgumentException for d &lt; 1, n &lt; 0 or a set larger than {@link #MAX_SIZE}
     */
    public static IndexSet of(Kind kind, int dimension, int order) {
        if (dimension < 1) {
            throw new IllegalArgumentException("index set dimension must be >= 1, got " + dimension);
        }
        if (order < 0) {
            throw new IllegalArgumentException("polynomial degree must be >= 0, got " + order);
        }
        long count = count(kind, order, new int[dimension], 0, 0);
        if (count > MAX_SIZE) {
            throw new IllegalArgumentException("index set " + kind.label + " of degree " + order + " in d = "
                    + dimension + " has more than " + MAX_SIZE + " indices");
        }
        List<int[]> found = new ArrayList<>((int) count);
        collect(kind, order, new int[dimension], 0, found);
        found.sort(Comparator.<int[]>comparingInt(IndexSet::totalDegree).thenComparing(Arrays::compare));
        int[] flat = new int[found.size() * dimension];
        for (int j = 0; j < found.size(); j++) {
            System.arraycopy(found.get(j), 0, flat, j * dimension, dimension);
        }
        return new IndexSet(kind, dimension, order, flat);
    }

    /** The total-degree set {|nu|_1 &lt;= n}. */
    public static IndexSet totalDegree(int dimension, int order) {
        return of(Kind.TOTAL_DEGREE, dimension, order);
    }

    /** The hyperbolic cross {prod (nu_k + 1) &lt;= n + 1}. */
    public static IndexSet hyperbolicCross(int dimension, int order) {
        return of(Kind.HYPERBOLIC_CROSS, dimension, order);
    }

    /**
     * Depth-first over axes. Both kinds are lower sets, so a prefix that fails with the remaining
     * entries zero prunes all its extensions. Entries from {@code axis} on are zero on entry and exit.
     */
    private static void collect(Kind kind, int n, int[] nu, int axis, List<int[]> out) {
        if (axis == nu.length) {
            out.add(nu.clone());
            return;
        }
        for (int v = 0; ; v++) {
            nu[axis] = v;
            if (!kind.admits(nu, n)) {
                break;
            }
            collect(kind, n, nu, axis + 1, out);
        }
        nu[axis] = 0;
    }

    /** Like {@link #collect}, but only counts, and stops once the count passes {@link #MAX_SIZE}. */
    private static long count(Kind kind, int n, int[] nu, int axis, long sofar) {
        if (axis == nu.length) {
            return sofar + 1;
        }
        long c = sofar;
        for (int v = 0; c <= MAX_SIZE; v++) {
            nu[axis] = v;
            if (!kind.admits(nu, n)) {
                break;
            }
            c = count(kind, n, nu, axis + 1, c);
        }
        nu[axis] = 0;
        return c;
    }

    private static int totalDegree(int[] nu) {
        int s = 0;
        for (int v : nu) {
            s += v;
        }
        return s;
    }

    public Kind kind() {
        return kind;
    }

    public int dimension() {
        return dimension;
    }

    /** The order n that defines the set. */
    public int order() {
        return order;
    }

    /** Number of multi-indices, the dimension of the polynomial space. */
    public int size() {
        return size;
    }

    /** Entry {@code axis} of multi-index {@code j}. */
    public int degree(int j, int axis) {
        return indices[j * dimension + axis];
    }

    /** Multi-index {@code j} as a new array. */
    public int[] index(int j) {
        return Arrays.copyOfRange(indices, j * dimension, (j + 1) * dimension);
    }

    /** The largest single-axis degree in the set (n for both kinds). */
    public int maxDegree() {
        int m = 0;
        for (int v : indices) {
            m = Math.max(m, v);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexSet s && s.kind == kind && s.dimension == dimension && s.order == order;
    }

    @Override
    public int hashCode() {
        return (kind.hashCode() * 31 + dimension) * 31 + order;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s(d=%d, n=%d): %d indices", kind.label, dimension, order, size);
    }
}
