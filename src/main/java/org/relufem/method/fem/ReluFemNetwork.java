package org.relufem.method.fem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.relufem.method.net.Network;
import org.relufem.sample.TensorGrid;

/**
 * The ReLU network that equals the P1 interpolant on the Kuhn triangulation of a tensor grid, on
 * the grid's box. In index coordinates t_k = (x_k - lower_k) / h_k the nodes are the integer points
 * and the Kuhn (Freudenthal) triangulation is cut by the hyperplanes t_k = c and t_j - t_k = c.
 *
 * <p>Basis. For a node p let S = {k : p_k >= 1} and m_k = p_k - 1; then
 * g_p(t) = min_{k in S} relu(t_k - m_k) (g_0 = 1) kinks only on those hyperplanes, so it is P1, and
 * g_p(q) is 0 unless q >= p componentwise and g_p(p) = 1, so the N functions g_p are a basis of P1
 * (a unitriangular change of basis from the hat functions; the min-analogue of the truncated-power
 * basis prod_k relu(t_k - m_k) of Q1, and on one cell the Lovasz extension). Writing
 * g_p(q) = sum_{j >= 0} [q >= p + j 1_S] shows the coefficients in f = sum_p a_p g_p are
 * a_p = b_p - b_{p - 1_S} (the second term only when min_{k in S} p_k >= 2), where b is the mixed
 * backward difference of the nodal values, extended by zero.
 *
 * <p>Network. Mins are realised as in He, Li, Xu &amp; Zheng (2020), "ReLU deep neural networks and
 * linear finite elements", J. Comput. Math. 38(3), 2020: min(a, b) = a - relu(a - b), chained:
 * for sorted S = (k_1, ..., k_s), R_j = relu(u_j - u_(j+1) + R_(j+1)) with u_j = t_(k_j) - m_(k_j)
 * and R_s = 0, so min_j u_j = u_1 - R_1 and g_p = relu(u_1 - R_1). On the box t_k >= 0, so relu(t_k)
 * carries t_k from layer to layer. Every g_p ends in hidden layer d (a term with |S| = s starts its
 * chain in layer d - s + 1), and each R unit depends only on its axes and the differences of m, so
 * it is shared by all terms that need it. Depth d; the last hidden layer holds the N - 1 terms g_p,
 * p != 0, the output layer weights are a_p and its bias a_0.
 *
 * <p>{@link Network} has one width for all hidden layers, so narrower layers are padded with
 * zero units (zero weights in and out, zero bias) up to the widest, which is the last (N - 1 units)
 * for every grid in d &lt;= 3. The dense parameter count is then (N - 1)(d + 2 + (d - 1) N) + 1;
 * {@link #activeParameters()} counts the weights the construction actually uses.
 *
 * <p>Outside the box the network does not clamp as {@link P1Interpolant} does; it extends the
 * min-basis linearly instead. Immutable once built.
 */
public final class ReluFemNetwork {
    private final TensorGrid grid;
    private final int d;
    private final int n;
    /** Hidden units of each layer, in unit order. */
    private final List<List<Unit>> layers = new ArrayList<>();
    private final List<Map<String, Integer>> unitIndex = new ArrayList<>();
    /** Index in the last hidden layer of g_p, per node p; -1 for node 0 (the constant). */
    private final int[] termUnit;

    /** One hidden unit: relu(bias + sum_i weight[i] * (output from[i] of the layer below)). */
    private static final class Unit {
        final List<Integer> from = new ArrayList<>();
        final List<Double> weight = new ArrayList<>();
        double bias;

        void add(int source, double w) {
            from.add(source);
            weight.add(w);
        }
    }

    /** Lays out the network for {@code grid}; the layout does not depend on the nodal values. */
    public ReluFemNetwork(TensorGrid grid) {
        this.grid = grid;
        this.d = grid.dimension();
        this.n = grid.nodesPerAxis();
        for (int l = 0; l < d; l++) {
            layers.add(new ArrayList<>());
            unitIndex.add(new HashMap<>());
        }
        int count = grid.nodeCount();
        termUnit = new int[count];
        termUnit[0] = -1;
        for (int node = 1; node < count; node++) {
            termUnit[node] = term(node);
        }
    }

    /**
     * The network equal to the P1 interpolant of {@code nodalValues} on the box, {@link #width()}
     * units wide and {@link #depth()} layers deep.
     *
     * @param nodalValues values at the grid's nodes, in the grid's node order. Not modified.
     */
    public Network network(double[] nodalValues) {
        return network(nodalValues, width(), d);
    }

    /**
     * The same function as a wider or deeper network, e.g. to start training of a given shape from
     * it: extra units are zero, and the layers past d pass the terms g_p >= 0 on through relu(g) = g.
     * Zero-padded units stay zero under gradient training (no weight into or out of them is nonzero,
     * so their gradients vanish); the zero weights between units the construction uses do train.
     *
     * @param nodalValues values at the grid's nodes, in the grid's node order. Not modified.
     * @param width at least {@link #width()}
     * @param depth at least {@link #depth()}
     */
    public Network network(double[] nodalValues, int width, int depth) {
        if (nodalValues.length != termUnit.length) {
            throw new IllegalArgumentException("the grid has " + termUnit.length + " nodes, got "
                    + nodalValues.length + " values");
        }
        if (width < width() || depth < d) {
            throw new IllegalArgumentException(ReluFem.METHOD_NAME + " on " + n + " nodes per axis in d = " + d
                    + " needs width >= " + width() + " and depth >= " + d + ", got " + width + " x " + depth);
        }
        long dense = denseParameters(d, width, depth);
        if (dense > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(ReluFem.METHOD_NAME + " on " + n + " nodes per axis in d = " + d
                    + " is a "
                    + depth + " x " + width + " ReLU network with " + dense
                    + " parameters (zero-padded to one width), more than an array can hold");
        }
        double[] a = coefficients(nodalValues);
        double[] parameters = new double[(int) dense];
        int at = 0;
        for (int l = 0; l < depth; l++) {
            int fanIn = l == 0 ? d : width;
            if (l < d) {
                List<Unit> units = layers.get(l);
                for (Unit u : units) {
                    for (int i = 0; i < u.from.size(); i++) {
                        parameters[at + u.from.get(i)] += u.weight.get(i);
                    }
                    at += fanIn;
                }
                at += (width - units.size()) * fanIn; // zero padding units
                for (Unit u : units) {
                    parameters[at++] = u.bias;
                }
                at += width - units.size();
            } else {
                int terms = layers.get(d - 1).size();
                for (int j = 0; j < terms; j++) {
                    parameters[at + j * fanIn + j] = 1; // identity on the terms, zero bias
                }
                at += width * fanIn + width;
            }
        }
        for (int node = 1; node < a.length; node++) {
            parameters[at + termUnit[node]] = a[node];
        }
        parameters[at + width] = a[0];
        return Network.of(d, width, depth, parameters);
    }

    /** Hidden layers: the input dimension d. */
    public int depth() {
        return d;
    }

    /** Units the construction uses in each hidden layer, before padding. A new array. */
    public int[] layerWidths() {
        return layers.stream().mapToInt(List::size).toArray();
    }

    /** The padded width of the {@link Network}: the widest hidden layer. */
    public int width() {
        return Arrays.stream(layerWidths()).max().orElseThrow();
    }

    /** Weights and biases the construction uses (padding excluded), output layer included. */
    public long activeParameters() {
        long sum = termUnit.length; // output weights on the N - 1 terms, and the output bias
        for (List<Unit> units : layers) {
            for (Unit u : units) {
                sum += u.from.size() + 1;
            }
        }
        return sum;
    }

    /** Parameters of a dense inputs -> width x depth -> 1 network; as {@link Network#degreesOfFreedom()}. */
    static long denseParameters(int inputs, int width, int depth) {
        return (long) width * (inputs + 1) + (long) (depth - 1) * width * (width + 1) + width + 1;
    }

    /** The coefficients a_p of the nodal values in the basis g_p (see the class comment). */
    double[] coefficients(double[] nodalValues) {
        int count = nodalValues.length;
        double[] b = nodalValues.clone();
        int stride = 1;
        for (int k = 0; k < d; k++, stride *= n) {
            for (int node = count - 1; node >= 0; node--) { // downwards: b[node - stride] is still old
                if ((node / stride) % n >= 1) {
                    b[node] -= b[node - stride];
                }
            }
        }
        double[] a = b.clone();
        for (int node = 1; node < count; node++) {
            int minimum = Integer.MAX_VALUE;
            int diagonal = 0;
            stride = 1;
            for (int k = 0; k < d; k++, stride *= n) {
                int p = (node / stride) % n;
                if (p >= 1) {
                    minimum = Math.min(minimum, p);
                    diagonal += stride;
                }
            }
            if (minimum >= 2) {
                a[node] -= b[node - diagonal];
            }
        }
        return a;
    }

    /** Adds coefficient * t_axis, computed from the layer below {@code layer}, to {@code unit}. */
    private void addT(Unit unit, int layer, int axis, double coefficient) {
        if (layer == 0) {
            double h = grid.spacing(axis);
            unit.add(axis, coefficient / h);
            unit.bias -= coefficient * grid.box().lower(axis) / h;
        } else {
            unit.add(carry(layer - 1, axis), coefficient);
        }
    }

    /** The unit relu(t_axis) = t_axis (t >= 0 on the box) in {@code layer}. */
    private int carry(int layer, int axis) {
        String key = "t" + axis;
        Integer found = unitIndex.get(layer).get(key);
        if (found != null) {
            return found;
        }
        Unit u = new Unit();
        addT(u, layer, axis, 1);
        return place(layer, key, u);
    }

    /**
     * The unit R = relu(u_0 - min(u_1, ..., u_(q-1))) in {@code layer}, u_j = t_(axes[j]) - m[j], built
     * as relu(u_0 - u_1 + R(axes[1..], m[1..])). Keyed by the axes and the differences of m.
     */
    private int tail(int layer, int[] axes, int[] m) {
        StringBuilder key = new StringBuilder("R");
        for (int j = 0; j < axes.length; j++) {
            key.append(axes[j]).append(j + 1 < axes.length ? ":" + (m[j] - m[j + 1]) + "," : "");
        }
        Integer found = unitIndex.get(layer).get(key.toString());
        if (found != null) {
            return found;
        }
        Unit u = new Unit();
        addT(u, layer, axes[0], 1);
        addT(u, layer, axes[1], -1);
        u.bias += m[1] - m[0];
        if (axes.length > 2) {
            int[] restAxes = Arrays.copyOfRange(axes, 1, axes.length);
            int[] restM = Arrays.copyOfRange(m, 1, m.length);
            u.add(tail(layer - 1, restAxes, restM), 1);
        }
        return place(layer, key.toString(), u);
    }

    /** The unit g_p of node {@code node} != 0 in the last hidden layer. */
    private int term(int node) {
        int[] axes = new int[d];
        int[] m = new int[d];
        int s = 0;
        int rest = node;
        for (int k = 0; k < d; k++, rest /= n) {
            if (rest % n >= 1) {
                axes[s] = k;
                m[s++] = rest % n - 1;
            }
        }
        int last = d - 1;
        Unit u = new Unit();
        addT(u, last, axes[0], 1);
        u.bias -= m[0];
        if (s > 1) {
            u.add(tail(last - 1, Arrays.copyOf(axes, s), Arrays.copyOf(m, s)), -1);
        }
        return place(last, "g" + node, u);
    }

    private int place(int layer, String key, Unit u) {
        List<Unit> units = layers.get(layer);
        units.add(u);
        unitIndex.get(layer).put(key, units.size() - 1);
        return units.size() - 1;
    }
}
