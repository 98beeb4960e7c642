package org.relufem.sweep.family;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.relufem.method.Approximator;
import org.relufem.method.net.Activation;
import org.relufem.method.net.Architecture;
import org.relufem.method.net.Boosting;
import org.relufem.method.net.NetTraining;
import org.relufem.method.net.Precision;
import org.relufem.sweep.Checkpoint;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.Trial;

/**
 * A network trial's parameters: a dim -> width x depth -> 1 network trained by one optimiser,
 * one row per epoch checkpoint.
 *
 * @param architecture width, depth and activation of the hidden layers
 * @param optimizer an optimiser name ({@code OptimizerKind})
 * @param batchSize points per step as trained (the training points for full batch)
 * @param initSeed seed of the initial weights and of the mini-batch order
 * @param epochs checkpoint epoch counts, ascending
 * @param boostStages the boosting stages reported, ascending; [1] without boosting
 * @param keepWeights whether rows store the trained parameters (not part of trial_id)
 * @param options the initialiser, lr schedule and early stop
 * @param precision the format of the training step; float64 is every trial before it was a key
 */
public record NetworkParams(Architecture architecture, String optimizer, double lr, int batchSize, long initSeed,
                            List<Integer> epochs, List<Integer> boostStages, boolean keepWeights,
                            NetworkOptions options, Precision precision) implements MethodParams {
    public NetworkParams {
        Objects.requireNonNull(precision, "precision");
        epochs = List.copyOf(new TreeSet<>(epochs));
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("a network trial needs at least one epoch checkpoint");
        }
        boostStages = List.copyOf(new TreeSet<>(boostStages));
        if (boostStages.isEmpty() || boostStages.get(0) < 1) {
            throw new IllegalArgumentException("boost_stages must be stages >= 1, got " + boostStages);
        }
    }

    /** Trained in float64. */
    public NetworkParams(Architecture architecture, String optimizer, double lr, int batchSize, long initSeed,
                         List<Integer> epochs, List<Integer> boostStages, boolean keepWeights, NetworkOptions options) {
        this(architecture, optimizer, lr, batchSize, initSeed, epochs, boostStages, keepWeights, options,
                Precision.FLOAT64);
    }

    /** A ReLU network. */
    public NetworkParams(int width, int depth, String optimizer, double lr, int batchSize, long initSeed,
                         List<Integer> epochs, boolean keepWeights, NetworkOptions options) {
        this(Architecture.relu(width, depth), optimizer, lr, batchSize, initSeed, epochs, List.of(1), keepWeights,
                options);
    }

    /** A ReLU network, default options, no weights kept. */
    public NetworkParams(int width, int depth, String optimizer, double lr, int batchSize, long initSeed,
                         List<Integer> epochs) {
        this(width, depth, optimizer, lr, batchSize, initSeed, epochs, false, NetworkOptions.DEFAULT);
    }

    public int width() {
        return architecture.width();
    }

    public int depth() {
        return architecture.depth();
    }

    /** The largest checkpoint: the epochs the network trains for (and the horizon of an lr decay). */
    public int lastEpoch() {
        return epochs.get(epochs.size() - 1);
    }

    /** The last boosting stage: the number of networks trained. */
    public int lastStage() {
        return boostStages.get(boostStages.size() - 1);
    }

    @Override
    public Approximator approximator(Trial trial) {
        NetTraining training = new NetTraining(architecture, optimizer, lr, epochs, initSeed, batchSize,
                options.init().initializer(options.initStd()), options.lrEnd(), options.lossTol(), options.gradTol(),
                options.lowestLoss(), precision);
        return lastStage() == 1 ? training : new Boosting(training, boostStages);
    }

    /**
     * Shape, optimiser, batch and seed, and the choices that differ from their defaults (an
     * activation other than ReLU, residual blocks, float32, {@link NetworkOptions#addTo}); the checkpoints
     * are per row.
     */
    @Override
    public void addTo(Map<String, Object> parameters) {
        parameters.put("width", width());
        parameters.put("depth", depth());
        if (architecture.activation() != Activation.RELU) {
            parameters.put("activation", architecture.activation().label());
        }
        if (architecture.residual()) {
            parameters.put("block", Networks.RESIDUAL);
        }
        if (precision != Precision.FLOAT64) {
            parameters.put("precision", precision.label());
        }
        parameters.put("optimizer", optimizer);
        parameters.put("lr", lr);
        parameters.put("batch_size", batchSize);
        parameters.put("init_seed", initSeed);
        options.addTo(parameters, lastEpoch());
    }

    @Override
    public double fitSeconds(Trial trial) {
        return NetworkCost.seconds(this, trial);
    }

    @Override
    public double searchMoves() {
        return CostModel.SEARCH_MOVES_SMOOTH;
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return boostStages.stream().flatMap(k -> epochs.stream().map(e -> new Checkpoint(k, e))).toList();
    }
}
