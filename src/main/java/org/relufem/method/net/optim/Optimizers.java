package org.relufem.method.net.optim;

import java.util.List;

/** The registry of optimisers by the name specs use. */
public final class Optimizers {
    private Optimizers() {
    }

    /** Every registered name. */
    public static List<String> names() {
        return List.of("adam");
    }

    /**
     * A new optimiser {@code name} with learning rate {@code lr}.
     *
     * @throws IllegalArgumentException for an unknown name or a bad learning rate
     */
    public static Optimizer create(String name, double lr) {
        if (name.equals("adam")) {
            return new Adam(lr);
        }
        throw new IllegalArgumentException("unknown optimizer '" + name + "'; known optimizers: "
                + String.join(", ", names()));
    }
}
