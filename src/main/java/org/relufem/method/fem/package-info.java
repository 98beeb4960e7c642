/**
 * Finite-element interpolation on tensor grids: P1 on the Kuhn (Freudenthal) triangulation in any
 * dimension and Q1 (multilinear) on the same grid, both O(1) in the node count per point.
 */
package org.relufem.method.fem;
