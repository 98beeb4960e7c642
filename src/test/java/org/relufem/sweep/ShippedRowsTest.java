package org.relufem.sweep;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.relufem.Golden;
import org.relufem.sweep.family.NetworkParams;

/**
 * The rows of the default spec never change (the brief: existing rows of shipped specs change only
 * when an issue says so): every trial of {@code conf/seed.conf} but the width-1000 nets (seconds
 * each), run in process, with every number that defines a row written exactly (Double.toString
 * round-trips), pinned in {@code golden/seed-rows.tsv}. Timings and provenance are left out.
 */
class ShippedRowsTest {
    @Test
    void theSeedSpecsRowsAreTheSameToTheLastBit() throws Exception {
        TrialSpace space = new TrialSpace(SpecParser.load(Path.of("conf/seed.conf")));
        StringBuilder out = new StringBuilder("trial_id\tstatus\tparams\tmse\trmse\trel_l2\tmax_abs_err\t"
                + "max_abs_err_search\ttrain_mse\n");
        for (long i = 0; i < space.size(); i++) {
            Trial t = space.trial(i);
            if (t.params() instanceof NetworkParams n && n.width() > 100) {
                continue;
            }
            for (ResultRow r : TrialRunner.run(t)) {
                out.append(r.trialId()).append('\t').append(r.status()).append('\t').append(r.params()).append('\t')
                        .append(r.errors().mse()).append('\t').append(r.errors().rmse()).append('\t')
                        .append(r.errors().relL2()).append('\t').append(r.errors().maxAbsErr()).append('\t')
                        .append(r.search().maxAbsErr()).append('\t').append(r.trainMse()).append('\n');
            }
        }
        Golden.assertMatches("seed-rows.tsv", out.toString());
    }
}
