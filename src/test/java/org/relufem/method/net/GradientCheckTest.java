package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/** The hand-written backward pass against central finite differences of the loss. */
class GradientCheckTest {
    @ParameterizedTest(name = "d={0} width={1} depth={2} batch={3}")
    @CsvSource({"1, 5, 1, 40", "2, 8, 1, 40", "2, 6, 3, 40", "3, 7, 2, 40", "5, 4, 4, 40", "2, 10, 2, 16"})
    void gradientMatchesCentralDifferences(int d, int width, int depth, int batch) {
        checkGradient(Activation.RELU, d, width, depth, batch);
    }

    /**
     * Every activation, at depths 1 to 3 (the fused kernel at depth 1, the layered pass deeper), plain
     * and residual, full batch and mini-batch.
     */
    static Stream<Arguments> activationsAndShapes() {
        return Arrays.stream(Activation.values()).flatMap(a -> Stream.of(Arguments.of(a, false, 1, 9, 1, 40),
                Arguments.of(a, false, 2, 7, 2, 40), Arguments.of(a, false, 3, 5, 3, 16),
                Arguments.of(a, true, 2, 6, 2, 40), Arguments.of(a, true, 3, 5, 4, 16)));
    }

    @ParameterizedTest(name = "{0} residual={1} d={2} width={3} depth={4} batch={5}")
    @MethodSource("activationsAndShapes")
    void everyActivationsGradientMatchesCentralDifferences(Activation activation, boolean residual, int d, int width,
                                                            int depth, int batch) {
        checkGradient(new Architecture(width, depth, activation, residual), d, batch);
    }

    private static void checkGradient(Activation activation, int d, int width, int depth, int batch) {
        checkGradient(new Architecture(width, depth, activation), d, batch);
    }

    private static void checkGradient(Architecture architecture, int d, int batch) {
        SampleSet data = Samplers.uniform(Targets.create("gaussian", d), 40, 7);
        int width = architecture.width();
        Network net = Network.torchDefault(d, width, architecture.depth(), new SplittableRandom(11 * d + width))
                .with(architecture);
        MseObjective objective = new MseObjective(net, data, batch, new SplittableRandom(3));
        objective.nextBatch();
        objective.evaluate();
        double[][] values = objective.parameters().values();
        double[][] gradients = objective.parameters().gradients();
        double[][] analytic = new double[gradients.length][];
        for (int b = 0; b < gradients.length; b++) {
            analytic[b] = gradients[b].clone(); // evaluate() below overwrites the gradient blocks
        }
        double differenceSquared = 0;
        double normSquared = 0;
        double h = 1e-6;
        for (int b = 0; b < values.length; b++) {
            for (int i = 0; i < values[b].length; i++) {
                double saved = values[b][i];
                values[b][i] = saved + h;
                double up = objective.evaluate();
                values[b][i] = saved - h;
                double down = objective.evaluate();
                values[b][i] = saved;
                double numeric = (up - down) / (2 * h);
                differenceSquared += (numeric - analytic[b][i]) * (numeric - analytic[b][i]);
                normSquared += analytic[b][i] * analytic[b][i];
            }
        }
        double relative = Math.sqrt(differenceSquared / normSquared);
        assertTrue(normSquared > 1e-12, "the gradient vanished: nothing was checked");
        assertTrue(relative < 1e-6, "relative gradient error ||fd - analytic|| / ||analytic|| = " + relative);
    }

    static Stream<Arguments> fusedShapes() {
        return Arrays.stream(Activation.values()).flatMap(a -> Stream.of(Arguments.of(a, 1, 7), Arguments.of(a, 2, 100),
                Arguments.of(a, 3, 33)));
    }

    @ParameterizedTest(name = "{0} d={1} width={2}")
    @MethodSource("fusedShapes")
    void fusedShallowKernelAgreesWithTheLayeredPass(Activation activation, int d, int width) {
        SampleSet data = Samplers.uniform(Targets.create("oscillatory", d), 300, 5);
        Network net = Network.torchDefault(d, width, 1, new SplittableRandom(width)).withActivation(activation);
        MseObjective objective = new MseObjective(net, data, data.count(), new SplittableRandom(0));
        double fused = objective.evaluate();
        double[][] fusedGradient = copy(objective.parameters().gradients());
        double layered = objective.evaluateLayered();
        double[][] layeredGradient = objective.parameters().gradients();
        assertEquals(layered, fused, 1e-14 * layered);
        for (int b = 0; b < fusedGradient.length; b++) {
            for (int i = 0; i < fusedGradient[b].length; i++) {
                assertEquals(layeredGradient[b][i], fusedGradient[b][i], 1e-13, "block " + b + " entry " + i);
            }
        }
    }

    private static double[][] copy(double[][] blocks) {
        double[][] out = new double[blocks.length][];
        for (int b = 0; b < blocks.length; b++) {
            out[b] = blocks[b].clone();
        }
        return out;
    }
}
