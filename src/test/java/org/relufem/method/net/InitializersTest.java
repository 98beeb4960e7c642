package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relufem.method.Fit;
import org.relufem.sample.RandomStreams;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/** He and normal initialisation draw from the stated distributions, deterministically per seed. */
class InitializersTest {
    private static final SampleSet DATA = Samplers.grid(Targets.create("seed2d", 2), 5);
    private static final int WIDTH = 1000;

    private static double[] parameters(Initializer init, long seed) {
        return init.initialNetwork(DATA, WIDTH, 2, RandomStreams.of(seed, RandomStreams.INIT)).parameterVector();
    }

    /** Blocks of a 2 -> 1000 x 2 -> 1 parameter vector: W1, b1, W2, b2, W3, b3. */
    private static double[] block(double[] p, int which) {
        int[] sizes = {WIDTH * 2, WIDTH, WIDTH * WIDTH, WIDTH, WIDTH, 1};
        int from = 0;
        for (int i = 0; i < which; i++) {
            from += sizes[i];
        }
        return Arrays.copyOfRange(p, from, from + sizes[which]);
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).sum() / x.length;
    }

    private static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).sum() / (x.length - 1);
    }

    @Test
    void heDrawsWeightsOfVarianceTwoOverFanInAndZeroBiases() {
        double[] p = parameters(Initializers.HE, 3);
        // 10^6 hidden weights: the sample variance has relative standard error sqrt(2 / 10^6) = 0.14 %.
        double hidden = variance(block(p, 2));
        assertEquals(2.0 / WIDTH, hidden, 0.02 * 2.0 / WIDTH, "hidden layer, fan_in 1000");
        assertEquals(0, mean(block(p, 2)), 0.01 * Math.sqrt(2.0 / WIDTH));
        // 2000 first-layer weights (fan_in 2, variance 1; standard error 3.2 %), 1000 output weights (4.5 %).
        assertEquals(1.0, variance(block(p, 0)), 0.15, "first layer, fan_in 2");
        assertEquals(2.0 / WIDTH, variance(block(p, 4)), 0.2 * 2.0 / WIDTH, "output layer, fan_in 1000");
        for (int b : new int[] {1, 3, 5}) {
            assertTrue(Arrays.stream(block(p, b)).allMatch(v -> v == 0), "biases of block " + b + " are 0");
        }
    }

    @Test
    void normalDrawsEveryParameterWithTheGivenStd() {
        double std = 0.3;
        double[] p = parameters(new Initializers.Normal(std), 5);
        assertEquals(std, Math.sqrt(variance(p)), 0.02 * std);
        assertEquals(std, Math.sqrt(variance(block(p, 3))), 0.15 * std, "biases too");
        // Normal, not merely of that variance: P(|z| < 1) = 0.6827 (a uniform would give 0.577).
        double inside = Arrays.stream(p).filter(v -> Math.abs(v) < std).count() / (double) p.length;
        assertEquals(0.6827, inside, 0.005);
    }

    @Test
    void aSeedFixesTheDrawAndOtherSeedsDiffer() {
        for (Initializer init : List.of(Initializers.HE, new Initializers.Normal(0.1))) {
            assertArrayEquals(parameters(init, 7), parameters(init, 7), init.toString());
            assertFalse(Arrays.equals(parameters(init, 7), parameters(init, 8)), init.toString());
        }
    }

    @Test
    void trainingStartsFromTheChosenInitializer() {
        NetTraining he = new NetTraining(8, 2, "adam", 1e-3, List.of(1), 4, 0, Initializers.HE, null, null);
        double[] expected = Initializers.HE.initialNetwork(DATA, 8, 2, RandomStreams.of(4, RandomStreams.INIT))
                .parameterVector();
        assertArrayEquals(expected, he.initialNetwork(DATA).parameterVector());
        Fit fit = he.fitStages(DATA);
        double torchLoss = new NetTraining(8, 2, "adam", 1e-3, List.of(1), 4).fitStages(DATA).lossHistory()[0];
        assertTrue(fit.lossHistory()[0] != torchLoss, "a different start gives a different first loss");
    }

    @Test
    void normalRefusesANonPositiveStd() {
        assertThrows(IllegalArgumentException.class, () -> new Initializers.Normal(0));
        assertThrows(IllegalArgumentException.class, () -> new Initializers.Normal(Double.NaN));
    }
}
