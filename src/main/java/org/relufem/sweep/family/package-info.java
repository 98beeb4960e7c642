/**
 * The method families, one home each: {@link org.relufem.sweep.family.GridInterpolants},
 * {@link org.relufem.sweep.family.ScatteredElements}, {@link org.relufem.sweep.family.Networks} and
 * {@link org.relufem.sweep.family.Polynomials} (each file lists its methods), registered in
 * {@link org.relufem.sweep.family.MethodFamilies}. A family says which samplers and keys its
 * methods take and reads a block's keys into named {@link org.relufem.sweep.family.MethodAxes}; a
 * trial carries its family's {@link org.relufem.sweep.family.MethodParams} (a sealed type), which
 * name the parameters entering trial_id, build the approximator and estimate the cost.
 *
 * <p>Adding a method to a family is its implementation (under {@code org.relufem.method}) and one
 * more entry in the family's file; adding a family is its file, one line in
 * {@code MethodFamilies} and one in {@code MethodParams}' permits clause.
 */
package org.relufem.sweep.family;
