package org.relufem.report.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Who wins where: the settings of one panel in decade bands of a cost (degrees of freedom, or fit
 * seconds), and in each band the best setting by median error over seeds, the runner-up (the
 * best setting of another method) and the ratio of their errors.
 */
public final class Winners {
    private Winners() {
    }

    /** The cost a band is of. */
    public enum Cost {
        DOF("degrees of freedom", Cell::medianParams),
        FIT_SECONDS("fit seconds", Cell::medianFitSeconds);

        private final String label;
        private final ToDoubleFunction<Cell> value;

        Cost(String label, ToDoubleFunction<Cell> value) {
            this.label = label;
            this.value = value;
        }

        public String label() {
            return label;
        }

        public double of(Cell c) {
            return value.applyAsDouble(c);
        }
    }

    /**
     * One band's answer.
     *
     * @param decade the band is [10^decade, 10^(decade+1)) of the cost
     * @param runnerUp null when no other method has a setting in the band
     */
    public record Row(Cost cost, int decade, Metric metric, int settings, Cell best, Cell runnerUp) {
        /** Runner-up's median error over the best's; NaN without a runner-up. */
        public double ratio() {
            return runnerUp == null ? Double.NaN : runnerUp.median(metric) / best.median(metric);
        }

        public String band() {
            return "[" + power(decade) + ", " + power(decade + 1) + ")";
        }

        private static String power(int k) {
            if (k >= 0 && k <= 6) {
                return String.valueOf((long) Math.pow(10, k));
            }
            return k == -1 ? "0.1" : k == -2 ? "0.01" : "1e" + k;
        }
    }

    /** The decade of a positive cost: floor(log10), robust to rounding at exact powers of ten. */
    static int decade(double cost) {
        int d = (int) Math.floor(Math.log10(cost));
        if (Math.pow(10, d + 1) <= cost) {
            d++;
        } else if (Math.pow(10, d) > cost) {
            d--;
        }
        return d;
    }

    /** The winners of {@code settings} (one cell per setting of a panel) per band of {@code cost} and per metric. */
    public static List<Row> of(List<Cell> settings, Cost cost, Metric metric) {
        Map<Integer, List<Cell>> bands = new TreeMap<>();
        for (Cell c : settings) {
            double v = cost.of(c);
            if (v > 0 && Double.isFinite(v)) {
                bands.computeIfAbsent(decade(v), k -> new ArrayList<>()).add(c);
            }
        }
        List<Row> out = new ArrayList<>();
        for (var b : bands.entrySet()) {
            List<Cell> ranked = b.getValue().stream().sorted(Comparator.comparingDouble((Cell c) -> c.median(metric))
                    .thenComparingDouble(cost::of)).toList();
            Cell best = ranked.get(0);
            Cell runner = ranked.stream().filter(c -> !c.method().equals(best.method())).findFirst().orElse(null);
            out.add(new Row(cost, b.getKey(), metric, ranked.size(), best, runner));
        }
        return out;
    }
}
