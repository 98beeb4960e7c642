/**
 * Finite elements. On tensor grids: nodal P1 interpolation on the Kuhn (Freudenthal) triangulation
 * in any dimension and Q1 (multilinear) on the same grid, both O(1) in the node count per point;
 * and {@code relu_fem}, the P1 interpolant written exactly as a ReLU network (He, Li, Xu &amp; Zheng
 * 2020). On scattered 2-D samples: P1 on their Delaunay triangulation
 * ({@link org.relufem.method.fem.ScatteredP1}, JTS), located through a bucket grid, and the
 * least-squares fit of any samples in a grid's P1 space ({@link org.relufem.method.fem.L2Projection})
 * from sparse normal equations with EJML.
 */
package org.relufem.method.fem;
