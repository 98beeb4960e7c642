package org.relufem.method.net;

import java.util.SplittableRandom;
import org.relufem.sample.SampleSet;

/**
 * The random initialisers. Every one draws layer by layer, W_l (out x in, row-major, PyTorch's
 * order) before b_l, from the stream it is given; normal deviates come from Box-Muller on
 * {@link StrictMath}, whose results are fixed by specification, so a seed gives the same
 * parameters on every JVM (unlike {@code nextGaussian}, whose algorithm is not specified).
 */
public final class Initializers {
    /** PyTorch's {@code nn.Linear} default, see {@link Network#torchDefault}. */
    public static final Initializer TORCH = new Torch();
    /** Kaiming/He normal for ReLU, see {@link He}. */
    public static final Initializer HE = new He();

    private Initializers() {
    }

    /** PyTorch's default: W and b ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)). */
    public record Torch() implements Initializer {
        @Override
        public Network initialNetwork(SampleSet data, int width, int depth, SplittableRandom random) {
            return Network.torchDefault(data.dimension(), width, depth, random);
        }
    }

    /**
     * He, Zhang, Ren &amp; Sun (2015), "Delving deep into rectifiers", eq. 10: W_l ~ N(0, 2 / fan_in),
     * which keeps the second moment of the pre-activations constant through ReLU layers; b_l = 0.
     * The output layer too, with fan_in its input width.
     */
    public record He() implements Initializer {
        @Override
        public Network initialNetwork(SampleSet data, int width, int depth, SplittableRandom random) {
            return draw(data.dimension(), width, depth, random, true, Double.NaN);
        }
    }

    /**
     * Every weight and bias ~ N(0, std^2), as in Adcock &amp; Dexter (2021), who start from normal
     * weights of a fixed standard deviation.
     *
     * @param std the standard deviation, positive
     */
    public record Normal(double std) implements Initializer {
        public Normal {
            if (!(std > 0) || Double.isInfinite(std)) {
                throw new IllegalArgumentException("init_std must be positive and finite, got " + std);
            }
        }

        @Override
        public Network initialNetwork(SampleSet data, int width, int depth, SplittableRandom random) {
            return draw(data.dimension(), width, depth, random, false, std);
        }
    }

    /** He's scheme ({@code he}) or N(0, std^2) for everything. */
    private static Network draw(int inputs, int width, int depth, SplittableRandom random, boolean he,
                                    double std) {
        Network.requirePositive("width", width);
        Network.requirePositive("depth", depth);
        double[] parameters = new double[(int) Network.parameterCount(inputs, width, depth)];
        int at = 0;
        for (int l = 0; l <= depth; l++) {
            int fanIn = l == 0 ? inputs : width;
            int fanOut = l == depth ? 1 : width;
            double weightStd = he ? Math.sqrt(2.0 / fanIn) : std;
            for (int i = 0; i < fanIn * fanOut; i++) {
                parameters[at++] = weightStd * gaussian(random);
            }
            for (int j = 0; j < fanOut; j++) {
                parameters[at++] = he ? 0 : std * gaussian(random);
            }
        }
        return Network.of(inputs, width, depth, parameters);
    }

    /**
     * A standard normal deviate by Box-Muller (one of the pair): sqrt(-2 ln u) cos(2 pi v) with
     * u = 1 - U in (0, 1], so the logarithm is finite.
     */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
