package org.relufem.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.relufem.sample.Samplers;
import org.relufem.target.FormulaTarget;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/**
 * A formula target against the built-in target it writes out, at 100000 uniform points: the
 * score is time per point (issue 16's goal: a formula costs at most about twice its built-in).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FormulaBenchmark {
    static final int POINTS = 100_000;

    /** seed2d, or Genz's gaussian in 3-D. */
    @Param({"seed2d", "gaussian3"})
    public String target;

    @Param({"builtin", "formula"})
    public String form;

    private Target f;
    private double[] points;
    private double[] out;

    /** The formula of a built-in target, in the order of operations its Java code has. */
    static String formula(String target) {
        if (target.equals("seed2d")) {
            return "sin(pi*x)*cos(pi*y) + 0.1*(x^2 + y^2)";
        }
        String a = Double.toString(7.03 / 3);
        String u = Double.toString((Math.sqrt(5) - 1) / 2);
        return "exp(-" + a + "*" + a + "*((x1-" + u + ")^2 + (x2-" + u + ")^2 + (x3-" + u + ")^2))";
    }

    static Target builtin(String target) {
        return target.equals("seed2d") ? Targets.create("seed2d", 2) : Targets.create("gaussian", 3);
    }

    @Setup(Level.Trial)
    public void setUp() {
        Target builtin = builtin(target);
        f = form.equals("builtin") ? builtin : FormulaTarget.parse(target + "-formula", formula(target), builtin.domain());
        points = Samplers.test(builtin, POINTS, 0).points();
        out = new double[POINTS];
    }

    @Benchmark
    @OperationsPerInvocation(POINTS)
    public double[] evaluate() {
        f.values(points, POINTS, out);
        return out;
    }
}
