/**
 * Benchmarks (not tests): JMH kernels for a training step and for interpolation, and {@link
 * org.relufem.bench.BenchMain}, which {@code jobs/bench} runs beside the peers. Nothing here asserts
 * on time.
 */
package org.relufem.bench;
