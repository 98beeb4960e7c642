package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.method.net.optim.Optimizer;
import org.relufem.sample.SampleSet;

/**
 * grad_tol: a second-order optimiser trains until its gradient has fallen by the tolerance, not for
 * a fixed number of epochs. On a teacher-student task (the data is a tanh network of the student's
 * shape, so the loss can reach 0) both get there long before 20,000 epochs.
 */
class GradientToleranceTest {
    /** 60 equispaced points of [-1, 1] labelled by a 1 -> 4 -> 1 tanh network. */
    static final SampleSet TEACHER = teacher();

    private static SampleSet teacher() {
        Network teacher = Network.torchDefault(1, 4, 1, new SplittableRandom(99)).withActivation(Activation.TANH);
        double[] x = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = -1 + 2.0 * i / (x.length - 1);
        }
        double[] y = new double[x.length];
        teacher.values(x, x.length, y);
        return new SampleSet(1, x, y, null);
    }

    private static NetTraining student(String optimizer, double lr, Double gradTol, List<Integer> epochs) {
        return new NetTraining(new Architecture(4, 1, Activation.TANH), optimizer, lr, epochs, 3, 0,
                Initializers.TORCH, null, null, gradTol);
    }

    /** |dL/dtheta| of {@code net} on the teacher's points, by the backward pass. */
    private static double gradientNorm(Network net) {
        MseObjective objective = new MseObjective(net.copy(), TEACHER, TEACHER.count(), new SplittableRandom(0));
        objective.evaluate();
        double sum = 0;
        for (double[] block : objective.parameters().gradients()) {
            for (double g : block) {
                sum += g * g;
            }
        }
        return Math.sqrt(sum);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lm", "lbfgs"})
    void aSecondOrderOptimiserStopsWhereItsGradientHasFallenByTheTolerance(String optimizer) {
        NetTraining training = student(optimizer, optimizer.equals("lm") ? 1e-3 : 1, 1e-9, List.of(100, 20_000));
        Fit fit = training.fitStages(TEACHER);
        assertEquals(Optimizer.GRAD_TOL, fit.stopReason());
        assertTrue(fit.stopEpoch() < 20_000, optimizer + " trained all 20,000 epochs");
        assertEquals(fit.stopEpoch(), fit.lossHistory().length, "the history ends at the stop");
        Stage last = fit.stages().get(1);
        assertEquals(Stage.Status.OK, last.status());
        double ratio = gradientNorm((Network) last.approximant()) / gradientNorm(training.initialNetwork(TEACHER));
        assertTrue(ratio <= 1e-9, optimizer + ": the gradient fell by " + ratio + " only");
        if (optimizer.equals("lm")) { // L-BFGS's flat valley ends near 1e-5
            assertTrue(Math.sqrt(last.trainMse()) < 1e-7, "LM stopped at training RMSE " + Math.sqrt(last.trainMse()));
        }
    }

    @Test
    void withoutAToleranceEveryEpochTrainsAndTheFirstEpochsAreTheSame() {
        Fit free = student("lm", 1e-3, null, List.of(50)).fitStages(TEACHER);
        assertNull(free.stopEpoch());
        assertNull(free.stopReason());
        assertEquals(50, free.lossHistory().length);
        Fit tolerant = student("lm", 1e-3, 1e-9, List.of(50)).fitStages(TEACHER);
        assertArrayEquals(free.lossHistory(), java.util.Arrays.copyOf(tolerant.lossHistory(), 50),
                "a tolerance changes when training stops, not the steps before");
    }

    @Test
    void firstOrderOptimisersAndBadTolerancesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> student("adam", 1e-3, 1e-9, List.of(10)));
        assertThrows(IllegalArgumentException.class, () -> student("lm", 1e-3, 1.5, List.of(10)));
        assertThrows(IllegalArgumentException.class, () -> student("lbfgs", 1, 0.0, List.of(10)));
    }
}
