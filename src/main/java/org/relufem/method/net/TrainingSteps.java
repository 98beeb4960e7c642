package org.relufem.method.net;

import org.relufem.method.net.optim.FloatAdam;
import org.relufem.method.net.optim.Optimizer;
import org.relufem.method.net.optim.OptimizerKind;
import org.relufem.method.net.optim.StepSizeOptimizer;
import org.relufem.sample.RandomStreams;
import org.relufem.sample.SampleSet;

/**
 * One {@link NetTraining} run's objective and optimiser, as its epoch loop calls them: float64
 * ({@link DoubleSteps}, the calls the loop made before float32 existed, in the same order) or
 * float32 ({@link FloatSteps}).
 */
interface TrainingSteps {
    /** The steps of {@code training} from {@code net} (trained in place in float64). */
    static TrainingSteps of(NetTraining training, Network net, SampleSet data) {
        return training.precision() == Precision.FLOAT32 ? new FloatSteps(training, net, data)
                : new DoubleSteps(training, net, data);
    }

    int batchesPerEpoch();

    /** Loads the next batch; returns its size. */
    int nextBatch();

    /** One optimiser step; returns the batch loss before it. */
    double step();

    void setLearningRate(double rate);

    /** {@link Optimizer#stopped()}. */
    String stopped();

    /** The current parameters in {@link Network#parameterVector()} order. Modified: out. */
    void copyParameters(double[] out);

    /** The network as trained so far, float64 (the trained instance or a view of it). */
    Network network();

    /** float64: {@link MseObjective} and the named optimiser on the network itself. */
    final class DoubleSteps implements TrainingSteps {
        private final Network net;
        private final MseObjective objective;
        private final Optimizer opt;

        DoubleSteps(NetTraining t, Network net, SampleSet data) {
            this.net = net;
            this.objective = new MseObjective(net, data, t.batchSize() == 0 ? data.count() : t.batchSize(),
                    RandomStreams.of(t.initSeed(), RandomStreams.BATCH));
            this.opt = OptimizerKind.of(t.optimizer()).create(t.lr(), t.gradTol());
        }

        @Override
        public int batchesPerEpoch() {
            return objective.batchesPerEpoch();
        }

        @Override
        public int nextBatch() {
            return objective.nextBatch();
        }

        @Override
        public double step() {
            return opt.step(objective);
        }

        @Override
        public void setLearningRate(double rate) {
            // The constructor refused lr_end for optimisers whose lr is not a step size.
            ((StepSizeOptimizer) opt).setLearningRate(rate);
        }

        @Override
        public String stopped() {
            return opt.stopped();
        }

        @Override
        public void copyParameters(double[] out) {
            net.copyParameters(out);
        }

        @Override
        public Network network() {
            return net;
        }
    }

    /**
     * float32: {@link FloatMseObjective} and {@link FloatAdam} on the network rounded to float; the
     * network reported is the float parameters widened into one float64 network, refreshed on demand.
     */
    final class FloatSteps implements TrainingSteps {
        private final Network widened;
        private final FloatMseObjective objective;
        private final FloatAdam adam;

        FloatSteps(NetTraining t, Network net, SampleSet data) {
            this.widened = net.copy();
            this.objective = new FloatMseObjective(net, data, t.batchSize() == 0 ? data.count() : t.batchSize(),
                    RandomStreams.of(t.initSeed(), RandomStreams.BATCH), true);
            this.adam = new FloatAdam(t.lr());
        }

        @Override
        public int batchesPerEpoch() {
            return objective.batchesPerEpoch();
        }

        @Override
        public int nextBatch() {
            return objective.nextBatch();
        }

        @Override
        public double step() {
            return adam.step(objective);
        }

        @Override
        public void setLearningRate(double rate) {
            adam.setLearningRate(rate);
        }

        @Override
        public String stopped() {
            return null;
        }

        @Override
        public void copyParameters(double[] out) {
            objective.widenInto(widened);
            widened.copyParameters(out);
        }

        @Override
        public Network network() {
            objective.widenInto(widened);
            return widened;
        }
    }
}
