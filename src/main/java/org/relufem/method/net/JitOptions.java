package org.relufem.method.net;

import java.util.List;

/**
 * The JVM option every JVM that runs relufem's Vector API kernels should have, and why: it cannot
 * be set once the JVM runs, so {@code jobs/common.bash} ({@code jit_options}, for drivers and
 * benchmarks), {@code pom.xml} ({@code relufem.jit.options}, for tests) and
 * {@code Sessions} (appended to {@code spark.executor.extraJavaOptions}, for a cluster's
 * executors) pass it; {@code JitOptionsTest} checks that each copy says the same.
 *
 * <p>{@code -XX:PerMethodTrapLimit=10000} (HotSpot's default is 100). C2 (JDK 17) adds up, over
 * every method it inlines into a compile unit, the uncommon traps that method's profile records,
 * once per inlined copy, and past PerMethodTrapLimit it no longer speculates on a receiver's class
 * anywhere in that unit: it keeps a virtual call beside each guess. The Vector API inlines the same
 * small JDK methods (VectorOperators.opCode, opKind) dozens of times into one kernel, so a JVM in
 * which those methods happened to record a few class-check traps (4 each: it depends on what the
 * compiler threads compiled first) put a whole kernel past the limit. There a vector's species
 * reaches {@code intoArray} as a merge of the guess and the call, not a constant, the store is
 * not intrinsified ("missing constant: vclass=DecodeN", -XX:+PrintIntrinsics), every vector in
 * the loop is boxed, and the loop runs 5-9x slower: in about one JVM in eight the smooth
 * activations' steps (2 -&gt; 100 -&gt; 1, ActivationStepBenchmark's main) took 6-8x ReLU's
 * instead of 1.5-2.3x, and {@code NetTrainingTest.aTrainingStepAllocatesNothing} failed in 2 of 3
 * runs of an adversarial test order (145 MB allocated; DenseLanes.transposeWide's stores). The
 * largest sum in such a JVM's LogCompilation was 248; with the limit at 10000 the test order passed
 * 10 of 10 and no slow JVM showed in 30 benchmark runs (a rate of one in eight gives a clean 30 in
 * about 2% of batches; one batch of 30 without the flag was clean too, so the compile log is the
 * stronger evidence). Traps at one bytecode still stop their own
 * speculation (PerBytecodeTrapLimit), so a method that really traps is not recompiled forever.
 *
 * <p>A JVM other than HotSpot ignores it ({@code -XX:+IgnoreUnrecognizedVMOptions}, one of
 * Spark's module options); without it the kernels give the same values, only sometimes slower.
 */
public final class JitOptions {
    /** The HotSpot flag and the value relufem runs with. */
    static final String FLAG = "PerMethodTrapLimit";
    static final int TRAP_LIMIT = 10000;

    /** The options, as a JVM's command line takes them. */
    public static final List<String> OPTIONS = List.of("-XX:" + FLAG + "=" + TRAP_LIMIT);

    private JitOptions() {
    }

    /**
     * A JVM options string (as spark.executor.extraJavaOptions holds one) with the options added,
     * unless it sets the flag itself: the user's setting wins.
     */
    public static String addedTo(String javaOptions) {
        String given = javaOptions == null ? "" : javaOptions.trim();
        if (given.contains("-XX:" + FLAG + "=")) {
            return given;
        }
        return (given + " " + String.join(" ", OPTIONS)).trim();
    }
}
