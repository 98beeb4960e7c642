package org.relufem.method.fem;

import java.util.SplittableRandom;
import org.relufem.method.net.Initializer;
import org.relufem.method.net.Network;
import org.relufem.sample.SampleSet;

/**
 * The initialiser {@code relu_fem}: training starts from the exact ReLU network of the training
 * data's P1 interpolant ({@link ReluFemNetwork}), padded to the trained shape, so a sweep can ask
 * whether gradient descent keeps or loses FEM's accuracy. Draws nothing from the random stream.
 */
public record ReluFemInitializer() implements Initializer {
    /**
     * @throws IllegalArgumentException for scattered data, or a shape narrower or shallower than
     *     the construction needs
     */
    @Override
    public Network initialNetwork(SampleSet data, int width, int depth, SplittableRandom random) {
        if (!data.isGrid()) {
            throw new IllegalArgumentException("init = " + ReluFem.METHOD_NAME + " starts from the P1 interpolant of"
                    + " grid data and needs sampler = grid, got " + data.count() + " scattered points");
        }
        return new ReluFemNetwork(data.grid()).network(data.values(), width, depth);
    }
}
