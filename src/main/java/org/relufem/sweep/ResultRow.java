package org.relufem.sweep;

import java.io.Serializable;
import java.time.Instant;
import org.relufem.metric.Errors;
import org.relufem.metric.MaxNormSearch;

/**
 * One row of the results table (DESIGN.md section 3) before the Spark layer flattens it and adds
 * the sweep name: the trial's parameters, the checkpoint, and what was measured.
 *
 * @param epochs the row's epoch checkpoint; null for untrained methods
 * @param params degrees of freedom; null unless status is ok
 * @param errors test-set errors; null unless status is ok
 * @param search the max-norm search from the worst test points; null unless status is ok
 * @param trainMse training MSE where there is one, else null
 * @param status {@code ok}, {@code diverged} or {@code failed}
 * @param message why, for a status other than ok
 * @param lossCurve training loss at the epochs of {@link LossCurve#epochs(int)}; null for untrained methods
 * @param weights the fitted parameters when the spec keeps them, else null
 * @param stopEpoch the epoch at which training stopped early, for the rows at or after it; else null
 * @param stopReason why training stopped there ({@code loss_tol}, {@code grad_tol},
 *     {@code no_descent}), with {@code stopEpoch}
 * @param boostStage the boosting stage of a network's row (1 without boosting); null for other methods
 * @param field the approximant at the nodes of {@link TestDesign#fieldGrid} when the spec asks
 *     ({@code test.field}) and d &lt;= 2, else null
 */
public record ResultRow(String trialId, Trial trial, Integer epochs, Long params, Errors errors,
                        MaxNormSearch search, Double trainMse,
                        Double fitSeconds, Double evalSeconds, String status, String message, double[] lossCurve,
                        double[] weights, String codeVersion, Instant startedAt, String host, Integer stopEpoch,
                        String stopReason, Integer boostStage, double[] field)
        implements Serializable {

    /** A row of a fit that did not stop early. */
    public ResultRow(String trialId, Trial trial, Integer epochs, Long params, Errors errors, MaxNormSearch search,
                     Double trainMse, Double fitSeconds, Double evalSeconds, String status, String message,
                     double[] lossCurve, double[] weights, String codeVersion, Instant startedAt, String host) {
        this(trialId, trial, epochs, params, errors, search, trainMse, fitSeconds, evalSeconds, status, message,
                lossCurve, weights, codeVersion, startedAt, host, null, null, null, null);
    }
}
