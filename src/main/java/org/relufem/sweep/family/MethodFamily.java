package org.relufem.sweep.family;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.relufem.sample.Sampler;
import org.relufem.sweep.Column;
import org.relufem.sweep.DataSpec;
import org.relufem.sweep.SpecReader;
import org.relufem.sweep.TargetChoice;

/**
 * One family of approximation methods as the sweep sees it: everything the spec reader, the trial
 * space and the results table need to know about its methods, in one place. The rest of what the
 * family owns travels with its trials: the {@link MethodAxes} of a block and the
 * {@link MethodParams} of a trial (the parameters entering trial_id, the approximator, the cost).
 * Register a family in {@link MethodFamilies}.
 */
public interface MethodFamily {
    /** The spec names of the family's methods. */
    List<String> methods();

    /** The samplers {@code method} can fit. */
    Set<Sampler> samplers(String method);

    /**
     * Whether {@code method}'s trials name the polynomial space a {@code christoffel} sampler draws
     * for ({@code MethodParams.samplingSpace}), so that its data need not.
     */
    default boolean samplesOwnSpace(String method) {
        return false;
    }

    /** The spec keys a block of {@code method} takes besides {@code method}, {@code data} and {@code dim}. */
    Set<String> keys(String method);

    /**
     * Reads the own keys of a block of {@code method} into its axes, refusing values that cannot
     * run or would repeat trial_ids with the key and the file line.
     *
     * @param data the block's training data, already read
     * @param targets the targets the block runs on
     */
    MethodAxes read(String method, SpecReader block, DataSpec data, List<TargetChoice> targets);

    /** The results columns the family's parameters fill (see {@code ResultColumns}). */
    default List<Column> columns() {
        return List.of();
    }

    /** The spec names of a family whose methods are the constants of an enum: their names in lower case. */
    static List<String> names(Enum<?>[] methods) {
        return Arrays.stream(methods).map(m -> m.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** The constant of {@code methods} that {@code method} names (see {@link #names}). */
    static <E extends Enum<E>> E kind(Class<E> methods, String method) {
        return Enum.valueOf(methods, method.toUpperCase(Locale.ROOT));
    }
}
