package org.relufem.sweep.family;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.relufem.method.fem.ReluFemInitializer;
import org.relufem.method.net.Initializer;
import org.relufem.method.net.Initializers;

/**
 * The options of a network trial beyond its shape and optimiser: how it starts and when it stops.
 * Part of a network trial's {@link NetworkParams} and one axis of a network block's trials.
 *
 * @param init the initialiser
 * @param initStd the standard deviation of {@code normal}; null for the others
 * @param lrEnd the learning rate of the last epoch under exponential decay; null for a constant lr
 * @param lossTol the training loss that stops training early; null to train every epoch
 * @param gradTol the gradient norm, relative to the first epoch's, that stops a second-order
 *     optimiser; null for none
 * @param lowestLoss whether checkpoints report the lowest-loss network so far ({@code checkpoint =
 *     lowest_loss}) rather than the last ({@code last})
 */
public record NetworkOptions(Init init, Double initStd, Double lrEnd, Double lossTol, Double gradTol,
                             boolean lowestLoss) implements Serializable {
    /** Today's training: torch init, constant lr, every epoch, the last network. */
    public static final NetworkOptions DEFAULT = new NetworkOptions(Init.TORCH, null, null, null, null, false);
    /** The values of {@code checkpoint}. */
    static final String LAST = "last";
    static final String LOWEST_LOSS = "lowest_loss";

    /** The initialisers, each named in specs and the {@code init} column by its lower-case name. */
    public enum Init {
        /** PyTorch's default, U(+-1/sqrt(fan_in)) for weights and biases; what trials used before init was a key. */
        TORCH,
        /** Kaiming normal for ReLU: weights N(0, 2/fan_in), biases 0. */
        HE,
        /** Weights and biases N(0, init_std^2): the one that takes {@code init_std}. */
        NORMAL,
        /** The exact ReLU network of the training grid's P1 interpolant (the method relu_fem's). */
        RELU_FEM;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The initialiser named {@code label}, or null. */
        static Init of(String label) {
            return Arrays.stream(values()).filter(i -> i.label().equals(label)).findFirst().orElse(null);
        }

        static List<String> labels() {
            return Arrays.stream(values()).map(Init::label).toList();
        }

        /** The initialiser with standard deviation {@code std} (NORMAL's; null for the others). */
        Initializer initializer(Double std) {
            return switch (this) {
                case TORCH -> Initializers.TORCH;
                case HE -> Initializers.HE;
                case NORMAL -> new Initializers.Normal(std);
                case RELU_FEM -> new ReluFemInitializer();
            };
        }
    }

    public NetworkOptions {
        if ((init == Init.NORMAL) != (initStd != null)) {
            throw new IllegalArgumentException("init_std goes with init = normal, and only with it; got init = "
                    + init.label() + ", init_std = " + initStd);
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
        if (init != Init.TORCH) {
            parameters.put("init", init.label());
        }
        parameters.put("init_std", initStd);
        parameters.put("lr_end", lrEnd);
        if (lrEnd != null) {
            parameters.put("lr_end_epoch", lastEpoch);
        }
        parameters.put("loss_tol", lossTol);
        parameters.put("grad_tol", gradTol);
        if (lowestLoss) {
            parameters.put("checkpoint", LOWEST_LOSS);
        }
    }

    /** The options as spec settings, for messages: {@code init = he, loss_tol = 1.0E-6}. */
    String describe() {
        List<String> out = new ArrayList<>(List.of("init = " + init.label()));
        if (initStd != null) {
            out.add("init_std = " + initStd);
        }
        if (lrEnd != null) {
            out.add("lr_end = " + lrEnd);
        }
        if (lossTol != null) {
            out.add("loss_tol = " + lossTol);
        }
        if (gradTol != null) {
            out.add("grad_tol = " + gradTol);
        }
        if (lowestLoss) {
            out.add("checkpoint = " + LOWEST_LOSS);
        }
        return String.join(", ", out);
    }
}
