package org.relufem.target;

/**
 * A target written as a formula ({@link FormulaParser}'s language) on a box; the box's dimension
 * is the number of variables. The formula is compiled to a class ({@link FormulaCompiler}), so a
 * point costs what the same expression written in Java costs. Immutable and thread-safe.
 */
public final class FormulaTarget implements Target {
    private final String name;
    private final Box domain;
    private final Expression expression;
    private final PointFunction compiled;

    private FormulaTarget(String name, Box domain, Expression expression) {
        this.name = name;
        this.domain = domain;
        this.expression = expression;
        this.compiled = FormulaCompiler.compile(expression, domain.dimension());
    }

    /**
     * The target {@code name} given by {@code formula} on {@code domain}.
     *
     * @throws FormulaException where the formula leaves the language
     */
    public static FormulaTarget parse(String name, String formula, Box domain) {
        return new FormulaTarget(name, domain, FormulaParser.parse(formula, domain.dimension()));
    }

    /** The normalised text of the formula (see {@link Expression}): equal for formulas that differ only in layout. */
    public String formula() {
        return expression.toString();
    }

    Expression expression() {
        return expression;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Box domain() {
        return domain;
    }

    @Override
    public double value(double[] x, int offset) {
        return compiled.value(x, offset);
    }
}
