package org.relufem.target;

/**
 * Classes a spec may name that break {@link Target}'s contract or {@link TargetClasses}' rules,
 * one each, for the malformed-input table ({@code org.relufem.cli.MalformedInputTest}).
 */
public final class BadTargets {
    private BadTargets() {
    }

    /** What the others vary: sin(x1 + ... + xd) on [0, 1]^d. */
    public abstract static class Base implements Target {
        private final Box box;

        Base(int dim) {
            box = Box.cube(dim, 0, 1);
        }

        @Override
        public String name() {
            return getClass().getSimpleName().toLowerCase();
        }

        @Override
        public Box domain() {
            return box;
        }

        @Override
        public double value(double[] x, int o) {
            double s = 0;
            for (int k = 0; k < box.dimension(); k++) {
                s += x[o + k];
            }
            return Math.sin(s);
        }
    }

    /** Its constructor throws. */
    public static final class Throwing extends Base {
        public Throwing(int dim) {
            super(dim);
            throw new IllegalStateException("no licence for dim = " + dim);
        }
    }

    /** Always 2-D, whatever dimension it is given. */
    public static final class WrongDim extends Base {
        public WrongDim(int dim) {
            super(2);
        }
    }

    /** A no-argument class in 2-D. */
    public static final class Fixed extends Base {
        public Fixed() {
            super(2);
        }
    }

    /** Its only constructor takes a String. */
    public static final class NoConstructor extends Base {
        public NoConstructor(String dim) {
            super(Integer.parseInt(dim));
        }
    }

    /** Not public. */
    static final class Hidden extends Base {
        public Hidden() {
            super(2);
        }
    }

    /** 1 / x1: infinite at the box's lower corner. */
    public static final class Pole extends Base {
        public Pole(int dim) {
            super(dim);
        }

        @Override
        public double value(double[] x, int o) {
            return 1 / x[o];
        }
    }

    /** A different value on every call. */
    public static final class Noisy extends Base {
        private final java.util.concurrent.atomic.AtomicLong calls = new java.util.concurrent.atomic.AtomicLong();

        public Noisy(int dim) {
            super(dim);
        }

        @Override
        public double value(double[] x, int o) {
            return super.value(x, o) + 1e-9 * calls.incrementAndGet();
        }
    }

    /** Its value throws. */
    public static final class Broken extends Base {
        public Broken(int dim) {
            super(dim);
        }

        @Override
        public double value(double[] x, int o) {
            throw new UnsupportedOperationException("not written yet");
        }
    }

    /** Names itself with a space. */
    public static final class Spaced extends Base {
        public Spaced(int dim) {
            super(dim);
        }

        @Override
        public String name() {
            return "my target";
        }
    }

    /** Names itself after a registered target. */
    public static final class Impostor extends Base {
        public Impostor(int dim) {
            super(dim);
        }

        @Override
        public String name() {
            return "gaussian";
        }
    }

    /** Has no box. */
    public static final class Boxless extends Base {
        public Boxless(int dim) {
            super(dim);
        }

        @Override
        public Box domain() {
            return null;
        }
    }
}
