package org.relufem.sweep.family;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.relufem.method.Approximator;
import org.relufem.method.poly.IndexSet;
import org.relufem.sweep.Checkpoint;
import org.relufem.sweep.Trial;

/**
 * A trial's own parameters, one immutable record per method family: what enters its trial_id, the
 * approximator it fits, and what fitting costs. The common part (target, data, test set) is the
 * {@link Trial}'s.
 */
public sealed interface MethodParams extends Serializable
        permits GridInterpolants.Params, ScatteredElements.Params, NetworkParams, Polynomials.Params {

    /** The approximator that fits {@code trial}. */
    Approximator approximator(Trial trial);

    /**
     * Adds the parameters that define the trial's numbers to its canonical parameters; a null
     * value is left out of trial_id, so adding an optional parameter later keeps the old ids.
     *
     * @param parameters by spec name. Modified.
     */
    void addTo(Map<String, Object> parameters);

    /**
     * Estimated core-seconds of fitting {@code trial}, and of evaluating the fit beyond what
     * {@code CostModel} charges every method (sampling, the test set, the max-norm search's
     * evaluations of f and of a piecewise-linear g): a network's or a dense net's own work per
     * evaluation, say. See {@code CostModel} for the machine the rates were measured on.
     */
    double fitSeconds(Trial trial);

    /** Max-norm search moves per halving of its step: 1.3 for smooth fits, 2.8 for piecewise-linear ones. */
    double searchMoves();

    /**
     * The trial's rows in the order its fit reports them: stage by stage, and within a stage by
     * ascending epoch count; {@link Checkpoint#NONE} alone for a method that gives one row.
     */
    default List<Checkpoint> checkpoints() {
        return List.of(Checkpoint.NONE);
    }

    /** Whether the rows store the fitted parameters ({@code weights}). */
    default boolean keepWeights() {
        return false;
    }

    /**
     * The parameters of a method with a polynomial degree (a Legendre expansion's order, an
     * element's degree per variable): the {@code degree} column, which {@link MethodFamilies} owns
     * for them all.
     */
    interface Graded {
        /** The degree, or null where the family's method has none. */
        Integer degree();
    }

    /**
     * The polynomial space in {@code dim} dimensions whose optimal density the {@code christoffel}
     * sampler draws this trial's points from, or null for a method that takes no such points.
     */
    default IndexSet samplingSpace(int dim) {
        return null;
    }

    /** Nodes per axis of the grid the method works on when its data has none ({@code grid_n}); else null. */
    default Integer gridN() {
        return null;
    }
}
