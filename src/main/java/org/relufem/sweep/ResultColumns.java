package org.relufem.sweep;

import static org.relufem.sweep.Column.Role.CHECKPOINT;
import static org.relufem.sweep.Column.Role.ID;
import static org.relufem.sweep.Column.Role.MEASUREMENT;
import static org.relufem.sweep.Column.Role.PROVENANCE;
import static org.relufem.sweep.Column.Role.REPLICATE;
import static org.relufem.sweep.Column.Role.SETTING;
import static org.relufem.sweep.Column.Type.DOUBLE;
import static org.relufem.sweep.Column.Type.INT;
import static org.relufem.sweep.Column.Type.LONG;
import static org.relufem.sweep.Column.Type.STRING;
import static org.relufem.sweep.Column.Type.TIMESTAMP;
import static org.relufem.sweep.Column.Type.VECTOR;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.relufem.metric.Errors;
import org.relufem.sweep.family.MethodFamilies;

/**
 * The results table (DESIGN.md section 3), declared once: the columns every row has, and every
 * method family's own (see {@code MethodFamily.columns}). The columns of relufem 0.1 keep their
 * order (a reader's {@code SELECT *} and the pinned schema); a column a family declares later
 * follows them, in registration order. Changing a column's meaning is a breaking change; adding
 * one is not. The partition column {@code sweep} is the Spark layer's.
 */
public final class ResultColumns {
    /** The column of the row's epoch checkpoint. */
    private static final String EPOCHS = "epochs";

    private static final List<Column> COMMON = List.of(
            Column.required("trial_id", STRING, ID, ResultRow::trialId),
            Column.required("method", STRING, SETTING, r -> r.trial().method()),
            Column.required("target", STRING, SETTING, r -> r.trial().target()),
            Column.required("dim", INT, SETTING, r -> r.trial().dim()),
            Column.optional("grid_n", INT, SETTING, r -> r.trial().gridN()),
            Column.required("train_points", INT, SETTING, r -> r.trial().data().points()),
            Column.required("sampler", STRING, SETTING, r -> r.trial().data().sampler().label()),
            Column.optional("train_seed", LONG, REPLICATE, r -> r.trial().data().seed()),
            Column.optional(EPOCHS, INT, CHECKPOINT, ResultRow::epochs),
            Column.required("test_seed", LONG, REPLICATE, r -> r.trial().testSeed()),
            Column.required("test_points", INT, REPLICATE, r -> r.trial().testPoints()),
            Column.optional("params", LONG, MEASUREMENT, ResultRow::params),
            error("mse", Errors::mse),
            error("rmse", Errors::rmse),
            error("rel_l2", Errors::relL2),
            error("max_abs_err", Errors::maxAbsErr),
            Column.optional("train_mse", DOUBLE, MEASUREMENT, ResultRow::trainMse),
            Column.optional("fit_seconds", DOUBLE, MEASUREMENT, ResultRow::fitSeconds),
            Column.optional("eval_seconds", DOUBLE, MEASUREMENT, ResultRow::evalSeconds),
            Column.required("status", STRING, MEASUREMENT, ResultRow::status),
            Column.optional("message", STRING, MEASUREMENT, ResultRow::message),
            Column.optional("loss_curve", VECTOR, MEASUREMENT, ResultRow::lossCurve),
            Column.optional("weights", VECTOR, MEASUREMENT, ResultRow::weights),
            Column.required("code_version", STRING, PROVENANCE, ResultRow::codeVersion),
            Column.required("started_at", TIMESTAMP, PROVENANCE, ResultRow::startedAt),
            Column.required("host", STRING, PROVENANCE, ResultRow::host),
            Column.optional("max_abs_err_search", DOUBLE, MEASUREMENT,
                    r -> r.search() == null ? null : r.search().maxAbsErr()),
            Column.optional("max_err_location", VECTOR, MEASUREMENT,
                    r -> r.search() == null ? null : r.search().location()),
            Column.optional("stop_epoch", INT, MEASUREMENT, ResultRow::stopEpoch),
            Column.optional("stop_reason", STRING, MEASUREMENT, ResultRow::stopReason),
            Column.optional("boost_stage", INT, CHECKPOINT, ResultRow::boostStage),
            Column.optional("test_sampler", STRING, REPLICATE, r -> r.trial().test().kind().label()),
            Column.optional("mse_stderr", DOUBLE, MEASUREMENT, r -> r.errors() == null
                    || Double.isNaN(r.errors().mseStderr()) ? null : r.errors().mseStderr()),
            Column.optional("field", VECTOR, MEASUREMENT, ResultRow::field));

    /** Where relufem 0.1 put each column, by name: the common ones and the families' of that version. */
    private static final List<String> ORDER_0_1 = List.of("trial_id", "method", "target", "dim", "grid_n",
            "train_points", "sampler", "train_seed", "width", "depth", EPOCHS, "optimizer", "lr", "batch_size",
            "init_seed", "test_seed", "test_points", "params", "mse", "rmse", "rel_l2", "max_abs_err", "train_mse",
            "fit_seconds", "eval_seconds", "status", "message", "loss_curve", "weights", "code_version", "started_at",
            "host", "degree", "index_set", "max_abs_err_search", "max_err_location", "init", "init_std", "lr_end",
            "loss_tol", "stop_epoch");

    private static final List<Column> ALL = order();

    private ResultColumns() {
    }

    /** Every column of the Parquet files, in table order. */
    public static List<Column> all() {
        return ALL;
    }

    /** The settings the run summary groups by, in table order, then the checkpoint. */
    public static List<String> grouping() {
        List<String> out = new ArrayList<>();
        ALL.stream().filter(c -> c.role() == SETTING).forEach(c -> out.add(c.name()));
        ALL.stream().filter(c -> c.role() == CHECKPOINT).forEach(c -> out.add(c.name()));
        return out;
    }

    private static Column error(String name, Function<Errors, Double> value) {
        return Column.optional(name, DOUBLE, MEASUREMENT, r -> r.errors() == null ? null : value.apply(r.errors()));
    }

    private static List<Column> order() {
        Map<String, Column> byName = new TreeMap<>();
        List<Column> declared = new ArrayList<>(COMMON);
        declared.addAll(MethodFamilies.columns());
        for (Column c : declared) {
            if (byName.put(c.name(), c) != null) {
                throw new IllegalStateException("two columns named " + c.name());
            }
        }
        List<Column> out = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        for (String name : ORDER_0_1) {
            Column c = byName.get(name);
            if (c == null) {
                throw new IllegalStateException("column " + name + " of relufem 0.1 is declared nowhere");
            }
            out.add(c);
            placed.add(name);
        }
        declared.stream().filter(c -> !placed.contains(c.name())).forEach(out::add);
        return List.copyOf(out);
    }
}
