package org.relufem.method.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Targets;

/** The residual Jacobian against central differences of the residuals, and against the loss gradient. */
class JacobianCheckTest {
    /** Every activation, plain and residual; ReLU also in the shapes checked before activations were a choice. */
    static Stream<Arguments> activationsAndShapes() {
        Stream<Arguments> relu = Stream.of(Arguments.of(Activation.RELU, false, 2, 8, 1),
                Arguments.of(Activation.RELU, false, 3, 7, 2));
        return Stream.concat(relu, Arrays.stream(Activation.values()).flatMap(a -> Stream.of(
                Arguments.of(a, false, 1, 5, 1), Arguments.of(a, false, 2, 6, 3), Arguments.of(a, true, 2, 6, 3))));
    }

    @ParameterizedTest(name = "{0} residual={1} d={2} width={3} depth={4}")
    @MethodSource("activationsAndShapes")
    void jacobianMatchesCentralDifferencesAndTheGradient(Activation activation, boolean residual, int d, int width,
                                                         int depth) {
        SampleSet data = Samplers.uniform(Targets.create("gaussian", d), 30, 7);
        Network net = Network.torchDefault(d, width, depth, new SplittableRandom(13 * d + width))
                .with(new Architecture(width, depth, activation, residual));
        MseObjective objective = new MseObjective(net, data, data.count(), new SplittableRandom(3));
        int m = objective.residualCount();
        int n = objective.parameters().size();
        assertEquals(data.count(), m);
        double[] r = new double[m];
        DMatrixRMaj jacobian = new DMatrixRMaj(m, n);
        objective.residualsAndJacobian(r, jacobian);
        DMatrixRMaj analytic = jacobian.copy();
        double[] residuals = r.clone();

        // loss = |r|^2 / m and gradient = (2 / m) J^T r
        double loss = objective.evaluate();
        double sum = 0;
        for (double ri : residuals) {
            sum += ri * ri;
        }
        assertEquals(loss, sum / m, 1e-14 * loss);
        double[][] gradients = objective.parameters().gradients();
        int column = 0;
        for (double[] block : gradients) {
            for (double gj : block) {
                double fromJacobian = 0;
                for (int i = 0; i < m; i++) {
                    fromJacobian += analytic.get(i, column) * residuals[i];
                }
                assertEquals(gj, 2 * fromJacobian / m, 1e-12, "gradient entry " + column);
                column++;
            }
        }

        double h = 1e-6;
        double[] up = new double[m];
        double[] down = new double[m];
        double differenceSquared = 0;
        double normSquared = 0;
        double[][] values = objective.parameters().values();
        column = 0;
        for (double[] block : values) {
            for (int k = 0; k < block.length; k++) {
                double saved = block[k];
                block[k] = saved + h;
                objective.residualsAndJacobian(up, jacobian);
                block[k] = saved - h;
                objective.residualsAndJacobian(down, jacobian);
                block[k] = saved;
                for (int i = 0; i < m; i++) {
                    double numeric = (up[i] - down[i]) / (2 * h);
                    double a = analytic.get(i, column);
                    differenceSquared += (numeric - a) * (numeric - a);
                    normSquared += a * a;
                }
                column++;
            }
        }
        assertTrue(normSquared > 1e-12, "the Jacobian vanished: nothing was checked");
        double relative = Math.sqrt(differenceSquared / normSquared);
        assertTrue(relative < 1e-6, "relative Jacobian error " + relative);
    }
}
