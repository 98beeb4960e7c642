package org.relufem.method.net;

import java.util.SplittableRandom;
import org.relufem.sample.SampleSet;

/**
 * Where training starts: a network's initial parameters. Random initialisers draw everything from
 * the stream they are given (the trial's init stream), so a seed fixes the start on any machine;
 * exact constructions (the P1 interpolant as a network) read the training data instead.
 */
public interface Initializer {
    /**
     * A new {@code data.dimension()} -> {@code width} x {@code depth} -> 1 network.
     *
     * @param data the training data. Not modified.
     * @param random the source of every random draw. Modified.
     * @throws IllegalArgumentException if this initialiser cannot start from {@code data} or this shape
     */
    Network initialNetwork(SampleSet data, int width, int depth, SplittableRandom random);
}
