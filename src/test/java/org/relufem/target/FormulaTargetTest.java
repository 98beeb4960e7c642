package org.relufem.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Formula targets: the same numbers as the built-in targets they write out, and the language's rules. */
class FormulaTargetTest {
    private static final String U = Double.toString((Math.sqrt(5) - 1) / 2);

    /** Built-in targets and the formulas that write them out, in their Java code's order of operations. */
    private static final Map<String, String> WRITTEN_OUT = Map.of(
            "seed2d:2", "sin(pi*x)*cos(pi*y) + 0.1*(x^2 + y^2)",
            "gaussian:3", "exp(-" + 7.03 / 3 + "*" + 7.03 / 3 + "*((x1-" + U + ")^2 + (x2-" + U + ")^2 + (x3-" + U + ")^2))",
            "oscillatory:4", "cos(2*pi*" + U + " + 2.25*x1 + 2.25*x2 + 2.25*x3 + 2.25*x4)",
            "discontinuous:2", "if(x > " + U + " || y > " + U + ", 0, exp(2.15*(x + y)))",
            "halfspace:3", "if(x + y + z >= 0, 1, 0)",
            "logsin:1", "log(sin(10*x) + 2) + sin(x)");

    @Test
    void aFormulaEqualsTheBuiltInTargetItWritesOutAtAThousandRandomPoints() {
        WRITTEN_OUT.forEach((key, formula) -> {
            String[] nd = key.split(":");
            Target builtin = Targets.create(nd[0], Integer.parseInt(nd[1]));
            Target written = FormulaTarget.parse(nd[0] + "-formula", formula, builtin.domain());
            Random random = new Random(16);
            int d = builtin.dimension();
            double[] x = new double[1000 * d];
            for (int i = 0; i < x.length; i++) {
                Box b = builtin.domain();
                x[i] = b.lower(i % d) + random.nextDouble() * b.width(i % d);
            }
            double[] expected = new double[1000];
            double[] actual = new double[1000];
            builtin.values(x, 1000, expected);
            written.values(x, 1000, actual);
            double spread = 0;
            for (int i = 0; i < 1000; i++) {
                // The same operations in the same order: equal to the last bit.
                assertEquals(expected[i], actual[i], 0.0, key + " at point " + i);
                spread = Math.max(spread, Math.abs(expected[i] - expected[0]));
            }
            assertNotEquals(0.0, spread, key + " is not constant"); // a test that compares something
        });
    }

    private static double at(String formula, double... x) {
        return FormulaTarget.parse("f", formula, Box.cube(Math.max(1, x.length), -2, 2)).value(x);
    }

    @Test
    void precedenceAndAssociativityAreMathematics() {
        assertEquals(-4, at("-2^2", 0), 0);       // unary minus binds looser than ^
        assertEquals(512, at("2^3^2", 0), 0);     // ^ is right-associative
        assertEquals(0.5, at("2^-1", 0), 0);
        assertEquals(-4, at("1-2-3", 0), 0);      // - and / are left-associative
        assertEquals(1, at("8/4/2", 0), 0);
        assertEquals(7, at("1+2*3", 0), 0);
        assertEquals(9, at("(1+2)*3", 0), 0);
        assertEquals(0.25, at("x^2", 0.5), 0);
        assertEquals(Math.pow(0.5, 3), at("x^3", 0.5), 0);
        assertEquals(1.5, at("-x + y", -0.5, 1), 0);
    }

    @Test
    void functionsAndConstantsAreJavaLangMaths() {
        assertEquals(Math.PI / 4, at("atan2(1, 1)", 0), 0);
        assertEquals(Math.atan2(0.3, -0.7), at("atan2(x, y)", 0.3, -0.7), 0);
        assertEquals(-1, at("sign(-3)", 0), 0);
        assertEquals(1, at("log(e)", 0), 0);
        assertEquals(3, at("log10(1000)", 0), 0);
        assertEquals(-2, at("floor(-1.5)", 0), 0);
        assertEquals(-1, at("ceil(-1.5)", 0), 0);
        assertEquals(-3, at("min(2, -3, 1)", 0), 0);
        assertEquals(2, at("max(2, -3, 1)", 0), 0);
        assertEquals(1.5, at("abs(x)", -1.5), 0);
        assertEquals(Math.sqrt(2), at("sqrt(2)", 0), 0);
        assertEquals(Math.tanh(0.3) + Math.sinh(0.3) + Math.cosh(0.3), at("tanh(x)+sinh(x)+cosh(x)", 0.3), 0);
        assertEquals(Math.asin(0.3) + Math.acos(0.3) + Math.atan(0.3) + Math.tan(0.3), at("asin(x)+acos(x)+atan(x)+tan(x)", 0.3), 0);
    }

    @Test
    void theConditionalIsPiecewise() {
        String step = "if(x < 0.5 && !(y > 1) || x == 2, 1, -1)";
        assertEquals(1, at(step, 0.4, 0.9), 0);
        assertEquals(-1, at(step, 0.4, 1.5), 0);
        assertEquals(-1, at(step, 0.6, 0.9), 0);
        assertEquals(1, at(step, 2, 1.5), 0);
        assertEquals(1, at("if(x != 0 && x <= 1 && x >= -1, 1, 0)", 0.5), 0);
        assertEquals(0, at("if(x != 0 && x <= 1 && x >= -1, 1, 0)", 0), 0);
        // Only the branch taken is evaluated: no NaN leaks from the other one.
        assertEquals(0, at("if(x > 0, log(x), 0)", -1), 0);
    }

    @Test
    void formulasThatDifferInLayoutHaveOneNormalisedText() {
        List<String> same = List.of("exp(-((x-0.3)^2 + (y-0.6)^2) / 0.01)", "exp( - ( (x1 - .3)^2+(x2-0.60)^2 ) / 1e-2 )",
                "exp(-(((x1-0.3)^2)+((x2-0.6)^2))/0.01)");
        for (String f : same) {
            assertEquals("exp(-((x1-0.3)^2+(x2-0.6)^2)/0.01)", FormulaParser.parse(f, 2).toString(), f);
        }
        assertNotEquals(FormulaParser.parse("1-(2-x)", 1).toString(), FormulaParser.parse("1-2-x", 1).toString());
        assertEquals("1-(2-x1)", FormulaParser.parse("1-(2-x)", 1).toString());
        assertEquals("(-x1)^2+-x1^2+2^-x1+x1^2^3+(x1^2)^3", FormulaParser.parse("(-x)^2 + -(x^2) + 2^(-x) + x^(2^3) + (x^2)^3", 1).toString());
        assertEquals("if(!(x1<1&&x1>0)||x1==2,100,1.0E20)", FormulaParser.parse("if(!(x<1 && x>0) || x==2, 100.0, 1e20)", 1).toString());
    }

    @Test
    void theNormalisedTextParsesToTheSameTreeAndValues() {
        for (String f : WRITTEN_OUT.values()) {
            int d = f.contains("x4") ? 4 : f.contains("z") || f.contains("x3") ? 3 : f.contains("y") ? 2 : 1;
            Expression once = FormulaParser.parse(f, d);
            assertEquals(once, FormulaParser.parse(once.toString(), d), f);
        }
    }

    /** A random well-typed tree over d variables: numeric, or a condition when asked for one. */
    private static Expression random(Random r, int depth, int d, boolean condition) {
        if (condition) {
            return switch (depth == 0 ? 0 : r.nextInt(3)) {
                case 0 -> new Expression.Binary(List.of("<", "<=", ">", ">=", "==", "!=").get(r.nextInt(6)),
                        random(r, depth - 1, d, false), random(r, depth - 1, d, false));
                case 1 -> new Expression.Unary("!", random(r, depth - 1, d, true));
                default -> new Expression.Binary(r.nextBoolean() ? "&&" : "||", random(r, depth - 1, d, true),
                        random(r, depth - 1, d, true));
            };
        }
        int pick = depth <= 0 ? r.nextInt(2) : r.nextInt(6);
        switch (pick) {
            case 0: {
                double[] literals = {0, 1, 2, 0.5, 0.1, 1e-3, 1e20, 123.25, 7.03 / 3};
                return r.nextInt(5) == 0 ? new Expression.Constant(r.nextBoolean() ? Math.PI : Math.E, null)
                        : r.nextInt(5) == 0 ? (r.nextBoolean() ? new Expression.Constant(Math.PI, "pi")
                        : new Expression.Constant(Math.E, "e")) : new Expression.Constant(literals[r.nextInt(literals.length)], null);
            }
            case 1:
                return new Expression.Variable(r.nextInt(d));
            case 2:
                return new Expression.Unary("-", random(r, depth - 1, d, false));
            case 3:
            case 4:
                return new Expression.Binary(List.of("+", "-", "*", "/", "^").get(r.nextInt(5)),
                        random(r, depth - 1, d, false), random(r, depth - 1, d, false));
            default: {
                MathFunction f = MathFunction.values()[r.nextInt(MathFunction.values().length)];
                int n = switch (f) {
                    case ATAN2 -> 2;
                    case MIN, MAX -> 2 + r.nextInt(2);
                    case IF -> 3;
                    default -> 1;
                };
                List<Expression> args = new java.util.ArrayList<>();
                for (int i = 0; i < n; i++) {
                    args.add(random(r, depth - 1, d, f == MathFunction.IF && i == 0));
                }
                return new Expression.Call(f, args);
            }
        }
    }

    @Test
    void everyTreeParsesBackFromItsNormalisedText() {
        Random r = new Random(16);
        for (int i = 0; i < 3000; i++) {
            int d = 1 + r.nextInt(5);
            Expression e = random(r, 1 + r.nextInt(5), d, false);
            String text = e.toString();
            assertEquals(e, FormulaParser.parse(text, d), text);
        }
    }

    /** An independent evaluation of a tree, node by node, as the README defines the language. */
    private static double reference(Expression e, double[] x) {
        if (e instanceof Expression.Constant c) {
            return c.value();
        }
        if (e instanceof Expression.Variable v) {
            return x[v.axis()];
        }
        if (e instanceof Expression.Unary u) {
            return -reference(u.operand(), x);
        }
        if (e instanceof Expression.Binary b) {
            double l = reference(b.left(), x);
            double r = reference(b.right(), x);
            return switch (b.operator()) {
                case "+" -> l + r;
                case "-" -> l - r;
                case "*" -> l * r;
                case "/" -> l / r;
                default -> b.right() instanceof Expression.Constant c && c.value() == 2 ? l * l : Math.pow(l, r);
            };
        }
        Expression.Call c = (Expression.Call) e;
        double[] a = c.arguments().stream().skip(c.function() == MathFunction.IF ? 1 : 0)
                .mapToDouble(arg -> reference(arg, x)).toArray();
        return switch (c.function()) {
            case IF -> test(c.arguments().get(0), x) ? a[0] : a[1];
            case MIN -> java.util.Arrays.stream(a).reduce(Math::min).orElseThrow();
            case MAX -> java.util.Arrays.stream(a).reduce(Math::max).orElseThrow();
            case ATAN2 -> Math.atan2(a[0], a[1]);
            case SIN -> Math.sin(a[0]);
            case COS -> Math.cos(a[0]);
            case TAN -> Math.tan(a[0]);
            case ASIN -> Math.asin(a[0]);
            case ACOS -> Math.acos(a[0]);
            case ATAN -> Math.atan(a[0]);
            case SINH -> Math.sinh(a[0]);
            case COSH -> Math.cosh(a[0]);
            case TANH -> Math.tanh(a[0]);
            case EXP -> Math.exp(a[0]);
            case LOG -> Math.log(a[0]);
            case LOG10 -> Math.log10(a[0]);
            case SQRT -> Math.sqrt(a[0]);
            case ABS -> Math.abs(a[0]);
            case FLOOR -> Math.floor(a[0]);
            case CEIL -> Math.ceil(a[0]);
            case SIGN -> Math.signum(a[0]);
        };
    }

    private static boolean test(Expression e, double[] x) {
        if (e instanceof Expression.Unary u) {
            return !test(u.operand(), x);
        }
        Expression.Binary b = (Expression.Binary) e;
        if (b.operator().equals("&&") || b.operator().equals("||")) {
            boolean l = test(b.left(), x);
            return b.operator().equals("&&") ? l && test(b.right(), x) : l || test(b.right(), x);
        }
        double l = reference(b.left(), x);
        double r = reference(b.right(), x);
        return switch (b.operator()) {
            case "<" -> l < r;
            case "<=" -> l <= r;
            case ">" -> l > r;
            case ">=" -> l >= r;
            case "==" -> l == r;
            default -> l != r;
        };
    }

    @Test
    void theCompiledFormulaComputesWhatTheTreeSays() {
        Random r = new Random(61);
        int finite = 0;
        for (int i = 0; i < 150; i++) {
            int d = 1 + r.nextInt(3);
            Expression e = random(r, 1 + r.nextInt(4), d, false);
            PointFunction compiled = FormulaCompiler.compile(e, d);
            for (int p = 0; p < 20; p++) {
                double[] x = new double[d];
                for (int k = 0; k < d; k++) {
                    x[k] = p < 3 ? p - 1 : 4 * r.nextDouble() - 2; // the points -1, 0, 1 hit the ties of comparisons
                }
                double expected = reference(e, x);
                assertEquals(expected, compiled.value(x, 0), 0.0, e + " at " + java.util.Arrays.toString(x));
                finite += Double.isFinite(expected) ? 1 : 0;
            }
        }
        assertTrue(finite > 1500, finite + " finite values of 3000"); // not all NaN: the comparison compared numbers
    }

    @Test
    void errorsNameTheTokenAndItsColumn() {
        FormulaException unknown = assertThrows(FormulaException.class, () -> FormulaParser.parse("x + foo(y)", 2));
        assertEquals("foo", unknown.token());
        assertEquals(5, unknown.column());
        FormulaException beyond = assertThrows(FormulaException.class, () -> FormulaParser.parse("x1 + x3", 2));
        assertEquals("x3", beyond.token());
        assertEquals(6, beyond.column());
        FormulaException method = assertThrows(FormulaException.class, () -> FormulaParser.parse("Math.sin(x)", 1));
        assertEquals(".", method.token());
        assertEquals(5, method.column());
    }

    @Test
    void aDefinitionTravelsAsItsNormalisedTextAndCompilesAgainAfterwards() throws Exception {
        TargetDefinition.OfFormula def = new TargetDefinition.OfFormula("bump", "exp(-(x - 0.3)^2/0.01)", Box.cube(1, 0, 1));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(def);
        }
        TargetDefinition back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (TargetDefinition) in.readObject();
        }
        assertEquals(def, back);
        assertEquals(Map.of("target_formula", "exp(-(x1-0.3)^2/0.01)", "target_box", "[[0.0,1.0]]"), back.identity());
        assertEquals(def.create().value(new double[] {0.35}), back.create().value(new double[] {0.35}), 0);
        assertEquals(Math.exp(-0.0025 / 0.01), back.create().value(new double[] {0.35}), 1e-15);
    }
}
