/**
 * Sample sets: tensor grids over a target's box, uniform random points from an explicit seed, and
 * the test sets errors are measured on. Every random draw comes from {@link
 * org.relufem.sample.RandomStreams}, keyed by a trial's seed and a purpose.
 */
package org.relufem.sample;
