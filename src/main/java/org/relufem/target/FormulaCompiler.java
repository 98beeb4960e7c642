package org.relufem.target;

import java.util.List;
import org.codehaus.commons.compiler.CompileException;
import org.codehaus.janino.ClassBodyEvaluator;

/**
 * Compiles an {@link Expression} to a class with Janino (on Spark's classpath, so on every driver
 * and executor relufem runs on): the formula becomes one Java expression over {@code p[o + k]},
 * {@code java.lang.Math} and arithmetic, and the JIT treats it as it treats a built-in target.
 * Nothing of the spec's text reaches the source but numbers (as {@link Double#toString}) and the
 * operators and function names the parser accepted; {@code java.lang.Math} is named in full, so
 * that no class on a user's classpath can stand in for it. {@code a^2} is {@code a * a} (one rounding, as
 * built-in targets write it); other powers are {@link Math#pow}.
 *
 * <p>Why compiled: JMH ({@code FormulaBenchmark}) on seed2d's formula at 100,000 points gave 24 ns
 * per point compiled and built-in alike, and 68 ns for a tree of closures, one per node; a compile
 * takes a few milliseconds (about a second for the JVM's first), once per target instance.
 */
final class FormulaCompiler {
    private FormulaCompiler() {
    }

    static PointFunction compile(Expression e, int dim) {
        StringBuilder body = new StringBuilder();
        body.append("public int dimension() { return ").append(dim).append("; }\n");
        body.append("public double value(double[] p, int o) { return ");
        java(e, body);
        body.append("; }\n");
        body.append("private static double sq(double t) { return t * t; }\n");
        ClassBodyEvaluator cbe = new ClassBodyEvaluator();
        cbe.setParentClassLoader(PointFunction.class.getClassLoader());
        cbe.setImplementedInterfaces(new Class<?>[] {PointFunction.class});
        try {
            cbe.cook(body.toString());
            return (PointFunction) cbe.getClazz().getConstructor().newInstance();
        } catch (CompileException | ReflectiveOperationException e2) {
            throw new IllegalStateException("cannot compile " + e + ": " + e2.getMessage(), e2);
        }
    }

    static void java(Expression e, StringBuilder out) {
        if (e instanceof Expression.Constant c) {
            out.append('(').append(Double.toString(c.value())).append(')');
        } else if (e instanceof Expression.Variable v) {
            out.append("p[o + ").append(v.axis()).append(']');
        } else if (e instanceof Expression.Unary u) {
            out.append('(').append(u.operator());
            java(u.operand(), out);
            out.append(')');
        } else if (e instanceof Expression.Binary b) {
            if (b.operator().equals("^")) {
                if (b.right() instanceof Expression.Constant c && c.value() == 2) {
                    out.append("sq(");
                    java(b.left(), out);
                    out.append(')');
                } else {
                    out.append("java.lang.Math.pow(");
                    java(b.left(), out);
                    out.append(", ");
                    java(b.right(), out);
                    out.append(')');
                }
            } else {
                out.append('(');
                java(b.left(), out);
                out.append(' ').append(b.operator()).append(' ');
                java(b.right(), out);
                out.append(')');
            }
        } else {
            Expression.Call call = (Expression.Call) e;
            List<Expression> args = call.arguments();
            switch (call.function()) {
                case IF -> {
                    out.append('(');
                    java(args.get(0), out);
                    out.append(" ? ");
                    java(args.get(1), out);
                    out.append(" : ");
                    java(args.get(2), out);
                    out.append(')');
                }
                case MIN, MAX -> {
                    String f = call.function() == MathFunction.MIN ? "java.lang.Math.min(" : "java.lang.Math.max(";
                    for (int i = 1; i < args.size(); i++) {
                        out.append(f);
                    }
                    java(args.get(0), out);
                    for (int i = 1; i < args.size(); i++) {
                        out.append(", ");
                        java(args.get(i), out);
                        out.append(')');
                    }
                }
                default -> {
                    String name = call.function() == MathFunction.SIGN ? "signum" : call.function().label();
                    out.append("java.lang.Math.").append(name).append('(');
                    for (int i = 0; i < args.size(); i++) {
                        out.append(i == 0 ? "" : ", ");
                        java(args.get(i), out);
                    }
                    out.append(')');
                }
            }
        }
    }
}
