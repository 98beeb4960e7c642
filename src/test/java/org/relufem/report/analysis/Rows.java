package org.relufem.report.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds observations of known values for the analysis tests. */
final class Rows {
    private final List<Observation> rows = new ArrayList<>();
    private int id;

    /**
     * Adds a row: {@code settings} as alternating names and values after method, target and dim;
     * a name starting with "seed:" is a replicate.
     */
    Rows add(String method, String target, int dim, long params, double relL2, double maxErr, double fit,
             Object... settings) {
        Map<String, Object> s = new LinkedHashMap<>();
        Map<String, Object> r = new LinkedHashMap<>();
        s.put("method", method);
        s.put("target", target);
        s.put("dim", dim);
        for (int i = 0; i < settings.length; i += 2) {
            String name = (String) settings[i];
            if (name.startsWith("seed:")) {
                r.put(name.substring(5), settings[i + 1]);
            } else {
                s.put(name, settings[i + 1]);
            }
        }
        rows.add(new Observation(String.format("%016x", id++), "test", s, r, params, relL2, maxErr, relL2, fit));
        return this;
    }

    List<Observation> list() {
        return List.copyOf(rows);
    }
}
