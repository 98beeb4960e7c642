package org.relufem.target;

/** The seed study's target f(x, y) = sin(pi x) cos(pi y) + 0.1 (x^2 + y^2) on [0,1]^2. */
final class Seed2d implements Target {
    private static final Box DOMAIN = Box.cube(2, 0, 1);

    @Override
    public String name() {
        return "seed2d";
    }

    @Override
    public Box domain() {
        return DOMAIN;
    }

    @Override
    public double value(double[] p, int o) {
        double x = p[o];
        double y = p[o + 1];
        return Math.sin(Math.PI * x) * Math.cos(Math.PI * y) + 0.1 * (x * x + y * y);
    }
}
