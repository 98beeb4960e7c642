package org.relufem.spark;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.relufem.sweep.Column;
import org.relufem.sweep.ResultColumns;
import org.relufem.sweep.ResultRow;

/**
 * The results table in Spark's terms, derived from {@link ResultColumns}: the Parquet schema and
 * the flattening of a {@link ResultRow}.
 */
public final class ResultSchema {
    /** The partition column: a directory {@code sweep=NAME} per sweep, not stored in the files. */
    public static final String PARTITION = "sweep";

    private static final List<Column> COLUMNS = ResultColumns.all();

    /** The columns of the Parquet files, that is, every column but {@link #PARTITION}. */
    public static final StructType FILE_SCHEMA = new StructType(COLUMNS.stream()
            .map(c -> DataTypes.createStructField(c.name(), sparkType(c.type()), c.nullable()))
            .toArray(StructField[]::new));

    /** The table as read: the file columns, then the partition column (where Spark puts it). */
    public static final StructType TABLE_SCHEMA = FILE_SCHEMA.add(DataTypes.createStructField(PARTITION,
            DataTypes.StringType, true));

    private ResultSchema() {
    }

    private static DataType sparkType(Column.Type type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INT -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case VECTOR -> SQLDataTypes.VectorType();
        };
    }

    /** The row of {@link #FILE_SCHEMA} for {@code r}. */
    public static Row toRow(ResultRow r) {
        Object[] values = new Object[COLUMNS.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = COLUMNS.get(i).value().apply(r);
            if (v instanceof double[] vector) {
                v = Vectors.dense(vector);
            } else if (v instanceof Instant instant) {
                v = Timestamp.from(instant);
            }
            values[i] = v;
        }
        return RowFactory.create(values);
    }
}
