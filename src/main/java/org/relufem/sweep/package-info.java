/**
 * Sweep specs and trials, no Spark here. {@link org.relufem.sweep.SpecParser} reads a HOCON spec
 * into a {@link org.relufem.sweep.SweepSpec} value (its targets entries by {@link
 * org.relufem.sweep.TargetReader}), {@link org.relufem.sweep.TrialSpace} expands its
 * grid of named axes by mixed-radix index without materialising it, and
 * {@link org.relufem.sweep.TrialRunner} turns one {@link org.relufem.sweep.Trial} into its result
 * rows, whose columns {@link org.relufem.sweep.ResultColumns} declares once. What a method family
 * knows (its keys, axes, parameters, approximator, cost and columns) lives in
 * {@code org.relufem.sweep.family}; nothing here names a method.
 */
package org.relufem.sweep;
