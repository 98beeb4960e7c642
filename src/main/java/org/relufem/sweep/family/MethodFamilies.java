package org.relufem.sweep.family;

import java.util.List;
import java.util.stream.Stream;
import org.relufem.sweep.Column;

/** The method families, registered here and nowhere else; a method name belongs to exactly one. */
public final class MethodFamilies {
    private static final List<MethodFamily> FAMILIES = List.of(
            new GridInterpolants(),
            new ScatteredElements(),
            new Networks(),
            new Polynomials());

    /** The {@code degree} column of every family whose parameters have one. */
    static final Column DEGREE = Column.of("degree", Column.Type.INT, Column.Role.SETTING, MethodParams.Graded.class,
            MethodParams.Graded::degree);

    private MethodFamilies() {
    }

    /** The family of {@code method}, or null for an unknown name. */
    public static MethodFamily of(String method) {
        return FAMILIES.stream().filter(f -> f.methods().contains(method)).findFirst().orElse(null);
    }

    /** Every method name, sorted. */
    public static List<String> methods() {
        return FAMILIES.stream().flatMap(f -> f.methods().stream()).sorted().toList();
    }

    /** The columns several families fill ({@code degree}), then every family's own, in registration order. */
    public static List<Column> columns() {
        return Stream.concat(Stream.of(DEGREE), FAMILIES.stream().flatMap(f -> f.columns().stream())).toList();
    }
}
