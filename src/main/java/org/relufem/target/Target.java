package org.relufem.target;

/**
 * A target function f: domain -&gt; R. Public API: a spec names a class implementing it with
 * {@code targets = [ { class = "com.example.MyTarget", dim = 3 } ]} (README, "Your own function").
 *
 * <p>The contract every implementation keeps, built-in or a user's:
 * <ul>
 * <li><b>pure</b>: {@link #value(double[], int)} depends on the point only and modifies nothing,
 *     neither its argument nor any state;
 * <li><b>thread-safe</b>: one instance is shared by the threads of an executor;
 * <li><b>deterministic</b>: the same point gives the same value on every call, JVM and machine
 *     (no {@code Math.random}, clock or mutable static state), so that trial ids name the rows;
 * <li><b>its box</b>: {@link #domain()} is the box it is approximated on, the same on every call;
 *     values there are finite.
 * </ul>
 * A user's class is public and concrete, with a public {@code (int dim)} constructor, called
 * with each dimension of the spec's {@code dim} axis, or else a public no-argument constructor,
 * whose box gives the dimension ({@link TargetClasses}).
 */
public interface Target extends PointFunction {
    /** The name rows carry in the {@code target} column, e.g. {@code seed2d}; a spec's {@code name} overrides a class's. */
    String name();

    /** The box the function is approximated on. */
    Box domain();

    @Override
    default int dimension() {
        return domain().dimension();
    }
}
