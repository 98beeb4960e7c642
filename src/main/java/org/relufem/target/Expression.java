package org.relufem.target;

import java.util.List;
import java.util.Set;

/**
 * The tree of a parsed formula ({@link FormulaParser}): numbers, variables, operators and calls of
 * {@link MathFunction}s. A node is either numeric or a condition (a comparison, or conditions
 * joined by {@code && || !}); the parser only builds trees where conditions stand in the first
 * argument of {@code if} and under {@code && || !}. Immutable.
 *
 * <p>{@link #toString} is the normalised text: no spaces, the fewest parentheses the precedences
 * need, numbers in Java's shortest round-trip spelling (integers without a fraction), variables
 * as {@code x1..xd}. Parsing it gives the same tree, so formulas that differ only in layout,
 * redundant parentheses, the spelling of a number or {@code x, y, z} vs {@code x1, x2, x3} have one
 * normalised text; that text enters {@code trial_id}.
 */
public sealed interface Expression {
    /** Binding strength, loosest first; {@link #ATOM} never needs parentheses. */
    int OR = 1;
    int AND = 2;
    int NOT = 3;
    int COMPARISON = 4;
    int SUM = 5;
    int PRODUCT = 6;
    int NEGATION = 7;
    int POWER = 8;
    int ATOM = 9;

    /** The comparison operators. */
    Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");

    /** Whether the node is a condition (true or false) rather than a number. */
    boolean condition();

    /** How strongly the node binds its operands, for parenthesising: one of the levels above. */
    int precedence();

    /** Appends the normalised text. */
    void render(StringBuilder out);

    /** A number, written as a literal or as the constant {@code pi} or {@code e} ({@code name}, else null). */
    record Constant(double value, String name) implements Expression {
        @Override
        public boolean condition() {
            return false;
        }

        @Override
        public int precedence() {
            return ATOM;
        }

        @Override
        public void render(StringBuilder out) {
            if (name != null) {
                out.append(name);
            } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                out.append((long) value);
            } else {
                out.append(value);
            }
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** Coordinate {@code axis} (0-based) of the point: x1 is axis 0. */
    record Variable(int axis) implements Expression {
        @Override
        public boolean condition() {
            return false;
        }

        @Override
        public int precedence() {
            return ATOM;
        }

        @Override
        public void render(StringBuilder out) {
            out.append('x').append(axis + 1);
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** Unary minus ({@code -}, numeric) or negation ({@code !}, a condition). */
    record Unary(String operator, Expression operand) implements Expression {
        @Override
        public boolean condition() {
            return operator.equals("!");
        }

        @Override
        public int precedence() {
            return condition() ? NOT : NEGATION;
        }

        @Override
        public void render(StringBuilder out) {
            out.append(operator);
            renderOperand(out, operand, precedence());
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** {@code + - * / ^}, a comparison, or {@code && ||}. */
    record Binary(String operator, Expression left, Expression right) implements Expression {
        @Override
        public boolean condition() {
            return COMPARISONS.contains(operator) || operator.equals("&&") || operator.equals("||");
        }

        @Override
        public int precedence() {
            return switch (operator) {
                case "||" -> OR;
                case "&&" -> AND;
                case "+", "-" -> SUM;
                case "*", "/" -> PRODUCT;
                case "^" -> POWER;
                default -> COMPARISON;
            };
        }

        @Override
        public void render(StringBuilder out) {
            int p = precedence();
            // Left-associative levels take their own level on the left, a stronger one on the right;
            // ^ is right-associative and its exponent is a unary expression (2^-x); comparisons do not chain.
            renderOperand(out, left, p == POWER || p == COMPARISON ? p + 1 : p);
            out.append(operator);
            renderOperand(out, right, p == POWER ? NEGATION : p + 1);
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    /** A call of a {@link MathFunction}, {@code if(condition, a, b)} included. */
    record Call(MathFunction function, List<Expression> arguments) implements Expression {
        public Call {
            arguments = List.copyOf(arguments);
        }

        @Override
        public boolean condition() {
            return false;
        }

        @Override
        public int precedence() {
            return ATOM;
        }

        @Override
        public void render(StringBuilder out) {
            out.append(function.label()).append('(');
            for (int i = 0; i < arguments.size(); i++) {
                out.append(i == 0 ? "" : ",");
                arguments.get(i).render(out);
            }
            out.append(')');
        }

        @Override
        public String toString() {
            return text(this);
        }
    }

    private static void renderOperand(StringBuilder out, Expression e, int atLeast) {
        boolean parenthesise = e.precedence() < atLeast;
        out.append(parenthesise ? "(" : "");
        e.render(out);
        out.append(parenthesise ? ")" : "");
    }

    private static String text(Expression e) {
        StringBuilder s = new StringBuilder();
        e.render(s);
        return s.toString();
    }
}
