package org.relufem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;

/**
 * The workload jobs/relufem runs once per build under {@code -XX:ArchiveClassesAtExit}: a tiny
 * sweep's run, a query, a report and a plan in one JVM, so that the class-data archive holds the
 * classes every command loads (most of them Spark's, from some 230 jars). Later commands map the
 * archive instead of reading, parsing and verifying those classes again, and start seconds sooner.
 * Everything it writes goes to a temporary directory, deleted at the end.
 */
public final class ArchiveTraining {
    /** A sweep touching every stage of a run: grids, P1, Q1, a trained net, Parquet, the summary. */
    static final String SPEC = """
            sweep = archive-training
            targets = [ { name = seed2d } ]
            test { points = 100, seeds = [0] }
            methods = [
              { method = p1, data { sampler = grid, grid_n = 4 } }
              { method = q1, data { sampler = grid, grid_n = 4 } }
              { method = relu_net, data { sampler = grid, grid_n = 4 }, width = 4, epochs = 2, init_seeds = [0] }
            ]
            """;

    private ArchiveTraining() {
    }

    public static void main(String[] args) throws IOException {
        int code = train();
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        System.exit(code);
    }

    /** Runs the commands in a fresh temporary directory; the first non-zero exit code, else 0. */
    static int train() throws IOException {
        Path dir = Files.createTempDirectory("relufem-archive-training");
        try {
            Path spec = Files.writeString(dir.resolve("training.conf"), SPEC);
            String out = dir.resolve("results").toString();
            String[][] commands = {
                {"plan", spec.toString()},
                {"run", spec.toString(), "--out", out},
                {"query", "--out", out, "SELECT method, count(*) FROM trials GROUP BY method"},
                {"report", "--out", out},
            };
            for (String[] command : commands) {
                int code = Main.execute(command);
                if (code != 0) {
                    return code;
                }
            }
            return 0;
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
