package org.relufem.sweep;

import java.io.Serializable;
import java.util.Map;
import org.relufem.method.poly.ChristoffelSampling;
import org.relufem.method.poly.IndexSet;
import org.relufem.sample.DataSplit;
import org.relufem.sample.RandomStreams;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Sampler;
import org.relufem.sample.Samplers;
import org.relufem.target.Target;
import org.relufem.target.TargetDefinition;

/**
 * The training set of one trial.
 *
 * @param gridN nodes per axis of grid data, else null
 * @param points number of training points (n^d for grid data)
 * @param seed seed of uniform random points or of a data file's subsample, else null
 * @param space the polynomial space christoffel points are drawn for, when the data names it; else null
 */
public record TrainingData(Sampler sampler, Integer gridN, int points, Long seed, DataSpec.Space space)
        implements Serializable {

    /** Data of a sampler that names no polynomial space. */
    public TrainingData(Sampler sampler, Integer gridN, int points, Long seed) {
        this(sampler, gridN, points, seed, null);
    }

    /**
     * The training points and the target's values at them; {@code target} is {@code definition}'s.
     *
     * @param methodSpace the method's own polynomial space, which {@code christoffel} samples when the
     *     data names none; else ignored
     */
    public SampleSet draw(TargetDefinition definition, Target target, IndexSet methodSpace) {
        IndexSet space = this.space != null ? this.space.in(target.dimension()) : methodSpace;
        return switch (sampler) {
            case GRID -> definition instanceof TargetDefinition.OfData data ? DataSplit.grid(data, gridN)
                    : Samplers.grid(target, gridN);
            case UNIFORM -> Samplers.uniform(target, points, seed);
            case CHRISTOFFEL -> Samplers.at(target, ChristoffelSampling.points(target.domain(), space, points,
                    RandomStreams.of(seed, RandomStreams.TRAIN)));
            case SOBOL -> Samplers.sobol(target, points);
            case FILE -> DataSplit.training((TargetDefinition.OfData) definition, points, seed);
        };
    }

    /** Adds the parameters that define the data to a trial's canonical parameters. Modified. */
    void addTo(Map<String, Object> parameters) {
        parameters.put("sampler", sampler.label());
        parameters.put("grid_n", gridN);
        parameters.put("train_points", points);
        parameters.put("train_seed", seed);
        if (space != null) {
            parameters.put("train_degree", space.degree());
            parameters.put("train_index_set", space.kind().label());
        }
    }
}
