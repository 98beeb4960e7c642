package org.relufem.sweep;

import java.io.Serializable;
import java.util.List;

/**
 * A validated, immutable sweep spec (DESIGN.md section 4), as {@link SpecParser} reads it: the
 * sweep name, the target axis, the test sets and one block per method entry. Every list is an
 * axis, a scalar an axis of one value.
 *
 * @param name the sweep name, [a-z0-9-]+: the Parquet partition and the resume key
 * @param source where the spec came from (a file path)
 * @param targets the target axis: every (name, dim) pair
 * @param test how the test sets are made
 * @param testSeeds one test set per seed (uniform points; [0] for the others)
 * @param methods the method blocks, in spec order
 * @param canonical the whole resolved spec as compact JSON with sorted keys: comments, layout
 *     and key order do not change it; it is stored with the sweep to tell whether a rerun's spec changed
 */
public record SweepSpec(String name, String source, List<TargetChoice> targets, TestDesign test, List<Long> testSeeds,
                        List<MethodBlock> methods, String canonical) implements Serializable {

    /** 16 hex digits of a hash of {@link #canonical}. */
    public String fingerprint() {
        return TrialIds.hash(canonical);
    }
}
