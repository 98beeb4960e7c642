package org.relufem.sweep;

import java.util.Locale;

/** Trials for tests, written the way users write them: as spec text. */
public final class Trials {
    private Trials() {
    }

    /** The trials of {@code methods = [ block ]} on seed2d, with {@code test { points, seeds = [testSeed] }}. */
    public static TrialSpace space(String block, int testPoints, long testSeed) {
        String spec = String.format(Locale.ROOT, """
                sweep = t
                targets = [ { name = seed2d } ]
                test { points = %d, seeds = [%d] }
                methods = [ %s ]
                """, testPoints, testSeed, block);
        return new TrialSpace(SpecParser.parse(spec, "trials.conf"));
    }

    /** The one trial of {@link #space}. */
    public static Trial only(String block, int testPoints, long testSeed) {
        TrialSpace space = space(block, testPoints, testSeed);
        if (space.size() != 1) {
            throw new IllegalArgumentException(space.size() + " trials in " + block);
        }
        return space.trial(0);
    }
}
