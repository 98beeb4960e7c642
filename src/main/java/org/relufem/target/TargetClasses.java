package org.relufem.target;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Loads a user's {@link Target} class by name from the thread's context class loader (the
 * application classpath, {@code RELUFEM_CLASSPATH} locally, or the jars a cluster was given with
 * {@code --jars}) and instantiates it through the constructor {@link Target}'s contract names: a
 * public {@code (int dim)} constructor if the class has one, else its public no-argument one.
 */
public final class TargetClasses {
    private TargetClasses() {
    }

    /**
     * Whether {@code className} names a loadable, public, concrete {@link Target} with a public
     * {@code (int dim)} constructor (true) or only a public no-argument one (false).
     *
     * @throws IllegalArgumentException naming what the class lacks
     */
    public static boolean takesDimension(String className) {
        return constructor(load(className)).getParameterCount() == 1;
    }

    /**
     * An instance in dimension {@code dim} (null: the dimension the no-argument constructor gives).
     *
     * @throws IllegalArgumentException if the class cannot be loaded or instantiated, or its box has another dimension
     */
    public static Target instantiate(String className, Integer dim) {
        Constructor<?> c = constructor(load(className));
        if (c.getParameterCount() == 1 && dim == null) {
            throw new IllegalArgumentException("class " + className + " takes its dimension (a public (int dim)"
                    + " constructor): give dim = ...");
        }
        Target t;
        try {
            t = (Target) (c.getParameterCount() == 1 ? c.newInstance(dim) : c.newInstance());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("the constructor of class " + className
                    + (c.getParameterCount() == 1 ? " in dim = " + dim : "") + " threw "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("class " + className + " cannot be instantiated: " + e, e);
        }
        Box box;
        try {
            box = t.domain();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("domain() of class " + className + " threw " + e, e);
        }
        if (box == null) {
            throw new IllegalArgumentException("domain() of class " + className + " returned null; it must return the"
                    + " target's box");
        }
        if (dim != null && box.dimension() != dim) {
            throw new IllegalArgumentException("class " + className + " in dim = " + dim + " gives a box of dimension "
                    + box.dimension() + " (" + box + ")");
        }
        return t;
    }

    private static Class<?> load(String className) {
        if (!className.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
            throw new IllegalArgumentException("'" + className + "' is not a Java class name, e.g. com.example.MyTarget");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> c;
        try {
            c = Class.forName(className, true, loader != null ? loader : TargetClasses.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class " + className + " is not on the classpath (locally, add its jar"
                    + " to RELUFEM_CLASSPATH; on a cluster, pass it with --jars)", e);
        } catch (LinkageError e) {
            throw new IllegalArgumentException("class " + className + " cannot be loaded: " + e, e);
        }
        if (!Target.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("class " + className + " does not implement " + Target.class.getName());
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            throw new IllegalArgumentException("class " + className + " is abstract; give a concrete class");
        }
        if (!Modifier.isPublic(c.getModifiers()) || (c.getEnclosingClass() != null && !Modifier.isStatic(c.getModifiers()))) {
            throw new IllegalArgumentException("class " + className + " must be public (and static, if nested)");
        }
        return c;
    }

    private static Constructor<?> constructor(Class<?> c) {
        try {
            return c.getConstructor(int.class);
        } catch (NoSuchMethodException e) {
            try {
                return c.getConstructor();
            } catch (NoSuchMethodException none) {
                throw new IllegalArgumentException("class " + c.getName() + " has neither a public (int dim) nor a public"
                        + " no-argument constructor");
            }
        }
    }
}
