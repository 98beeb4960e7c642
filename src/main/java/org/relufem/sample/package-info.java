/**
 * Sample sets: tensor grids over a target's box, uniform random points from an explicit seed, the
 * test sets errors are measured on, and a data target's rows split into training and held-out
 * test rows ({@link org.relufem.sample.DataSplit}; a grid file's held-out rows off its coarse grid,
 * and its rows at the nodes of grids nested in that one). Every random draw comes from {@link
 * org.relufem.sample.RandomStreams}, keyed by a trial's seed and a purpose.
 */
package org.relufem.sample;
