package org.relufem.sweep;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One unit of work: a method fitted once to one training set of one target, measured on one test
 * set. A network trial trains once and yields a row per epoch checkpoint. Fields that do not apply
 * to the method are null.
 *
 * @param index the trial's position in its sweep's {@link TrialSpace}
 * @param gridN nodes per axis for grid data
 * @param trainPoints number of training points (n^d for grid data)
 * @param trainSeed seed of scattered training points
 * @param batchSize points per step as trained (train_points for full batch)
 * @param epochs checkpoint epoch counts, ascending
 * @param degree polynomial degree (order of the index set) of a polynomial method
 * @param indexSet {@code total_degree} or {@code hyperbolic_cross} for a polynomial method
 * @param network a network's init, lr schedule and early stop; null for other methods
 */
public record Trial(long index, String method, String target, int dim, String sampler, Integer gridN,
                    int trainPoints, Long trainSeed, Integer width, Integer depth, String optimizer, Double lr,
                    Integer batchSize, Long initSeed, List<Integer> epochs, long testSeed, int testPoints,
                    boolean keepWeights, Integer degree, String indexSet, NetworkOptions network)
        implements Serializable {

    /** A trial with the default network options for networks ({@link NetworkOptions#DEFAULT}), none otherwise. */
    public Trial(long index, String method, String target, int dim, String sampler, Integer gridN,
                 int trainPoints, Long trainSeed, Integer width, Integer depth, String optimizer, Double lr,
                 Integer batchSize, Long initSeed, List<Integer> epochs, long testSeed, int testPoints,
                 boolean keepWeights, Integer degree, String indexSet) {
        this(index, method, target, dim, sampler, gridN, trainPoints, trainSeed, width, depth, optimizer, lr,
                batchSize, initSeed, epochs, testSeed, testPoints, keepWeights, degree, indexSet,
                width != null ? NetworkOptions.DEFAULT : null);
    }

    /** A trial of a method without a polynomial degree. */
    public Trial(long index, String method, String target, int dim, String sampler, Integer gridN, int trainPoints,
                 Long trainSeed, Integer width, Integer depth, String optimizer, Double lr, Integer batchSize,
                 Long initSeed, List<Integer> epochs, long testSeed, int testPoints, boolean keepWeights) {
        this(index, method, target, dim, sampler, gridN, trainPoints, trainSeed, width, depth, optimizer, lr,
                batchSize, initSeed, epochs, testSeed, testPoints, keepWeights, null, null);
    }

    public boolean isNetwork() {
        return width != null;
    }

    /** A copy with network options {@code options}. */
    public Trial withNetwork(NetworkOptions options) {
        return new Trial(index, method, target, dim, sampler, gridN, trainPoints, trainSeed, width, depth, optimizer,
                lr, batchSize, initSeed, epochs, testSeed, testPoints, keepWeights, degree, indexSet, options);
    }

    /** The largest checkpoint: the epochs a network trains for (and the horizon of an lr decay); 0 if none. */
    public int lastEpoch() {
        return epochs.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * Every parameter that defines the trial's numbers, as sorted key=value pairs. Nulls are left
     * out, so adding an optional parameter later keeps the old ids; so are network options at
     * their defaults ({@link NetworkOptions#addTo}). Not part of it: the epoch checkpoints (they
     * are per row, but an lr decay's horizon is part of it) and keep_weights (it changes what is
     * stored, not the numbers).
     */
    public String canonical() {
        Map<String, Object> p = new TreeMap<>();
        p.put("method", method);
        p.put("target", target);
        p.put("dim", dim);
        p.put("sampler", sampler);
        p.put("grid_n", gridN);
        p.put("train_points", trainPoints);
        p.put("train_seed", trainSeed);
        p.put("width", width);
        p.put("depth", depth);
        p.put("optimizer", optimizer);
        p.put("lr", lr);
        p.put("batch_size", batchSize);
        p.put("init_seed", initSeed);
        p.put("test_seed", testSeed);
        p.put("test_points", testPoints);
        p.put("degree", degree);
        p.put("index_set", indexSet);
        if (network != null) {
            network.addTo(p, lastEpoch());
        }
        StringBuilder s = new StringBuilder();
        p.forEach((k, v) -> {
            if (v != null) {
                s.append(s.length() == 0 ? "" : ";").append(k).append('=').append(v);
            }
        });
        return s.toString();
    }

    /** The ids of this trial's rows: one per epoch checkpoint for networks, else one. */
    public List<String> rowIds() {
        String c = canonical();
        if (!isNetwork()) {
            return List.of(TrialIds.hash(c));
        }
        return epochs.stream().map(e -> TrialIds.hash(c + ";epochs=" + e)).toList();
    }
}
