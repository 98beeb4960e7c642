package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relufem.method.net.optim.FloatAdam;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/**
 * The float32 pass against central differences in float64 of the same network (its float weights
 * widened to double): the float gradient may differ by float rounding only, 1e-3 relative in norm.
 * Widths that are not multiples of 16 check the depth-1 kernel's padding.
 */
class FloatGradientCheckTest {
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(Activation.RELU, false, 2, 20, 1, 40),
                Arguments.of(Activation.RELU, false, 2, 37, 1, 16),
                Arguments.of(Activation.RELU, false, 1, 9, 1, 40),
                Arguments.of(Activation.RELU, false, 3, 33, 1, 40),
                Arguments.of(Activation.TANH, false, 2, 20, 1, 40),
                Arguments.of(Activation.GELU, false, 3, 9, 1, 16),
                Arguments.of(Activation.RELU, false, 2, 12, 3, 40),
                Arguments.of(Activation.RELU, true, 3, 7, 3, 16),
                Arguments.of(Activation.TANH, false, 2, 10, 2, 40),
                Arguments.of(Activation.ELU, true, 2, 6, 4, 40));
    }

    @ParameterizedTest(name = "{0} residual={1} d={2} width={3} depth={4} batch={5}")
    @MethodSource("shapes")
    void floatGradientMatchesCentralDifferencesOfTheWidenedNetwork(Activation activation, boolean residual, int d,
                                                                  int width, int depth, int batch) {
        Architecture architecture = new Architecture(width, depth, activation, residual);
        SampleSet data = Samplers.uniform(Targets.create("gaussian", d), 40, 7);
        Network start = Network.torchDefault(d, width, depth, new SplittableRandom(11 * d + width)).with(architecture);
        FloatMseObjective f = new FloatMseObjective(start, data, batch, new SplittableRandom(3), true);
        f.nextBatch();
        double floatLoss = f.evaluate();
        Network widened = gradientNetwork(f, start);
        Network net = start.copy();
        f.widenInto(net);
        MseObjective objective = new MseObjective(net, data, batch, new SplittableRandom(3));
        objective.nextBatch();
        double loss = objective.evaluate();
        assertEquals(loss, floatLoss, 1e-5 * loss, "the float loss of the same network and batch");
        double[][] values = objective.parameters().values();
        double differenceSquared = 0;
        double normSquared = 0;
        double h = 1e-6;
        for (int b = 0; b < values.length; b++) {
            double[] analytic = b % 2 == 0 ? widened.weights[b / 2].data : widened.biases[b / 2].data;
            for (int i = 0; i < values[b].length; i++) {
                double saved = values[b][i];
                values[b][i] = saved + h;
                double up = objective.evaluate();
                values[b][i] = saved - h;
                double down = objective.evaluate();
                values[b][i] = saved;
                double numeric = (up - down) / (2 * h);
                differenceSquared += (numeric - analytic[i]) * (numeric - analytic[i]);
                normSquared += numeric * numeric;
            }
        }
        double relative = Math.sqrt(differenceSquared / normSquared);
        assertTrue(normSquared > 1e-12, "the gradient vanished: nothing was checked");
        assertTrue(relative < 1e-3, "relative gradient error ||fd - float|| / ||fd|| = " + relative);
        assertTrue(relative > 0, "a float gradient equal to float64's bit for bit was not computed in float");
    }

    /** The depth-1 kernel's vector loops and its scalar loops: the same bits after Adam steps. */
    @ParameterizedTest(name = "{0} d={1} width={2}")
    @MethodSource("kernelShapes")
    void vectorAndScalarLoopsRoundAlike(Activation activation, int d, int width) {
        assumeTrue(FloatShallowKernel.VECTOR, "no 16-lane vector loops on this machine");
        SampleSet data = Samplers.grid(Targets.create("seed2d", 2), 7);
        if (d != 2) {
            data = Samplers.uniform(Targets.create("gaussian", d), 49, 5);
        }
        Network start = Network.torchDefault(d, width, 1, new SplittableRandom(width)).withActivation(activation);
        FloatMseObjective vector = new FloatMseObjective(start, data, data.count(), new SplittableRandom(0), true);
        FloatMseObjective scalar = new FloatMseObjective(start, data, data.count(), new SplittableRandom(0), false);
        FloatAdam a = new FloatAdam(1e-2);
        FloatAdam b = new FloatAdam(1e-2);
        for (int step = 0; step < 20; step++) {
            assertEquals(a.step(vector), b.step(scalar), "loss at step " + step);
        }
        for (int k = 0; k < vector.values().length; k++) {
            assertArrayEquals(vector.values()[k], scalar.values()[k], "block " + k);
        }
    }

    static Stream<Arguments> kernelShapes() {
        return Stream.of(Arguments.of(Activation.RELU, 2, 100), Arguments.of(Activation.RELU, 2, 21),
                Arguments.of(Activation.RELU, 3, 40), Arguments.of(Activation.TANH, 2, 30));
    }

    /** The float gradient blocks as a network's parameters (a float64 copy of them). */
    private static Network gradientNetwork(FloatMseObjective f, Network shape) {
        float[][] v = f.values();
        float[][] g = f.gradients();
        float[][] saved = new float[v.length][];
        for (int b = 0; b < v.length; b++) {
            saved[b] = v[b].clone();
            System.arraycopy(g[b], 0, v[b], 0, v[b].length);
        }
        Network out = shape.copy();
        f.widenInto(out);
        for (int b = 0; b < v.length; b++) {
            System.arraycopy(saved[b], 0, v[b], 0, v[b].length);
        }
        return out;
    }
}
