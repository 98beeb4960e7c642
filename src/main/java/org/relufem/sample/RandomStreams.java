package org.relufem.sample;

import java.util.SplittableRandom;

/**
 * Seeded random streams, split by purpose so that (say) init seed 0 and test seed 0 never share
 * draws. {@link SplittableRandom}'s algorithm (SplitMix64) is fixed by its specification, so a
 * seed gives the same numbers on every JVM and machine.
 */
public final class RandomStreams {
    /** Test points. */
    public static final long TEST = 0x7E57_0000L;
    /** Scattered training points. */
    public static final long TRAIN = 0x7EA1_0000L;
    /** Network initial weights. */
    public static final long INIT = 0x1D17_0000L;
    /** Mini-batch shuffling. */
    public static final long BATCH = 0xBA7C_0000L;
    /** The init seeds of boosting stages 2, 3, ...: this plus the stage. */
    public static final long BOOST = 0xB005_0000L;
    /** A data target's split into training and test rows. */
    public static final long SPLIT = 0x5B17_0000L;

    private RandomStreams() {
    }

    /** The stream for {@code seed} and {@code purpose} (one of the constants above). */
    public static SplittableRandom of(long seed, long purpose) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + purpose));
    }

    /** SplitMix64's finaliser: a bijection that spreads nearby inputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
