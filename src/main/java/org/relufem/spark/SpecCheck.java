package org.relufem.spark;

import java.io.PrintStream;
import java.util.List;
import org.relufem.BadInputException;
import org.relufem.sweep.SpecDiff;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialSpace;

/**
 * Whether a run's spec may write into a sweep that already has one stored: the same spec
 * resumes; a spec whose trials include every stored trial with the same rows (more values on an
 * axis, more seeds, another method block) grows the sweep, and only its new trials run; anything
 * else is refused with the list of what changed.
 */
final class SpecCheck {
    private SpecCheck() {
    }

    /**
     * Returns 0 when {@code spec} is new to the sweep or the stored one, else (a growth) the number
     * of stored trials, saying so on {@code messages}.
     *
     * @throws BadInputException when the sweep holds rows of a spec that {@code spec} does not contain
     */
    static long check(SweepStore store, SweepSpec spec, PrintStream messages) {
        var stored = store.storedSpec();
        if (stored.isEmpty()) {
            if (store.hasRows()) {
                throw new BadInputException("sweep " + spec.name() + " in " + store.sweepDir() + " has rows but no stored"
                        + " spec (written by an older relufem); rerun with --replace to start it over");
            }
            return 0;
        }
        if (stored.get().equals(spec.canonical())) {
            return 0;
        }
        List<String> changes = SpecDiff.changes(stored.get(), spec.canonical());
        TrialSpace before = storedSpace(stored.get(), spec.name());
        TrialSpace after = new TrialSpace(spec);
        if (before != null && after.contains(before)) {
            messages.println("relufem: sweep " + spec.name() + " grows from " + before.size() + " to " + after.size()
                    + " trials (" + String.join("; ", changes) + "); the stored trials are kept, only the new ones run");
            return before.size();
        }
        throw new BadInputException("sweep " + spec.name() + " already holds rows of a different spec (" + String.join("; ", changes)
                + "); only a spec that keeps every stored trial (more values on an axis, more seeds, another method"
                + " block) grows a sweep: rerun with --replace to start it over, or give the new spec another sweep name");
    }

    /** The stored spec's trials, or null when it cannot be read back (a data file or class gone since). */
    private static TrialSpace storedSpace(String canonical, String sweep) {
        try {
            return new TrialSpace(SpecParser.parse(canonical, "the stored spec of sweep " + sweep));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
