/**
 * Polynomial baselines (issue #7): orthonormal Legendre polynomials and their tensor products on a
 * box, total-degree and hyperbolic-cross index sets, {@code poly_lsq} (least squares by QR) and
 * {@code poly_cs} (weighted square-root LASSO by restarted primal-dual iteration), the
 * best-in-class polynomial methods of Adcock &amp; Dexter (2021).
 */
package org.relufem.method.poly;
