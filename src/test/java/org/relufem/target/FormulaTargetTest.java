package org.relufem.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
