package org.relufem.method.fem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.ConvexHull;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.operation.distance.DistanceOp;
import org.relufem.method.Approximant;
import org.relufem.metric.Errors;
import org.relufem.metric.RateFit;
import org.relufem.sample.SampleSet;
import org.relufem.sample.Samplers;
import org.relufem.target.Box;
import org.relufem.target.Formula;
import org.relufem.target.Target;
import org.relufem.target.Targets;

/** Delaunay P1 on scattered 2-D points: affine reproduction, the outside-hull rule, nodality, second-order convergence, O(1) lookup. */
class ScatteredP1Test {
    private static final Box BOX = new Box(new double[] {-0.5, 0.3}, new double[] {0.5, 2.0});
    private static final ScatteredP1 METHOD = new ScatteredP1();

    /**
     * Inside the samples' convex hull an affine function is reproduced; outside, the value is the
     * affine function at the nearest point of the hull. Hull and nearest points come from JTS's
     * geometry operations, independent of the triangulation and of the lookup under test.
     */
    @Test
    void reproducesAffineFunctionsInsideTheHullAndProjectsOntoItOutside() {
        Target affine = new Formula(BOX, x -> 0.25 + 0.7 * x[0] - 1.3 * x[1]);
        GeometryFactory factory = new GeometryFactory();
        for (int m : new int[] {5, 40, 2000}) {
            SampleSet data = Samplers.uniform(affine, m, m);
            Approximant g = METHOD.fit(data);
            Coordinate[] sites = new Coordinate[m];
            for (int i = 0; i < m; i++) {
                sites[i] = new Coordinate(data.points()[2 * i], data.points()[2 * i + 1]);
            }
            Geometry hull = new ConvexHull(sites, factory).getConvexHull();
            SampleSet test = Samplers.test(affine, 5000, 3);
            double[] points = Arrays.copyOf(test.points(), test.points().length + 18);
            int k = test.points().length;
            for (double x : new double[] {-0.5, 0, 0.5}) { // the box's corners and edge midpoints
                for (double y : new double[] {0.3, 1.15, 2.0}) {
                    points[k++] = x;
                    points[k++] = y;
                }
            }
            int inside = 0;
            int outside = 0;
            for (int i = 0; i < points.length / 2; i++) {
                Point p = factory.createPoint(new Coordinate(points[2 * i], points[2 * i + 1]));
                double[] expectedAt = {points[2 * i], points[2 * i + 1]};
                if (hull.covers(p)) {
                    inside++;
                } else {
                    Coordinate nearest = DistanceOp.nearestPoints(hull, p)[0];
                    expectedAt = new double[] {nearest.x, nearest.y};
                    outside++;
                }
                double error = Math.abs(g.value(points, 2 * i) - affine.value(expectedAt));
                assertTrue(error < 1e-12, "m = " + m + " at (" + points[2 * i] + ", " + points[2 * i + 1]
                        + "): error " + error);
            }
            assertTrue(inside > 500 && outside >= 9, "m = " + m + ": " + inside + " inside, " + outside + " outside");
            assertEquals(m, g.degreesOfFreedom());
        }
    }

    @Test
    void interpolatesTheSamplesOfANonlinearTarget() {
        SampleSet data = Samplers.uniform(Targets.create("seed2d", 2), 500, 4);
        var g = METHOD.fit(data);
        for (int i = 0; i < data.count(); i++) {
            assertEquals(data.values()[i], g.value(data.points(), 2 * i), 1e-12);
        }
    }

    /**
     * h ~ m^(-1/2), so an O(h^2) error falls like m^(-1): away from the box's boundary the RMSE's
     * log-log slope against m is -1, and the finest error is close to grid P1's with as many nodes.
     * Over the whole box the rate is about m^(-1/2): uniform points put only O(log m) vertices on
     * the hull, so its edges stay long (O(1 / log m)) and the thin triangles along them, of total
     * area O(log m / m), carry O(1) errors. That is a property of the method on uniform samples
     * (scipy's LinearNDInterpolator has it too), not of the outside-hull rule: the worst points
     * are inside the hull. The bounds on the whole-box slope pin that down.
     */
    @Test
    void rmseConvergesAtSecondOrderAwayFromTheBoundary() {
        Target target = Targets.create("oscillatory", 2); // on [0, 1]^2
        SampleSet test = Samplers.test(target, 20000, 1);
        int inner = 0;
        double[] innerPoints = new double[test.points().length];
        double[] innerValues = new double[test.count()];
        for (int i = 0; i < test.count(); i++) {
            double x = test.points()[2 * i];
            double y = test.points()[2 * i + 1];
            if (Math.min(Math.min(x, y), Math.min(1 - x, 1 - y)) > 0.05) {
                innerPoints[2 * inner] = x;
                innerPoints[2 * inner + 1] = y;
                innerValues[inner++] = test.values()[i];
            }
        }
        SampleSet interior = new SampleSet(2, Arrays.copyOf(innerPoints, 2 * inner), Arrays.copyOf(innerValues, inner), null);
        int[] counts = {500, 1000, 2000, 4000, 8000, 16000};
        double[] m = new double[counts.length];
        double[] rmse = new double[counts.length];
        double[] wholeBox = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            m[i] = counts[i];
            Approximant g = METHOD.fit(Samplers.uniform(target, counts[i], 7));
            rmse[i] = Errors.of(g, interior).rmse();
            wholeBox[i] = Errors.of(g, test).rmse();
        }
        assertEquals(-1.0, RateFit.of(m, rmse).slope(), 0.1, "interior RMSE rate in m");
        double grid = Errors.of(GridInterpolation.P1.fit(Samplers.grid(target, 127)), interior).rmse();
        double finest = rmse[counts.length - 1];
        assertTrue(finest > 0.5 * grid && finest < 5 * grid, "finest " + finest + " against grid P1 " + grid);
        double wholeRate = RateFit.of(m, wholeBox).slope();
        assertTrue(wholeRate < -0.35 && wholeRate > -0.8, "whole-box RMSE rate " + wholeRate);
    }

    @Test
    void lookupCostStaysBoundedAsTheMeshRefines() {
        Target target = Targets.create("seed2d", 2);
        for (int m : new int[] {1000, 4000, 16000}) {
            DelaunayInterpolant g = (DelaunayInterpolant) METHOD.fit(Samplers.uniform(target, m, 2));
            assertTrue(g.meanBucket() < 8, "m = " + m + ": mean bucket " + g.meanBucket());
            assertTrue(g.largestBucket() < 40, "m = " + m + ": largest bucket " + g.largestBucket());
            assertTrue(g.hullEdges() < 80, "m = " + m + ": hull edges " + g.hullEdges());
        }
    }

    @Test
    void refusesOtherDimensionsAndCollinearPoints() {
        SampleSet threeD = Samplers.uniform(Targets.create("oscillatory", 3), 50, 0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> METHOD.fit(threeD))
                .getMessage().contains("dim = 2"));
        SampleSet line = new SampleSet(2, new double[] {0, 0, 1, 1, 2, 2, 3, 3}, new double[4], null);
        assertThrows(IllegalArgumentException.class, () -> METHOD.fit(line));
    }
}
