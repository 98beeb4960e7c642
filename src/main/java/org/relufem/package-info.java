/**
 * relufem: when does a trained ReLU network beat finite elements, and at what cost?
 *
 * <p>The numerical packages ({@code target}, {@code sample}, {@code method}, {@code metric}) are
 * plain Java with no Spark dependency; everything an executor computes for one trial lives there.
 * The root holds what every layer shares: {@link org.relufem.BadInputException}, the one kind of
 * error that means "your input is wrong" (exit code 2).
 */
package org.relufem;
