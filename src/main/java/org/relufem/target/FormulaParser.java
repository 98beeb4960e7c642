package org.relufem.target;

import java.util.ArrayList;
import java.util.List;
import org.relufem.target.FormulaLexer.Kind;
import org.relufem.target.FormulaLexer.Token;

/**
 * Parses the formula language of targets written in a spec into an {@link Expression}: a
 * mathematical expression of the variables {@code x1..xd} (and {@code x, y, z} for d &lt;= 3), not
 * code. Grammar, loosest first:
 *
 * <pre>
 * formula    := or
 * or         := and ('||' and)*
 * and        := not ('&amp;&amp;' not)*
 * not        := '!' not | comparison
 * comparison := sum (('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!=') sum)?
 * sum        := product (('+' | '-') product)*
 * product    := unary (('*' | '/') unary)*
 * unary      := '-' unary | power
 * power      := primary ('^' unary)?            right-associative: 2^3^2 = 2^(3^2), -x^2 = -(x^2)
 * primary    := number | name | function '(' or (',' or)* ')' | '(' or ')'
 * </pre>
 *
 * Names are the variables, {@code pi} and {@code e}; functions are {@link MathFunction}'s.
 * Conditions (comparisons and {@code && || !}) are not numbers: they stand only as the first
 * argument of {@code if(condition, a, b)} and under {@code && || !}; comparisons do not chain.
 * Anything else (an unknown name, a variable beyond d, a method call, a string, a missing operand)
 * is a {@link FormulaException} naming the token and its column.
 */
public final class FormulaParser {
    /** Longest formula accepted, in characters, and deepest nesting: guards, not limits of the language. */
    static final int MAX_LENGTH = 10_000;
    static final int MAX_DEPTH = 100;

    private final int dim;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private FormulaParser(String text, int dim) {
        this.dim = dim;
        this.tokens = FormulaLexer.tokens(text);
    }

    /**
     * The tree of {@code formula} over {@code dim} variables, numeric at the top.
     *
     * @throws FormulaException naming the token and column where the formula leaves the language
     */
    public static Expression parse(String formula, int dim) {
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        }
        if (formula.length() > MAX_LENGTH) {
            throw new FormulaException("", MAX_LENGTH, "the formula is longer than " + MAX_LENGTH + " characters");
        }
        FormulaParser p = new FormulaParser(formula, dim);
        if (p.peek().kind() == Kind.END) {
            throw new FormulaException("", 1, "the formula is empty");
        }
        Expression e = p.or();
        Token end = p.peek();
        if (end.kind() != Kind.END) {
            throw p.unexpected(end);
        }
        if (e.condition()) {
            throw new FormulaException(formula.strip(), 1 + formula.length() - formula.stripLeading().length(),
                    "the formula is a condition, not a number: write if(condition, a, b)");
        }
        return e;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token take() {
        return tokens.get(next++);
    }

    private Expression or() {
        Expression e = and();
        while (peek().is("||")) {
            Token op = take();
            e = logical(op, e, and());
        }
        return e;
    }

    private Expression and() {
        Expression e = not();
        while (peek().is("&&")) {
            Token op = take();
            e = logical(op, e, not());
        }
        return e;
    }

    private Expression not() {
        if (peek().is("!")) {
            Token op = take();
            Expression operand = nested(this::not);
            if (!operand.condition()) {
                throw new FormulaException("!", op.column(), "'!' at column " + op.column()
                        + " negates a condition, but its operand is a number: compare it, e.g. !(x > 0)");
            }
            return new Expression.Unary("!", operand);
        }
        return comparison();
    }

    private Expression comparison() {
        Expression left = sum();
        if (Expression.COMPARISONS.contains(peek().text()) && peek().kind() == Kind.OPERATOR) {
            Token op = take();
            Expression right = sum();
            Token after = peek();
            if (after.kind() == Kind.OPERATOR && Expression.COMPARISONS.contains(after.text())) {
                throw new FormulaException(after.text(), after.column(), "'" + after.text() + "' at column "
                        + after.column() + " chains a comparison: write a < b && b < c");
            }
            return arithmetic(op, left, right);
        }
        return left;
    }

    private Expression sum() {
        Expression e = product();
        while (peek().is("+") || peek().is("-")) {
            Token op = take();
            e = arithmetic(op, e, product());
        }
        return e;
    }

    private Expression product() {
        Expression e = unary();
        while (peek().is("*") || peek().is("/")) {
            Token op = take();
            e = arithmetic(op, e, unary());
        }
        return e;
    }

    private Expression unary() {
        if (peek().is("-")) {
            Token op = take();
            Expression operand = nested(this::unary);
            number(op, operand, "its operand");
            return new Expression.Unary("-", operand);
        }
        return power();
    }

    private Expression power() {
        Expression base = primary();
        if (peek().is("^")) {
            Token op = take();
            return arithmetic(op, base, nested(this::unary));
        }
        return base;
    }

    private Expression primary() {
        Token t = take();
        if (t.kind() == Kind.NUMBER) {
            double v = Double.parseDouble(t.text());
            if (Double.isInfinite(v)) {
                throw new FormulaException(t.text(), t.column(), "number '" + t.text() + "' at column " + t.column()
                        + " is too large for a double");
            }
            return new Expression.Constant(v, null);
        }
        if (t.is("(")) {
            Expression inner = nested(this::or);
            if (!peek().is(")")) {
                throw peek().kind() == Kind.END
                        ? new FormulaException("(", t.column(), "the '(' at column " + t.column() + " is never closed")
                        : unexpected(peek());
            }
            take();
            return inner;
        }
        if (t.kind() == Kind.NAME) {
            return name(t);
        }
        throw t.kind() == Kind.END
                ? new FormulaException("", t.column(), "the formula ends at column " + t.column()
                        + " where a number, variable, function or '(' should follow")
                : new FormulaException(t.text(), t.column(), "unexpected '" + t.text() + "' at column " + t.column()
                        + " where a number, variable, function or '(' should be");
    }

    private Expression name(Token t) {
        MathFunction f = MathFunction.of(t.text());
        boolean called = peek().is("(");
        if (f != null) {
            if (!called) {
                throw new FormulaException(t.text(), t.column(), "'" + t.text() + "' at column " + t.column()
                        + " is a function: write " + t.text() + "(...)");
            }
            return call(t, f);
        }
        if (called && !t.text().matches("pi|e|x|y|z|x[1-9][0-9]{0,5}")) {
            throw new FormulaException(t.text(), t.column(), "unknown function '" + t.text() + "' at column " + t.column()
                    + "; the functions are " + String.join(" ", MathFunction.labels()));
        }
        Expression value = switch (t.text()) {
            case "pi" -> new Expression.Constant(Math.PI, "pi");
            case "e" -> new Expression.Constant(Math.E, "e");
            default -> variable(t);
        };
        if (called) {
            throw new FormulaException(t.text(), t.column(), "'" + t.text() + "' at column " + t.column()
                    + " is not a function (write * to multiply)");
        }
        return value;
    }

    private Expression variable(Token t) {
        String s = t.text();
        int axis = switch (s) {
            case "x" -> 0;
            case "y" -> 1;
            case "z" -> 2;
            default -> s.matches("x[1-9][0-9]{0,5}") ? Integer.parseInt(s.substring(1)) - 1 : -1;
        };
        if (axis < 0) {
            throw new FormulaException(s, t.column(), "unknown name '" + s + "' at column " + t.column()
                    + "; the names are " + names());
        }
        if (s.length() == 1 && dim > 3) {
            throw new FormulaException(s, t.column(), "variable '" + s + "' at column " + t.column()
                    + " stands for an axis only in d <= 3; in d = " + dim + " write x1.." + "x" + dim);
        }
        if (axis >= dim) {
            throw new FormulaException(s, t.column(), "variable '" + s + "' at column " + t.column()
                    + " is beyond the box's " + dim + (dim == 1 ? " dimension" : " dimensions") + "; the names are "
                    + names());
        }
        return new Expression.Variable(axis);
    }

    /** "x1, x (or x1..x2, x, y), pi, e". */
    private String names() {
        String vars = dim == 1 ? "x1" : "x1..x" + dim;
        String letters = dim == 1 ? "x" : dim == 2 ? "x, y" : dim == 3 ? "x, y, z" : null;
        return vars + (letters == null ? "" : " (or " + letters + ")") + ", pi, e";
    }

    private Expression call(Token name, MathFunction f) {
        Token open = take();
        List<Expression> args = new ArrayList<>();
        if (!peek().is(")")) {
            args.add(nested(this::or));
            while (peek().is(",")) {
                take();
                args.add(nested(this::or));
            }
        }
        if (!peek().is(")")) {
            throw peek().kind() == Kind.END
                    ? new FormulaException("(", open.column(), "the '(' of " + f.label() + " at column " + open.column()
                            + " is never closed")
                    : unexpected(peek());
        }
        take();
        if (!f.accepts(args.size())) {
            throw new FormulaException(name.text(), name.column(), f.label() + " at column " + name.column() + " takes "
                    + f.arity() + ", got " + args.size());
        }
        for (int i = 0; i < args.size(); i++) {
            boolean wantCondition = f == MathFunction.IF && i == 0;
            if (args.get(i).condition() != wantCondition) {
                throw new FormulaException(name.text(), name.column(), "argument " + (i + 1) + " of " + f.label()
                        + " at column " + name.column() + (wantCondition
                        ? " must be a condition, e.g. x < 0.5, got a number"
                        : " must be a number, got a condition (a comparison or && || !)"));
            }
        }
        return new Expression.Call(f, args);
    }

    private Expression logical(Token op, Expression left, Expression right) {
        for (Expression side : List.of(left, right)) {
            if (!side.condition()) {
                throw new FormulaException(op.text(), op.column(), "'" + op.text() + "' at column " + op.column()
                        + " joins conditions, but its " + (side == left ? "left" : "right")
                        + " operand is a number: compare it, e.g. x > 0");
            }
        }
        return new Expression.Binary(op.text(), left, right);
    }

    private Expression arithmetic(Token op, Expression left, Expression right) {
        number(op, left, "its left operand");
        number(op, right, "its right operand");
        return new Expression.Binary(op.text(), left, right);
    }

    private static void number(Token op, Expression operand, String which) {
        if (operand.condition()) {
            throw new FormulaException(op.text(), op.column(), "'" + op.text() + "' at column " + op.column()
                    + " needs numbers, but " + which + " is a condition: write if(condition, a, b)");
        }
    }

    /** Parses one nested level, refusing formulas nested deeper than {@link #MAX_DEPTH}. */
    private Expression nested(java.util.function.Supplier<Expression> level) {
        if (++depth > MAX_DEPTH) {
            Token t = peek();
            throw new FormulaException(t.text(), t.column(), "the formula nests deeper than " + MAX_DEPTH
                    + " levels at column " + t.column());
        }
        Expression e = level.get();
        depth--;
        return e;
    }

    private FormulaException unexpected(Token t) {
        Token before = next > 0 ? tokens.get(next - 1) : null;
        boolean juxtaposed = before != null && (before.kind() == Kind.NUMBER || before.kind() == Kind.NAME || before.is(")"))
                && (t.kind() == Kind.NUMBER || t.kind() == Kind.NAME || t.is("("));
        return new FormulaException(t.text(), t.column(), "unexpected " + t.quoted() + " at column " + t.column()
                + (juxtaposed ? " (write * to multiply)" : ""));
    }
}
