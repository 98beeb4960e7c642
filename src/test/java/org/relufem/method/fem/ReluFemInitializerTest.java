package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relufem.method.Approximant;
import org.relufem.method.Fit;
import org.relufem.method.net.NetTraining;
import org.relufem.method.net.Network;
import org.relufem.metric.Errors;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/** init = relu_fem: training starts from the P1 interpolant of the training data, exactly. */
class ReluFemInitializerTest {
    /** (target, dim, grid_n, width, depth): wider and deeper than the construction needs. */
    static Stream<Arguments> cases() {
        return Stream.of(Arguments.of("logsin", 1, 17, 20, 2), Arguments.of("seed2d", 2, 6, 40, 3));
    }

    private static NetTraining training(int width, int depth, double lr, int epochs) {
        return new NetTraining(width, depth, "adam", lr, List.of(epochs), 0, 0, new ReluFemInitializer(), null, null);
    }

    @ParameterizedTest(name = "{0} in d = {1}")
    @MethodSource("cases")
    void theInitialNetworkIsTheP1Interpolant(String name, int dim, int n, int width, int depth) {
        Target target = Targets.create(name, dim);
        SampleSet train = Samplers.grid(target, n);
        Network start = training(width, depth, 1e-3, 1).initialNetwork(train);
        assertEquals(width, start.width());
        assertEquals(depth, start.depth());
        Approximant p1 = GridInterpolation.P1.fit(train);
        int count = 5000;
        double[] points = Samplers.uniformPoints(target.domain(), count, new SplittableRandom(11));
        double[] expected = new double[count];
        double[] actual = new double[count];
        p1.values(points, count, expected);
        start.values(points, count, actual);
        double worst = 0;
        for (int i = 0; i < count; i++) {
            worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
        }
        assertTrue(worst <= 1e-12, "max |start - P1| = " + worst);
    }

    @ParameterizedTest(name = "{0} in d = {1}")
    @MethodSource("cases")
    void oneSmallStepKeepsFemAccuracy(String name, int dim, int n, int width, int depth) {
        Target target = Targets.create(name, dim);
        SampleSet train = Samplers.grid(target, n);
        SampleSet test = Samplers.test(target, 2000, 0);
        double p1 = Errors.of(GridInterpolation.P1.fit(train), test).mse();
        Fit fit = training(width, depth, 1e-5, 1).fitStages(train);
        double trained = Errors.of(fit.stages().get(0).approximant(), test).mse();
        assertEquals(0, fit.stages().get(0).trainMse(), 1e-8, "P1 interpolates: almost no training loss");
        assertTrue(trained < 3 * p1 && trained > p1 / 3, "test MSE " + trained + " vs P1's " + p1);
    }

    @Test
    void scatteredDataAndTooSmallShapesAreRefused() {
        Target target = Targets.create("seed2d", 2);
        IllegalArgumentException scattered = assertThrows(IllegalArgumentException.class,
                () -> training(40, 3, 1e-3, 1).initialNetwork(Samplers.uniform(target, 36, 0)));
        assertTrue(scattered.getMessage().contains("sampler = grid"), scattered.getMessage());
        IllegalArgumentException narrow = assertThrows(IllegalArgumentException.class,
                () -> training(34, 2, 1e-3, 1).initialNetwork(Samplers.grid(target, 6)));
        assertTrue(narrow.getMessage().contains("width >= 35"), narrow.getMessage());
    }
}
