package org.relufem.spark;

import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.sql.Timestamp;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.relufem.metric.Errors;
import org.relufem.sweep.NetworkOptions;
import org.relufem.sweep.ResultRow;
import org.relufem.sweep.Trial;

/**
 * The results table's columns (DESIGN.md section 3) and the flattening of a {@link ResultRow}.
 * Changing a column's meaning is a breaking change; adding one is not.
 */
public final class ResultSchema {
    /** The partition column: a directory {@code sweep=NAME} per sweep, not stored in the files. */
    public static final String PARTITION = "sweep";

    /** The columns of the Parquet files, that is, every column but {@link #PARTITION}. */
    public static final StructType FILE_SCHEMA = new StructType(new StructField[] {
        field("trial_id", StringType, false),
        field("method", StringType, false),
        field("target", StringType, false),
        field("dim", IntegerType, false),
        field("grid_n", IntegerType, true),
        field("train_points", IntegerType, false),
        field("sampler", StringType, false),
        field("train_seed", LongType, true),
        field("width", IntegerType, true),
        field("depth", IntegerType, true),
        field("epochs", IntegerType, true),
        field("optimizer", StringType, true),
        field("lr", DoubleType, true),
        field("batch_size", IntegerType, true),
        field("init_seed", LongType, true),
        field("test_seed", LongType, false),
        field("test_points", IntegerType, false),
        field("params", LongType, true),
        field("mse", DoubleType, true),
        field("rmse", DoubleType, true),
        field("rel_l2", DoubleType, true),
        field("max_abs_err", DoubleType, true),
        field("train_mse", DoubleType, true),
        field("fit_seconds", DoubleType, true),
        field("eval_seconds", DoubleType, true),
        field("status", StringType, false),
        field("message", StringType, true),
        field("loss_curve", SQLDataTypes.VectorType(), true),
        field("weights", SQLDataTypes.VectorType(), true),
        field("code_version", StringType, false),
        field("started_at", TimestampType, false),
        field("host", StringType, false),
        field("degree", IntegerType, true),
        field("index_set", StringType, true),
        field("max_abs_err_search", DoubleType, true),
        field("max_err_location", SQLDataTypes.VectorType(), true),
        field("init", StringType, true),
        field("init_std", DoubleType, true),
        field("lr_end", DoubleType, true),
        field("loss_tol", DoubleType, true),
        field("stop_epoch", IntegerType, true),
    });

    /** The table as read: the file columns, then the partition column (where Spark puts it). */
    public static final StructType TABLE_SCHEMA = FILE_SCHEMA.add(field(PARTITION, StringType, true));

    private ResultSchema() {
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }

    /** The row of {@link #FILE_SCHEMA} for {@code r}. */
    public static Row toRow(ResultRow r) {
        Trial t = r.trial();
        Errors e = r.errors();
        NetworkOptions o = t.network();
        return RowFactory.create(r.trialId(), t.method(), t.target(), t.dim(), t.gridN(), t.trainPoints(),
                t.sampler(), t.trainSeed(), t.width(), t.depth(), r.epochs(), t.optimizer(), t.lr(), t.batchSize(),
                t.initSeed(), t.testSeed(), t.testPoints(), r.params(),
                e == null ? null : e.mse(), e == null ? null : e.rmse(), e == null ? null : e.relL2(),
                e == null ? null : e.maxAbsErr(), r.trainMse(), r.fitSeconds(), r.evalSeconds(), r.status(),
                r.message(), r.lossCurve() == null ? null : Vectors.dense(r.lossCurve()),
                r.weights() == null ? null : Vectors.dense(r.weights()), r.codeVersion(),
                Timestamp.from(r.startedAt()), r.host(), t.degree(), t.indexSet(),
                r.search() == null ? null : r.search().maxAbsErr(),
                r.search() == null ? null : Vectors.dense(r.search().location()),
                o == null ? null : o.init(), o == null ? null : o.initStd(), o == null ? null : o.lrEnd(),
                o == null ? null : o.lossTol(), r.stopEpoch());
    }
}
