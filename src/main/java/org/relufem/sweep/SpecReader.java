package org.relufem.sweep;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.relufem.BadInputException;

/**
 * Reads typed values and axes from one HOCON object, naming the key, its path in the spec and the
 * file line in every error. An axis is a list or a scalar (an axis of one value).
 */
public final class SpecReader {
    private final ConfigObject object;
    private final String path;

    private SpecReader(ConfigObject object, String path) {
        this.object = object;
        this.path = path;
    }

    public static SpecReader of(ConfigValue value, String path) {
        if (value.valueType() != ConfigValueType.OBJECT) {
            throw error(value, path + " must be an object { ... }, got " + describe(value));
        }
        return new SpecReader((ConfigObject) value, path);
    }

    /** Refuses keys outside {@code allowed}. */
    public void onlyKeys(Set<String> allowed) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw error(object.get(key), "unknown key '" + key + "' in " + path + "; allowed: "
                        + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    public boolean has(String key) {
        return object.containsKey(key);
    }

    public ConfigValue value(String key) {
        ConfigValue v = object.get(key);
        if (v == null) {
            throw new BadInputException(where(object) + "missing key '" + key + "' in " + path);
        }
        return v;
    }

    public String name(String key) {
        return path + "." + key;
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        ConfigValue v = value(key);
        if (v.valueType() != ConfigValueType.BOOLEAN) {
            throw error(v, name(key) + " must be true or false, got " + describe(v));
        }
        return (Boolean) v.unwrapped();
    }

    public int integer(String key, int min, int max) {
        return (int) integral(value(key), name(key), min, max);
    }

    public List<Integer> intAxis(String key, int min, List<Integer> fallback) {
        return intAxis(key, min, Integer.MAX_VALUE, fallback);
    }

    public List<Integer> intAxis(String key, int min, int max, List<Integer> fallback) {
        if (!has(key) && fallback != null) {
            return fallback;
        }
        List<Integer> out = new ArrayList<>();
        for (ConfigValue v : elements(key)) {
            out.add((int) integral(v, name(key), min, max));
        }
        return distinct(out, key);
    }

    public List<Long> longAxis(String key, long min, List<Long> fallback) {
        if (!has(key) && fallback != null) {
            return fallback;
        }
        List<Long> out = new ArrayList<>();
        for (ConfigValue v : elements(key)) {
            out.add(integral(v, name(key), min, Long.MAX_VALUE));
        }
        return distinct(out, key);
    }

    /** Positive, finite numbers. */
    public List<Double> positiveAxis(String key, List<Double> fallback) {
        if (!has(key) && fallback != null) {
            return fallback;
        }
        List<Double> out = new ArrayList<>();
        for (ConfigValue v : elements(key)) {
            if (v.valueType() != ConfigValueType.NUMBER) {
                throw error(v, name(key) + " must be a number, got " + describe(v));
            }
            double x = ((Number) v.unwrapped()).doubleValue();
            if (!(x > 0) || Double.isInfinite(x)) {
                throw error(v, name(key) + " must be positive and finite, got " + x);
            }
            out.add(x);
        }
        return distinct(out, key);
    }

    public List<String> stringAxis(String key, List<String> fallback) {
        if (!has(key) && fallback != null) {
            return fallback;
        }
        List<String> out = new ArrayList<>();
        for (ConfigValue v : elements(key)) {
            out.add(string(v, name(key)));
        }
        return distinct(out, key);
    }

    /** The elements of a list, or the scalar as a list of one; never empty. */
    public List<ConfigValue> elements(String key) {
        ConfigValue v = value(key);
        if (v.valueType() == ConfigValueType.LIST) {
            ConfigList list = (ConfigList) v;
            if (list.isEmpty()) {
                throw error(v, name(key) + " is an empty axis: give at least one value");
            }
            return list;
        }
        return List.of(v);
    }

    private <T> List<T> distinct(List<T> values, String key) {
        if (new java.util.HashSet<>(values).size() != values.size()) {
            throw error(value(key), name(key) + " repeats a value: " + values);
        }
        return List.copyOf(values);
    }

    private static long integral(ConfigValue v, String name, long min, long max) {
        if (v.valueType() != ConfigValueType.NUMBER) {
            throw error(v, name + " must be an integer, got " + describe(v));
        }
        Number n = (Number) v.unwrapped();
        if (n instanceof Double) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Math.abs(d) > 9e15) {
                throw error(v, name + " must be an integer, got " + d);
            }
        }
        long x = n.longValue();
        if (x < min) {
            throw error(v, name + " must be >= " + min + ", got " + x);
        }
        if (x > max) {
            throw error(v, name + " must be <= " + max + ", got " + x);
        }
        return x;
    }

    public static String string(ConfigValue v, String name) {
        if (v.valueType() != ConfigValueType.STRING) {
            throw error(v, name + " must be a string, got " + describe(v));
        }
        return (String) v.unwrapped();
    }

    /** A value's type and its one-line JSON text (render() alone spans lines and adds origin comments). */
    private static String describe(ConfigValue v) {
        return v.valueType().name().toLowerCase() + " " + v.render(ConfigRenderOptions.concise());
    }

    public static BadInputException error(ConfigValue at, String message) {
        return new BadInputException(where(at) + message);
    }

    /** "file: line: " of a value (Typesafe Config records both for every value it parses). */
    private static String where(ConfigValue v) {
        return v.origin().description().replaceFirst(" @ .*?: (\\d+)$", ": $1") + ": ";
    }
}
