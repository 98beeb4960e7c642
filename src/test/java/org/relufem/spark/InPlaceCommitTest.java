package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** When a chunk may skip staging: S3A, Spark's cloud commit protocol, and a committer that appends whole files. */
class InPlaceCommitTest {
    private static final String PROTOCOL = InPlaceCommit.PATH_OUTPUT_PROTOCOL;

    private static Configuration committer(String name) {
        Configuration conf = new Configuration(false);
        if (name != null) {
            conf.set("fs.s3a.committer.name", name);
        }
        return conf;
    }

    @Test
    void magicAndAppendingDirectoryCommittersOnS3aWriteInPlace() {
        assertTrue(InPlaceCommit.applies("s3a", PROTOCOL, committer("magic")));
        assertTrue(InPlaceCommit.applies("s3a", PROTOCOL, committer(" Magic ")));
        assertTrue(InPlaceCommit.applies("s3a", PROTOCOL, committer("directory")));
    }

    @Test
    void everythingElseStages() {
        // Spark's default protocol renames out of _temporary: the chunk must not land in the sweep half done.
        assertFalse(InPlaceCommit.applies("s3a", "", committer("magic")));
        assertFalse(InPlaceCommit.applies("s3a",
                "org.apache.spark.sql.execution.datasources.SQLHadoopMapReduceCommitProtocol", committer("magic")));
        // S3A's "file" committer (the default name) is FileOutputCommitter; "partitioned" replaces partitions.
        assertFalse(InPlaceCommit.applies("s3a", PROTOCOL, committer(null)));
        assertFalse(InPlaceCommit.applies("s3a", PROTOCOL, committer("file")));
        assertFalse(InPlaceCommit.applies("s3a", PROTOCOL, committer("partitioned")));
        Configuration replacing = committer("directory");
        replacing.set("fs.s3a.committer.staging.conflict-mode", "replace");
        assertFalse(InPlaceCommit.applies("s3a", PROTOCOL, replacing));
        // A rename is cheap on local disk and HDFS, whatever the protocol.
        assertFalse(InPlaceCommit.applies("hdfs", PROTOCOL, committer("magic")));
        assertFalse(InPlaceCommit.applies("file", PROTOCOL, committer("magic")));
    }
}
