package org.relufem.target;

/** A target on a cube [lower, upper]^d under its registry name: what the families here share. */
abstract class CubeTarget implements Target {
    private final String name;
    /** The cube; {@code domain.dimension()} is d. */
    final Box domain;

    CubeTarget(String name, int dim, double lower, double upper) {
        this.name = name;
        this.domain = Box.cube(dim, lower, upper);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Box domain() {
        return domain;
    }
}
