/**
 * Sample sets: tensor grids over a target's box, uniform random points from an explicit seed, the
 * test sets errors are measured on, and a data target's rows split into training and held-out
 * test rows ({@link org.relufem.sample.DataSplit}). Every random draw comes from {@link
 * org.relufem.sample.RandomStreams}, keyed by a trial's seed and a purpose.
 */
package org.relufem.sample;
