package org.relufem.report.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The observations of one setting (at one x of a chart): its seeds, which the report aggregates
 * over and nothing else. Medians interpolate between the middle two of an even count, as Spark's
 * {@code percentile(x, 0.5)} does.
 */
public record Cell(List<Observation> observations) {

    public Cell {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("a cell needs at least one observation");
        }
        observations = List.copyOf(observations);
    }

    /** Number of observations (seeds). */
    public int count() {
        return observations.size();
    }

    /** The settings the cell's observations share (those of its first; see {@link #distinctSettings()}). */
    public Map<String, Object> settings() {
        return observations.get(0).settings();
    }

    /** How many distinct settings the observations have: 1 unless something was pooled. */
    public long distinctSettings() {
        return observations.stream().map(Observation::settings).distinct().count();
    }

    public String method() {
        return observations.get(0).method();
    }

    public double median(Metric m) {
        return median(observations.stream().mapToDouble(o -> o.error(m)).toArray());
    }

    public double min(Metric m) {
        return observations.stream().mapToDouble(o -> o.error(m)).min().orElseThrow();
    }

    public double max(Metric m) {
        return observations.stream().mapToDouble(o -> o.error(m)).max().orElseThrow();
    }

    public double medianFitSeconds() {
        return median(observations.stream().mapToDouble(Observation::fitSeconds).toArray());
    }

    public double medianParams() {
        return median(observations.stream().mapToDouble(Observation::params).toArray());
    }

    /** The observation at the (lower) median of the relative L2 error: the trial a hover names. */
    public Observation representative() {
        List<Observation> sorted = observations.stream().sorted(Comparator.comparingDouble(Observation::relL2)
                .thenComparing(Observation::trialId)).toList();
        return sorted.get((sorted.size() - 1) / 2);
    }

    /** The median of {@code values}; the mean of the middle two for an even count. Not modified. */
    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
