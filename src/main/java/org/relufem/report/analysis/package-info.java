/**
 * The report's analysis, pure Java (no Spark): which axes a sweep varies and the views they call
 * for ({@link org.relufem.report.analysis.Views}), series aggregated over seeds only
 * ({@link org.relufem.report.analysis.Cell}), who wins per band of cost
 * ({@link org.relufem.report.analysis.Winners}), Pareto fronts, where a network first beats P1
 * ({@link org.relufem.report.analysis.Crossover}), and convergence orders with a fitted slope's
 * 95% interval ({@link org.relufem.report.analysis.Convergence}).
 */
package org.relufem.report.analysis;
