package org.relufem.method.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.relufem.method.Approximant;
import org.relufem.method.Approximator;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.method.net.optim.Optimizer;
import org.relufem.method.net.optim.OptimizerKind;
import org.relufem.metric.Errors;
import org.relufem.sample.RandomStreams;
import org.relufem.sample.SampleSet;

/**
 * Trains a network by minimising the training MSE, and reports a checkpoint at every
 * requested epoch count from one run to the largest. An epoch is one pass over the data: one step
 * for full batch, ceil(points / batch_size) steps otherwise. A loss that is non-finite or blows up
 * past {@link #BLOW_UP} times its scale (the larger of the initial training MSE and the mean of
 * y^2, the MSE of the zero function) stops training; that
 * checkpoint and every later one are reported as diverged, not thrown.
 *
 * <p>With a loss tolerance, training stops after the first epoch whose loss (as recorded in the
 * loss history) is at most {@code lossTol}; with a gradient tolerance, after the first epoch the
 * optimiser reports as its last ({@link Optimizer#stopped()}: a gradient norm at most
 * {@code gradTol} times the first epoch's, or no descent left). That checkpoint and every later
 * one report the network of that epoch, timed until then, and the fit's {@link Fit#stopEpoch()}
 * and {@link Fit#stopReason()} name the epoch and the rule.
 *
 * @param architecture the hidden layers: width, depth, activation and blocks
 * @param optimizer optimiser name, see {@link OptimizerKind}
 * @param lr learning rate (of epoch 1 under a schedule)
 * @param epochs checkpoint epoch counts, each >= 1
 * @param initSeed seed of the initial weights (and of the mini-batch order)
 * @param batchSize points per step; 0 means full batch
 * @param initializer the initial network, drawn from the init stream of {@code initSeed}
 * @param lrEnd the learning rate of the last epoch, decayed to exponentially
 *     ({@link LearningRateSchedule}); null for a constant lr
 * @param lossTol the training loss at which training stops early; null to train every epoch
 * @param gradTol the gradient norm, relative to the first epoch's, at which a second-order
 *     optimiser stops; null for none
 * @param lowestLoss whether a checkpoint reports the network of the lowest training loss so far
 *     (the parameters at the start of the epoch whose recorded loss is lowest, as Adcock &amp;
 *     Dexter keep it) rather than the last; full batch only, where that loss is one network's
 * @param precision the format of the training step ({@link Precision#FLOAT32}: {@link FloatMseObjective}
 *     and {@link FloatAdam}, Adam only); every checkpoint's network and error are float64
 */
public record NetTraining(Architecture architecture, String optimizer, double lr, List<Integer> epochs,
                          long initSeed, int batchSize, Initializer initializer, Double lrEnd, Double lossTol,
                          Double gradTol, boolean lowestLoss, Precision precision)
        implements Approximator {

    /**
     * How far above its scale the training loss may go before training counts as diverged. Adam at
     * lr = 10 on seed2d reaches losses of 1e5 to 1e7 at epoch 2 against a scale of about 0.25, and
     * left alone it then collapses to a dead, constant network; healthy runs stay near or below 1 x.
     */
    public static final double BLOW_UP = 100;

    public NetTraining {
        Objects.requireNonNull(architecture, "architecture");
        if (epochs.isEmpty()) {
            throw new IllegalArgumentException("epochs must name at least one checkpoint");
        }
        epochs = List.copyOf(new TreeSet<>(epochs));
        Network.requirePositive("epochs", epochs.get(0));
        if (batchSize < 0) {
            throw new IllegalArgumentException("batch_size must be >= 1 (or 0 for full batch), got " + batchSize);
        }
        // validates the name, lr and grad_tol up front
        OptimizerKind.of(optimizer).create(lr, gradTol);
        if (initializer == null) {
            throw new IllegalArgumentException("an initializer is required");
        }
        if (lrEnd != null) {
            if (!OptimizerKind.of(optimizer).hasStepSize()) {
                throw new IllegalArgumentException("lr_end schedules Adam's learning rate; optimizer " + optimizer
                        + " has none to schedule");
            }
            new LearningRateSchedule(lr, lrEnd, 1); // validates lr_end
        }
        if (lossTol != null && !(lossTol > 0)) {
            throw new IllegalArgumentException("loss_tol must be positive, got " + lossTol);
        }
        Objects.requireNonNull(precision, "precision");
        if (precision == Precision.FLOAT32 && OptimizerKind.of(optimizer) != OptimizerKind.ADAM) {
            throw new IllegalArgumentException(FLOAT32_OPTIMIZERS + ", got optimizer " + optimizer);
        }
    }

    /** Why float32 refuses the other optimisers, as specs are told. */
    public static final String FLOAT32_OPTIMIZERS = "precision float32 trains with adam only";

    /** Trained in float64. */
    public NetTraining(Architecture architecture, String optimizer, double lr, List<Integer> epochs, long initSeed,
                       int batchSize, Initializer initializer, Double lrEnd, Double lossTol, Double gradTol,
                       boolean lowestLoss) {
        this(architecture, optimizer, lr, epochs, initSeed, batchSize, initializer, lrEnd, lossTol, gradTol,
                lowestLoss, Precision.FLOAT64);
    }

    /** The last checkpoint's network, not the lowest-loss one. */
    public NetTraining(Architecture architecture, String optimizer, double lr, List<Integer> epochs, long initSeed,
                       int batchSize, Initializer initializer, Double lrEnd, Double lossTol, Double gradTol) {
        this(architecture, optimizer, lr, epochs, initSeed, batchSize, initializer, lrEnd, lossTol, gradTol, false);
    }

    /** A ReLU network. */
    public NetTraining(int width, int depth, String optimizer, double lr, List<Integer> epochs, long initSeed,
                       int batchSize, Initializer initializer, Double lrEnd, Double lossTol) {
        this(Architecture.relu(width, depth), optimizer, lr, epochs, initSeed, batchSize, initializer, lrEnd, lossTol,
                null, false);
    }

    /** A ReLU network, PyTorch's default initialisation, constant lr, no early stop. */
    public NetTraining(int width, int depth, String optimizer, double lr, List<Integer> epochs, long initSeed,
                       int batchSize) {
        this(width, depth, optimizer, lr, epochs, initSeed, batchSize, Initializers.TORCH, null, null);
    }

    /** Full-batch training. */
    public NetTraining(int width, int depth, String optimizer, double lr, List<Integer> epochs, long initSeed) {
        this(width, depth, optimizer, lr, epochs, initSeed, 0);
    }

    /** The same training from init seed {@code seed}. */
    public NetTraining withInitSeed(long seed) {
        return new NetTraining(architecture, optimizer, lr, epochs, seed, batchSize, initializer, lrEnd, lossTol, gradTol,
                lowestLoss, precision);
    }

    /** The same training in {@code precision}. */
    public NetTraining withPrecision(Precision precision) {
        return new NetTraining(architecture, optimizer, lr, epochs, initSeed, batchSize, initializer, lrEnd, lossTol,
                gradTol, lowestLoss, precision);
    }

    public int width() {
        return architecture.width();
    }

    public int depth() {
        return architecture.depth();
    }

    /** The network's initial state for {@code data}, from the init stream of the seed. */
    public Network initialNetwork(SampleSet data) {
        Network net = initializer.initialNetwork(data, width(), depth(), RandomStreams.of(initSeed, RandomStreams.INIT));
        return architecture.equals(net.architecture()) ? net : net.with(architecture);
    }

    /** Trains to the largest epoch count and returns the network there (or throws if training diverged). */
    @Override
    public Approximant fit(SampleSet data) {
        Stage last = fitStages(data).stages().get(epochs.size() - 1);
        if (last.status() != Stage.Status.OK) {
            throw new IllegalStateException(last.message());
        }
        return last.approximant();
    }

    @Override
    public Fit fitStages(SampleSet data) {
        return fitStages(data, Double.POSITIVE_INFINITY);
    }

    @Override
    public Fit fitStages(SampleSet data, double budgetSeconds) {
        // A batch of all the points (as the sweep passes full batch) is the full batch.
        if (batchSize != 0 && batchSize < data.count() && OptimizerKind.of(optimizer).fullBatchOnly()) {
            throw new IllegalArgumentException("optimizer " + optimizer + " needs the full batch: batch_size must be 0"
                    + " (or at least the " + data.count() + " points), got " + batchSize);
        }
        if (lowestLoss && batchSize != 0 && batchSize < data.count()) {
            throw new IllegalArgumentException("the lowest-loss checkpoint needs the full batch (an epoch's loss over"
                    + " mini-batches is no one network's), got batch_size " + batchSize + " of " + data.count() + " points");
        }
        long start = System.nanoTime();
        Network net = initialNetwork(data);
        TrainingSteps run = TrainingSteps.of(this, net, data);
        int maxEpochs = epochs.get(epochs.size() - 1);
        LearningRateSchedule schedule = lrEnd == null ? null : new LearningRateSchedule(lr, lrEnd, maxEpochs);
        double[] history = new double[maxEpochs];
        List<Stage> stages = new ArrayList<>(epochs.size());
        int steps = run.batchesPerEpoch();
        double limit = BLOW_UP * Math.max(Errors.of(net, data).mse(), meanSquare(data.values()));
        int next = 0;
        double bestLoss = Double.POSITIVE_INFINITY;
        // the parameters at the start of this epoch and of the best one so far, swapped, not reallocated
        double[] before = lowestLoss ? new double[(int) net.degreesOfFreedom()] : null;
        double[] best = null;
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            if (schedule != null) {
                run.setLearningRate(schedule.rate(epoch));
            }
            if (lowestLoss) {
                run.copyParameters(before);
            }
            double weighted = 0;
            for (int s = 0; s < steps; s++) {
                int rows = run.nextBatch();
                weighted += rows * run.step();
            }
            double loss = weighted / data.count();
            history[epoch - 1] = loss;
            if (lowestLoss && loss < bestLoss) {
                bestLoss = loss;
                double[] previousBest = best == null ? new double[before.length] : best;
                best = before;
                before = previousBest;
            }
            if (!(loss <= limit)) {
                String why = Double.isFinite(loss)
                        ? String.format(java.util.Locale.ROOT, "training loss blew up to %.3g at epoch %d, over %.0f x"
                                + " its scale %.3g", loss, epoch, BLOW_UP, limit / BLOW_UP)
                        : "training loss became " + loss + " at epoch " + epoch;
                double seconds = (System.nanoTime() - start) * 1e-9;
                for (; next < epochs.size(); next++) {
                    stages.add(Stage.diverged(epochs.get(next), seconds, why));
                }
                return new Fit(stages, java.util.Arrays.copyOf(history, epoch));
            }
            String stop = lossTol != null && loss <= lossTol ? Fit.LOSS_TOL : run.stopped();
            if (stop != null) {
                Network stopped = reported(run.network(), best);
                double trainMse = Errors.of(stopped, data).mse();
                double seconds = (System.nanoTime() - start) * 1e-9;
                for (; next < epochs.size(); next++) {
                    stages.add(checkpoint(epochs.get(next), stopped, trainMse, seconds));
                }
                return new Fit(stages, java.util.Arrays.copyOf(history, epoch), epoch, stop);
            }
            if (epoch == epochs.get(next)) {
                Network snapshot = reported(run.network(), best);
                double trainMse = Errors.of(snapshot, data).mse();
                stages.add(checkpoint(epoch, snapshot, trainMse, (System.nanoTime() - start) * 1e-9));
                next++;
            }
            double seconds = (System.nanoTime() - start) * 1e-9;
            if (seconds > budgetSeconds && epoch < maxEpochs) {
                String why = "time budget of " + budgetSeconds + " s exceeded after epoch " + epoch;
                for (; next < epochs.size(); next++) {
                    stages.add(Stage.failed(epochs.get(next), seconds, why));
                }
                return new Fit(stages, java.util.Arrays.copyOf(history, epoch));
            }
        }
        return new Fit(stages, history);
    }

    /** What a checkpoint reports: the network trained so far, or with the lowest-loss rule the parameters of the best epoch. */
    private Network reported(Network net, double[] best) {
        return lowestLoss && best != null ? Network.of(net.dimension(), architecture, best) : net.copy();
    }

    private static double meanSquare(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += v * v;
        }
        return sum / y.length;
    }

    private static Stage checkpoint(int epoch, Network snapshot, double trainMse, double seconds) {
        if (!Double.isFinite(trainMse)) {
            return Stage.diverged(epoch, seconds, "training MSE is " + trainMse + " after epoch " + epoch);
        }
        return Stage.ok(epoch, snapshot, trainMse, seconds);
    }
}
