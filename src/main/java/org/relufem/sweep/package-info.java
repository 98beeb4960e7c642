/**
 * Sweep specs and trials: {@link org.relufem.sweep.SweepSpec} parses and validates a HOCON spec,
 * {@link org.relufem.sweep.TrialSpace} expands its grid by mixed-radix index without materialising
 * it, and {@link org.relufem.sweep.TrialRunner} turns one {@link org.relufem.sweep.Trial} into its
 * result rows. No Spark here.
 */
package org.relufem.sweep;
