package org.relufem.sweep.family;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The options of a network trial beyond its shape and optimiser: how it starts and when it stops.
 * Part of a network trial's {@link NetworkParams} and one axis of a network block's trials.
 *
 * @param init {@code torch} (PyTorch's default), {@code he}, {@code normal} or {@code relu_fem}
 * @param initStd the standard deviation of {@code normal}; null for the others
 * @param lrEnd the learning rate of the last epoch under exponential decay; null for a constant lr
 * @param lossTol the training loss that stops training early; null to train every epoch
 */
public record NetworkOptions(String init, Double initStd, Double lrEnd, Double lossTol) implements Serializable {
    /** The default initialiser: what every network trial used before init was an option. */
    public static final String TORCH = "torch";
    /** The initialiser that takes {@code init_std}. */
    public static final String NORMAL = "normal";
    /** Every {@code init} name. */
    public static final List<String> INITS = List.of(TORCH, "he", NORMAL, "relu_fem");
    /** Today's training: torch init, constant lr, every epoch. */
    public static final NetworkOptions DEFAULT = new NetworkOptions(TORCH, null, null, null);

    public NetworkOptions {
        if (!INITS.contains(init)) {
            throw new IllegalArgumentException("unknown init '" + init + "'; known inits: " + String.join(", ", INITS));
        }
        if (init.equals(NORMAL) != (initStd != null)) {
            throw new IllegalArgumentException("init_std goes with init = normal, and only with it; got init = " + init
                    + ", init_std = " + initStd);
        }
    }

    /**
     * Adds to a trial's canonical parameters the options that differ from {@link #DEFAULT}, so
     * trials without them keep their ids. With {@code lr_end}, the decay horizon (the largest
     * epoch count) too: every checkpoint's numbers depend on it.
     *
     * @param parameters the trial's parameters by name. Modified.
     */
    void addTo(Map<String, Object> parameters, int lastEpoch) {
        if (!init.equals(TORCH)) {
            parameters.put("init", init);
        }
        parameters.put("init_std", initStd);
        parameters.put("lr_end", lrEnd);
        if (lrEnd != null) {
            parameters.put("lr_end_epoch", lastEpoch);
        }
        parameters.put("loss_tol", lossTol);
    }

    /** The options as spec settings, for messages: {@code init = he, loss_tol = 1.0E-6}. */
    String describe() {
        List<String> out = new ArrayList<>(List.of("init = " + init));
        if (initStd != null) {
            out.add("init_std = " + initStd);
        }
        if (lrEnd != null) {
            out.add("lr_end = " + lrEnd);
        }
        if (lossTol != null) {
            out.add("loss_tol = " + lossTol);
        }
        return String.join(", ", out);
    }
}
