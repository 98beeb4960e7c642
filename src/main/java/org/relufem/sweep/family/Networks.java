package org.relufem.sweep.family;

import static org.relufem.sweep.Column.Role.REPLICATE;
import static org.relufem.sweep.Column.Role.SETTING;
import static org.relufem.sweep.Column.Type.DOUBLE;
import static org.relufem.sweep.Column.Type.INT;
import static org.relufem.sweep.Column.Type.LONG;
import static org.relufem.sweep.Column.Type.STRING;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relufem.method.net.Activation;
import org.relufem.method.net.Architecture;
import org.relufem.method.net.NetTraining;
import org.relufem.method.net.Precision;
import org.relufem.method.net.optim.OptimizerKind;
import org.relufem.sample.Sampler;
import org.relufem.sweep.Axis;
import org.relufem.sweep.AxisValues;
import org.relufem.sweep.Column;
import org.relufem.sweep.DataSpec;
import org.relufem.sweep.SpecReader;
import org.relufem.sweep.TargetChoice;

/**
 * Trained networks, {@code relu_net} (the name from when every unit was a ReLU): shape
 * ({@code width}, {@code depth}, {@code activation}, {@code block}), the training {@code precision}, boosting stages (checkpoints, like
 * the epochs), optimiser and
 * learning rate, batch size, init seeds, the epoch checkpoints of one training run (one row each),
 * {@code keep_weights}, and the options of {@link NetworkOptionsReader} (init, lr schedule, early
 * stops). Any sampler.
 */
public final class Networks implements MethodFamily {
    private static final Set<String> KEYS = Set.of("width", "depth", "optimizer", "lr", "epochs", "init_seeds",
            "batch_size", "keep_weights", "init", "init_std", "lr_end", "loss_tol", "activation", "grad_tol", "block",
            "boost_stages", "checkpoint", "precision");
    /** The values of {@code block}. */
    static final String PLAIN = "plain";
    static final String RESIDUAL = "residual";

    static final Column WIDTH = Column.of("width", INT, SETTING, NetworkParams.class, NetworkParams::width);
    static final Column DEPTH = Column.of("depth", INT, SETTING, NetworkParams.class, NetworkParams::depth);
    static final Column GRAD_TOL = Column.of("grad_tol", DOUBLE, SETTING, NetworkParams.class,
            n -> n.options().gradTol());
    static final Column BLOCK = Column.of("block", STRING, SETTING, NetworkParams.class,
            n -> n.architecture().residual() ? RESIDUAL : PLAIN);
    static final Column PRECISION = Column.of("precision", STRING, SETTING, NetworkParams.class,
            n -> n.precision().label());
    static final Column CHECKPOINT_RULE = Column.of("checkpoint", STRING, SETTING, NetworkParams.class,
            n -> n.options().lowestLoss() ? NetworkOptions.LOWEST_LOSS : NetworkOptions.LAST);
    static final Column ACTIVATION = Column.of("activation", STRING, SETTING, NetworkParams.class,
            n -> n.architecture().activation().label());
    static final Column OPTIMIZER = Column.of("optimizer", STRING, SETTING, NetworkParams.class,
            NetworkParams::optimizer);
    static final Column LR = Column.of("lr", DOUBLE, SETTING, NetworkParams.class, NetworkParams::lr);
    static final Column BATCH_SIZE = Column.of("batch_size", INT, SETTING, NetworkParams.class,
            NetworkParams::batchSize);
    static final Column INIT_SEED = Column.of("init_seed", LONG, REPLICATE, NetworkParams.class,
            NetworkParams::initSeed);
    static final Column INIT = Column.of("init", STRING, SETTING, NetworkParams.class, n -> n.options().init().label());
    static final Column INIT_STD = Column.of("init_std", DOUBLE, SETTING, NetworkParams.class,
            n -> n.options().initStd());
    static final Column LR_END = Column.of("lr_end", DOUBLE, SETTING, NetworkParams.class, n -> n.options().lrEnd());
    static final Column LOSS_TOL = Column.of("loss_tol", DOUBLE, SETTING, NetworkParams.class,
            n -> n.options().lossTol());

    /**
     * A network block's axes (batch sizes as the spec gives them: 0 is full batch) and what every
     * trial shares: the checkpoints and keep_weights.
     */
    record NetworkAxes(Axis<Integer> widths, Axis<Integer> depths, Axis<Activation> activations,
                       Axis<String> blocks, Axis<Precision> precisions, Axis<String> optimizers, Axis<Double> lrs, Axis<NetworkOptions> options,
                       Axis<Integer> batchSizes, Axis<Long> initSeeds, List<Integer> epochs,
                       List<Integer> boostStages, boolean keepWeights)
            implements MethodAxes {
        @Override
        public List<Axis<?>> axes() {
            return List.of(widths, depths, activations, blocks, precisions, optimizers, lrs, options, batchSizes,
                    initSeeds);
        }

        @Override
        public MethodParams params(AxisValues v, int trainPoints) {
            return new NetworkParams(new Architecture(v.get(widths), v.get(depths), v.get(activations),
                    v.get(blocks).equals(RESIDUAL)),
                    v.get(optimizers), v.get(lrs),
                    effectiveBatch(v.get(batchSizes), trainPoints), v.get(initSeeds), epochs, boostStages, keepWeights,
                    v.get(options), v.get(precisions));
        }

        @Override
        public int rowsPerTrial() {
            return epochs.size() * boostStages.size();
        }

        /**
         * As the default, but batch sizes that train alike on a shared data size are one, and options
         * with an lr decay are one only if both blocks decay to the same last epoch (its trial_id holds
         * the horizon).
         */
        @Override
        public String sharedTrial(MethodAxes o, List<DataSpec.Size> data) {
            NetworkAxes other = (NetworkAxes) o;
            List<String> network = MethodAxes.firstCommon(List.of(widths, depths, activations, blocks, precisions,
                    optimizers, lrs, initSeeds), List.of(other.widths, other.depths, other.activations, other.blocks,
                    other.precisions, other.optimizers, other.lrs, other.initSeeds));
            boolean sameHorizon = epochs.get(epochs.size() - 1).equals(other.epochs.get(other.epochs.size() - 1));
            List<NetworkOptions> sharedOptions = Axis.common(options.values(), other.options.values()).stream()
                    .filter(x -> x.lrEnd() == null || sameHorizon).toList();
            if (network == null || sharedOptions.isEmpty()) {
                return null;
            }
            network.add(sharedOptions.get(0).describe());
            for (DataSpec.Size d : data) {
                for (int ba : batchSizes.values()) {
                    for (int bb : other.batchSizes.values()) {
                        if (effectiveBatch(ba, d.points()) == effectiveBatch(bb, d.points())) {
                            return d.values() + ", " + String.join(", ", network) + ", batch_size = " + ba
                                    + (ba == bb ? "" : " and " + bb);
                        }
                    }
                }
            }
            return null;
        }

        /** Two batch sizes of the block that train alike on one of its data sizes, described, or null. */
        String sameBatch(List<DataSpec.Size> data) {
            for (DataSpec.Size d : data) {
                List<Integer> full = batchSizes.values().stream().filter(b -> b == 0 || b >= d.points()).toList();
                if (full.size() > 1) {
                    return full.get(0) + " and " + full.get(1) + " both train on all " + d.points() + " points of "
                            + d.where();
                }
            }
            return null;
        }
    }

    /** Points per step as trained: 0 (full batch) and anything above the data size mean all the points. */
    static int effectiveBatch(int batchSize, int trainPoints) {
        return batchSize == 0 ? trainPoints : Math.min(batchSize, trainPoints);
    }

    @Override
    public List<String> methods() {
        return List.of("relu_net");
    }

    /** Every sampler ({@code christoffel} with the polynomial space in its data). */
    @Override
    public Set<Sampler> samplers(String method) {
        return EnumSet.allOf(Sampler.class);
    }

    @Override
    public Set<String> keys(String method) {
        return KEYS;
    }

    @Override
    public MethodAxes read(String method, SpecReader m, DataSpec data, List<TargetChoice> targets) {
        List<String> optimizerNames = m.stringAxis("optimizer", List.of(OptimizerKind.ADAM.label()));
        List<OptimizerKind> optimizers = new ArrayList<>();
        for (String o : optimizerNames) {
            if (!OptimizerKind.names().contains(o)) {
                throw SpecReader.error(m.value("optimizer"), "unknown optimizer '" + o + "' in " + m.name("optimizer")
                        + "; known optimizers: " + String.join(", ", OptimizerKind.names()));
            }
            optimizers.add(OptimizerKind.of(o));
        }
        List<Activation> activations = new ArrayList<>();
        for (String a : m.stringAxis("activation", List.of(Activation.RELU.label()))) {
            if (Activation.of(a) == null) {
                throw SpecReader.error(m.value("activation"), "unknown activation '" + a + "' in "
                        + m.name("activation") + "; known activations: " + String.join(", ", Activation.labels()));
            }
            activations.add(Activation.of(a));
        }
        List<Integer> widths = m.intAxis("width", 1, null);
        List<Integer> depths = m.intAxis("depth", 1, List.of(1));
        List<String> blocks = m.stringAxis("block", List.of(PLAIN));
        for (String b : blocks) {
            if (!b.equals(PLAIN) && !b.equals(RESIDUAL)) {
                throw SpecReader.error(m.value("block"), "unknown block '" + b + "' in " + m.name("block")
                        + "; known blocks: " + PLAIN + ", " + RESIDUAL);
            }
        }
        if (blocks.contains(RESIDUAL) && depths.contains(1)) {
            throw SpecReader.error(m.value("block"), m.name("block") + " = " + RESIDUAL + " needs a hidden-to-hidden"
                    + " layer, depth >= 2, but " + m.name("depth") + " = " + depths + " holds 1, where residual and"
                    + " plain are one network: give depth 1 a block of its own");
        }
        List<Precision> precisions = new ArrayList<>();
        for (String p : m.stringAxis("precision", List.of(Precision.FLOAT64.label()))) {
            if (Precision.of(p) == null) {
                throw SpecReader.error(m.value("precision"), "unknown precision '" + p + "' in " + m.name("precision")
                        + "; known precisions: " + String.join(", ", Precision.labels()));
            }
            precisions.add(Precision.of(p));
        }
        if (precisions.contains(Precision.FLOAT32)) {
            for (OptimizerKind o : optimizers) {
                if (o != OptimizerKind.ADAM) {
                    throw SpecReader.error(m.value("precision"), m.name("precision") + ": "
                            + NetTraining.FLOAT32_OPTIMIZERS + ", but " + m.name("optimizer") + " = " + optimizerNames
                            + " holds " + o.label() + ": give float32 a method block of its own");
                }
            }
        }
        List<Double> lrs = m.positiveAxis("lr", List.of(1e-3));
        List<Integer> batchSizes = m.intAxis("batch_size", 0, List.of(0));
        List<Long> initSeeds = m.longAxis("init_seeds", 0, List.of(0L));
        List<Integer> epochs = m.intAxis("epochs", 1, null).stream().sorted().toList();
        List<Integer> boostStages = m.intAxis("boost_stages", 1, List.of(1)).stream().sorted().toList();
        boolean keepWeights = m.bool("keep_weights", false);
        List<NetworkOptions> options = NetworkOptionsReader.read(m, optimizers, widths, depths, activations, data,
                targets);
        NetworkAxes axes = new NetworkAxes(new Axis<>("width", widths), new Axis<>("depth", depths),
                new Axis<>("activation", activations), new Axis<>("block", blocks), new Axis<>("precision", precisions),
                new Axis<>("optimizer", optimizerNames), new Axis<>("lr", lrs), new Axis<>("network options", options),
                new Axis<>("batch_size", batchSizes), new Axis<>("init_seeds", initSeeds), epochs, boostStages,
                keepWeights);
        int smallest = data.smallest(targets);
        for (OptimizerKind o : optimizers) {
            for (int b : batchSizes) {
                if (o.fullBatchOnly() && b != 0 && b < smallest) {
                    throw SpecReader.error(m.value("batch_size"), m.name("batch_size") + " = " + b + " is a mini-batch"
                            + " of " + smallest + " points, but optimizer " + o.label() + " needs the full batch"
                            + " (batch_size = 0)");
                }
            }
        }
        if (options.stream().anyMatch(NetworkOptions::lowestLoss)) {
            for (int b : batchSizes) {
                if (b != 0 && b < smallest) {
                    throw SpecReader.error(m.value("checkpoint"), m.name("checkpoint") + " = "
                            + NetworkOptions.LOWEST_LOSS + " needs the full batch (an epoch's loss over mini-batches is"
                            + " no one network's), but " + m.name("batch_size") + " = " + b + " is a mini-batch of "
                            + smallest + " points");
                }
            }
        }
        String sameBatch = axes.sameBatch(data.sizes(targets));
        if (sameBatch != null) {
            throw SpecReader.error(m.value("batch_size"), m.name("batch_size") + " = " + batchSizes + ": "
                    + sameBatch + ", so their trials would share trial_ids");
        }
        return axes;
    }

    @Override
    public List<Column> columns() {
        return List.of(WIDTH, DEPTH, OPTIMIZER, LR, BATCH_SIZE, INIT_SEED, INIT, INIT_STD, LR_END, LOSS_TOL, ACTIVATION, GRAD_TOL, BLOCK, CHECKPOINT_RULE,
                PRECISION);
    }
}
