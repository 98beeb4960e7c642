package org.relufem.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relufem.sweep.family.MethodParams;
import org.relufem.target.Box;
import org.relufem.target.TargetDefinition;

/**
 * One unit of work: a method fitted once to one training set of one target, measured on one test
 * set. The common part is here; the method's own parameters are its family's {@link MethodParams}.
 * A trained method's trial trains once and yields a row per epoch checkpoint.
 *
 * @param index the trial's position in its sweep's {@link TrialSpace}
 * @param method the method's spec name
 * @param targetDefinition the target: a registered name, a formula or a class, in one dimension
 * @param data the training set
 * @param testSeed seed of the test set's uniform random points
 * @param testPoints size of the test set
 * @param params the method's own parameters
 * @param test how the test set is made
 */
public record Trial(long index, String method, TargetDefinition targetDefinition, TrainingData data, long testSeed,
                    int testPoints, MethodParams params, TestDesign test) implements Serializable {

    /** A trial on {@code testPoints} uniform random test points. */
    public Trial(long index, String method, TargetDefinition targetDefinition, TrainingData data, long testSeed,
                 int testPoints, MethodParams params) {
        this(index, method, targetDefinition, data, testSeed, testPoints, params,
                new TestDesign(TestDesign.Kind.UNIFORM, testPoints));
    }

    /** A trial on the registered target {@code target} in dimension {@code dim}. */
    public Trial(long index, String method, String target, int dim, TrainingData data, long testSeed, int testPoints,
                 MethodParams params) {
        this(index, method, new TargetDefinition.Registered(target, dim), data, testSeed, testPoints, params);
    }

    /** The target's name: the {@code target} column. */
    public String target() {
        return targetDefinition.name();
    }

    /** The target's dimension. */
    public int dim() {
        return targetDefinition.dim();
    }

    /** The target's box. */
    public Box domain() {
        return targetDefinition.domain();
    }

    /** Nodes per axis of the grid behind the row ({@code grid_n}): the training grid, or the method's own. */
    public Integer gridN() {
        return data.gridN() != null ? data.gridN() : params.gridN();
    }

    /** The rows' checkpoints, in the order the fit reports them. */
    public List<Checkpoint> checkpoints() {
        return params.checkpoints();
    }

    /**
     * Every parameter that defines the trial's numbers, as sorted key=value pairs. Nulls are left
     * out, so adding an optional parameter later keeps the old ids; a registered target adds only its
     * name and dimension, a formula its normalised text and box, a class its name and box, a data
     * file the digest of its numbers, its columns, its split and box. Not part of it: the epoch
     * checkpoints (they are per row) and what changes only what is stored (keep_weights, test.field).
     */
    public String canonical() {
        Map<String, Object> p = new TreeMap<>();
        p.put("method", method);
        p.put("target", target());
        p.put("dim", dim());
        p.putAll(targetDefinition.identity());
        data.addTo(p);
        p.put("test_seed", testSeed);
        p.put("test_points", testPoints);
        test.addTo(p);
        Map<String, Object> own = new TreeMap<>();
        params.addTo(own);
        own.forEach((k, v) -> {
            if (v != null && p.put(k, v) != null) {
                throw new IllegalStateException(method + "'s parameter " + k + " would replace the trial's own");
            }
        });
        StringBuilder s = new StringBuilder();
        p.forEach((k, v) -> {
            if (v != null) {
                s.append(s.length() == 0 ? "" : ";").append(k).append('=').append(v);
            }
        });
        return s.toString();
    }

    /** The ids of this trial's rows: one per checkpoint (boosting stage and epochs) for trained methods, else one. */
    public List<String> rowIds() {
        String c = canonical();
        return checkpoints().stream().map(k -> TrialIds.hash(c + k.idSuffix())).toList();
    }
}
