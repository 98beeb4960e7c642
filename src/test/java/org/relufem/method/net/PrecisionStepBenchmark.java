package org.relufem.method.net;

/**
 * float32 against float64 per training step, alternating in one JVM ({@link #main}); the JMH case
 * of either precision is {@link TrainingStepBenchmark}'s ({@code -p precision=float64,float32}).
 */
public final class PrecisionStepBenchmark {
    private PrecisionStepBenchmark() {
    }

    /**
     * The ratio on a shared machine, where back-to-back JMH runs drift by tens of percent: blocks
     * of float32 and float64 steps alternating in one JVM, the fastest block of each after 10 of
     * warm-up. Arguments: width, depth (1), activation (relu), blocks (60).
     */
    public static void main(String[] args) {
        int width = Integer.parseInt(args[0]);
        int depth = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Activation activation = Activation.of(args.length > 2 ? args[2] : "relu");
        int blocks = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        TrainingStepBenchmark f32 = new TrainingStepBenchmark();
        TrainingStepBenchmark f64 = new TrainingStepBenchmark();
        for (TrainingStepBenchmark b : new TrainingStepBenchmark[] {f32, f64}) {
            b.shape = width + "x" + depth;
            b.precision = b == f32 ? "float32" : "float64";
            b.setUp(activation);
        }
        int reps = Math.max(2, 4_000_000 / (width * width * (depth - 1) + 3 * width) / 1024);
        double best32 = Double.POSITIVE_INFINITY;
        double best64 = Double.POSITIVE_INFINITY;
        double sink = 0;
        for (int block = 0; block < blocks; block++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                sink += f32.adamStep();
            }
            long t1 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                sink += f64.adamStep();
            }
            long t2 = System.nanoTime();
            if (block >= 10) {
                best32 = Math.min(best32, (t1 - t0) * 1e-3 / reps);
                best64 = Math.min(best64, (t2 - t1) * 1e-3 / reps);
            }
        }
        System.out.printf(java.util.Locale.ROOT, "2 -> %s%d %s -> 1: float32 %.1f us, float64 %.1f us a step,"
                + " float64 / float32 = %.2f (%d steps a block; %.3g)%n", depth == 1 ? "" : depth + " x ",
                width, activation.label(), best32, best64, best64 / best32, reps, sink);
    }
}
