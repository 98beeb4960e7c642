package org.relufem.target;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The functions a formula may call, each as {@code java.lang.Math} computes it ({@code log} is the
 * natural logarithm, {@code sign} is {@link Math#signum}, {@code atan2(y, x)} the angle of (x, y)).
 * {@code min} and {@code max} take two or more arguments; {@code if(condition, a, b)} is a if the
 * condition holds, else b, and evaluates only the branch it takes.
 */
public enum MathFunction {
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2), SINH(1), COSH(1), TANH(1), EXP(1), LOG(1),
    LOG10(1), SQRT(1), ABS(1), MIN(2, Integer.MAX_VALUE), MAX(2, Integer.MAX_VALUE), FLOOR(1), CEIL(1), SIGN(1),
    IF(3);

    private final int minArguments;
    private final int maxArguments;

    MathFunction(int arguments) {
        this(arguments, arguments);
    }

    MathFunction(int minArguments, int maxArguments) {
        this.minArguments = minArguments;
        this.maxArguments = maxArguments;
    }

    /** The name a formula calls it by. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The function called {@code label}, or null. */
    public static MathFunction of(String label) {
        for (MathFunction f : values()) {
            if (f.label().equals(label)) {
                return f;
            }
        }
        return null;
    }

    /** Every name, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(MathFunction::label).toList();
    }

    boolean accepts(int arguments) {
        return arguments >= minArguments && arguments <= maxArguments;
    }

    /** "1 argument", "2 or more arguments". */
    String arity() {
        if (maxArguments == Integer.MAX_VALUE) {
            return minArguments + " or more arguments";
        }
        return minArguments + (minArguments == 1 ? " argument" : " arguments");
    }
}
