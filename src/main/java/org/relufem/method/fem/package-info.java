/**
 * Finite-element interpolation on tensor grids: P1 on the Kuhn (Freudenthal) triangulation in any
 * dimension and Q1 (multilinear) on the same grid, both O(1) in the node count per point; and
 * {@code relu_fem}, the P1 interpolant written exactly as a ReLU network (He, Li, Xu &amp; Zheng 2020).
 */
package org.relufem.method.fem;
