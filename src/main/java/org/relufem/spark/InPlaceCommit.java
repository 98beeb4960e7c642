package org.relufem.spark;

import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * Whether a chunk can be written by Spark straight into {@code OUT/sweep=NAME}, with no
 * {@code _staging} directory and no per-file publish rename afterwards.
 *
 * <p>On S3 a rename is a COPY of every byte and a DELETE (S3A has no rename), so relufem's
 * staging-then-rename publish costs O(data) requests and time per chunk on top of whatever Spark's
 * own job commit does. With Spark's default commit protocol (FileOutputCommitter) that job commit
 * is itself a rename pass out of {@code _temporary}, which is why the chunk goes to
 * {@code _staging} first: nothing half-committed ever lands among the sweep's rows. With the S3A
 * committers that Spark documents for object stores (cloud-integration.html: commit protocol
 * {@code org.apache.spark.internal.io.cloud.PathOutputCommitProtocol}, committer
 * {@code magic} or {@code directory}) a task uploads its file as an uncompleted multipart
 * upload, invisible, and the job commit completes the uploads one by one: each file appears at
 * its final name at once and whole, which is what the publish rename gave (every trial's rows
 * live in one file, so a driver killed during the job commit still leaves whole trials, and a
 * rerun computes the rest). So there the publish step is dropped and the chunk is written in
 * place; uploads a killed run left uncompleted stay invisible, and the committers abort those
 * under the destination when a later job cleans up ({@code fs.s3a.committer.abort.pending.uploads},
 * default true). The sweep's lease keeps a second run from writing there meanwhile.
 *
 * <p>Kept on the staging path: every file system but {@code s3a://} (a local or HDFS rename is a
 * cheap metadata operation), S3 with the default protocol, the {@code partitioned} committer and
 * a {@code directory} committer whose conflict mode is not {@code append} (they would refuse or
 * replace the sweep's existing files), and every replacement of stored rows ({@code --retry},
 * {@code verify --repair}), which goes through {@link SweepStore#commit}'s commit list.
 */
final class InPlaceCommit {
    static final String PATH_OUTPUT_PROTOCOL = "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol";
    /** Directories the magic committer keeps under the destination while a job runs. */
    static final String MAGIC_PREFIX = "__magic";

    private InPlaceCommit() {
    }

    /** Whether Spark's configured committer publishes each file of a write to {@code fs} atomically at job commit. */
    static boolean applies(SparkSession spark, FileSystem fs) {
        String protocol = spark.conf().get("spark.sql.sources.commitProtocolClass");   // its default when unset
        return applies(fs.getUri().getScheme(), protocol, fs.getConf());
    }

    /**
     * The decision on its inputs: {@code conf} is the file system's own configuration (S3A has
     * applied the per-bucket {@code fs.s3a.bucket.NAME.*} options to it).
     */
    static boolean applies(String scheme, String protocol, Configuration conf) {
        if (!"s3a".equals(scheme) || !PATH_OUTPUT_PROTOCOL.equals(protocol)) {
            return false;
        }
        String committer = conf.getTrimmed("fs.s3a.committer.name", "file").toLowerCase(Locale.ROOT);
        return switch (committer) {
            case "magic" -> true;
            case "directory" -> "append".equalsIgnoreCase(conf.getTrimmed("fs.s3a.committer.staging.conflict-mode", "append"));
            default -> false;
        };
    }
}
