package org.relufem.target;

/** A target function f: domain -> R. Implementations are immutable and thread-safe. */
public interface Target extends PointFunction {
    /** Registry name, e.g. {@code seed2d}. */
    String name();

    /** The box the function is approximated on. */
    Box domain();

    @Override
    default int dimension() {
        return domain().dimension();
    }
}
