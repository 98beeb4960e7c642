package org.relufem.method.net.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimisers' stated capabilities are the ones their implementations have. */
class OptimizerKindTest {
    @Test
    void namesRoundTripAndUnknownNamesAreRefused() {
        assertEquals(List.of("adam", "lbfgs", "lm", "adam_lsq"), OptimizerKind.names());
        for (OptimizerKind k : OptimizerKind.values()) {
            assertEquals(k, OptimizerKind.of(k.label()));
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OptimizerKind.of("sgd")).getMessage()
                .contains("known optimizers: adam, lbfgs, lm, adam_lsq"));
    }

    @Test
    void aStepSizeIsWhatAScheduleCanSetAndOnlyAdamTakesMiniBatches() {
        for (OptimizerKind k : OptimizerKind.values()) {
            Optimizer o = k.create(1e-3);
            assertEquals(k.hasStepSize(), o instanceof StepSizeOptimizer, k.label());
            assertEquals(k != OptimizerKind.ADAM, k.fullBatchOnly(), k.label());
        }
        assertTrue(OptimizerKind.LM.leastSquares() && OptimizerKind.ADAM_LSQ.leastSquares());
        assertTrue(!OptimizerKind.ADAM.leastSquares() && !OptimizerKind.LBFGS.leastSquares());
    }

    @Test
    void lbfgsLineSearchNeedsMoreEvaluationsForShortTrialSteps() {
        assertEquals(OptimizerKind.LBFGS_EVALUATIONS_AT_UNIT_STEP, OptimizerKind.lbfgsEvaluations(1), 1e-12);
        assertTrue(OptimizerKind.lbfgsEvaluations(1e-3) > 3 * OptimizerKind.lbfgsEvaluations(1));
        assertTrue(OptimizerKind.lbfgsEvaluations(1e-2) > OptimizerKind.lbfgsEvaluations(1e-1));
    }
}
