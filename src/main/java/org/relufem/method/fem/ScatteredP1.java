package org.relufem.method.fem;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.triangulate.DelaunayTriangulationBuilder;
import org.locationtech.jts.triangulate.quadedge.Vertex;
import org.relufem.method.Approximant;
import org.relufem.method.Approximator;
import org.relufem.sample.SampleSet;

/**
 * {@code p1_scattered}: continuous piecewise-linear interpolation of scattered 2-D samples on
 * their Delaunay triangulation (JTS's incremental Delaunay triangulator, Guibas and Stolfi's
 * quad-edge structure), the same interpolant as scipy's {@code LinearNDInterpolator}. Evaluation
 * and the rule outside the samples' convex hull are described in {@link DelaunayInterpolant}.
 * Degrees of freedom: the sample values. Immutable.
 */
public final class ScatteredP1 implements Approximator {
    /** The {@code method} name used in specs and results. */
    public static final String METHOD_NAME = "p1_scattered";

    /**
     * Triangulates the points of {@code data} and interpolates its values.
     *
     * @throws IllegalArgumentException unless the data are 2-D with three points not all on a line
     */
    @Override
    public Approximant fit(SampleSet data) {
        if (data.dimension() != 2) {
            throw new IllegalArgumentException(METHOD_NAME + " triangulates points in the plane (dim = 2), got dim = "
                    + data.dimension());
        }
        int m = data.count();
        double[] p = data.points();
        List<Coordinate> sites = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            // z carries the sample's index through JTS, which sorts and de-duplicates the sites.
            sites.add(new Coordinate(p[2 * i], p[2 * i + 1], i));
        }
        DelaunayTriangulationBuilder builder = new DelaunayTriangulationBuilder();
        builder.setSites(sites);
        @SuppressWarnings("unchecked")
        List<Vertex[]> triangles = builder.getSubdivision().getTriangleVertices(false);
        if (triangles.isEmpty()) {
            throw new IllegalArgumentException(METHOD_NAME + " needs three points not on one line, got " + m
                    + " points without a triangle");
        }
        int[] corners = new int[3 * triangles.size()];
        int t = 0;
        for (Vertex[] triangle : triangles) {
            for (Vertex v : triangle) {
                corners[t++] = (int) v.getZ();
            }
        }
        return new DelaunayInterpolant(p, data.values().clone(), corners);
    }
}
