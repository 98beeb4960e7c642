package org.relufem.sweep;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two specs ({@link SweepSpec#canonical} texts), one line per setting, so a
 * refused rerun can say why: {@code methods[2].width: [10,100] -> [10,100,1000]}. Lists of
 * objects are compared element by element; lists of scalars as one value.
 */
public final class SpecDiff {
    private SpecDiff() {
    }

    /** The changed, added ({@code (none) -> v}) and removed ({@code v -> (none)}) settings, sorted by path. */
    public static List<String> changes(String before, String after) {
        Map<String, String> a = flatten(before);
        Map<String, String> b = flatten(after);
        List<String> out = new ArrayList<>();
        TreeSet<String> paths = new TreeSet<>(a.keySet());
        paths.addAll(b.keySet());
        for (String path : paths) {
            String x = a.getOrDefault(path, "(none)");
            String y = b.getOrDefault(path, "(none)");
            if (!x.equals(y)) {
                out.add(path + ": " + x + " -> " + y);
            }
        }
        return out;
    }

    private static Map<String, String> flatten(String canonical) {
        Map<String, String> out = new TreeMap<>();
        try {
            flatten(ConfigFactory.parseString(canonical).root(), "", out);
        } catch (ConfigException e) {
            out.put("(stored spec)", "unreadable: " + e.getMessage());
        }
        return out;
    }

    private static void flatten(ConfigValue v, String path, Map<String, String> out) {
        if (v instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigValue> e : o.entrySet()) {
                flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else if (v instanceof ConfigList l && l.stream().anyMatch(e -> e instanceof ConfigObject)) {
            for (int i = 0; i < l.size(); i++) {
                flatten(l.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.put(path, v.render(ConfigRenderOptions.concise()));
        }
    }
}
