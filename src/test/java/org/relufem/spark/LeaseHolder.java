package org.relufem.spark;

import java.time.Duration;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A child process for {@link SweepLeaseTest}: takes the lease of sweep {@code args[1]} under
 * table {@code args[0]} as a run would, prints {@code held RUN}, and holds it until killed.
 */
public final class LeaseHolder {
    private LeaseHolder() {
    }

    public static void main(String[] args) throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Path sweepDir = new Path(new Path(args[0]), "sweep=" + args[1]);
        SweepLease.Timing timing = new SweepLease.Timing(Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofMillis(100));
        SweepLease.acquire(fs, sweepDir, args[1], "child-" + ProcessHandle.current().pid(), false, timing, System.err);
        System.out.println("held child-" + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
