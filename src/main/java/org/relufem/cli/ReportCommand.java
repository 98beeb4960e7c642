package org.relufem.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.relufem.report.HtmlReport;
import org.relufem.report.ResultsTable;
import org.relufem.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write one self-contained HTML page (who wins where, interactive log-log charts, convergence tables) from the results table.")
final class ReportCommand implements Runnable {
    @Mixin
    TableOptions table;

    @Option(names = "--sweep", paramLabel = "NAME[,NAME...]", split = ",",
            description = "report these sweeps, read together as one study; default: a section per sweep in the table")
    List<String> sweeps;

    @Option(names = "--html", paramLabel = "FILE", description = "where to write the page, default DIR/report.html")
    Path html;

    @Override
    public void run() {
        OutputDirectory.requireNamed(table.out);
        ResultsTable.requireExists(table.out);
        Path file = html != null ? html : Path.of(table.out, "report.html");
        SparkSession spark = Sessions.create(table.master, "relufem report");
        String page = HtmlReport.render(spark, table.out, sweeps);
        try {
            // Written aside and moved into place, so a failed run leaves no half page.
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".report", ".html");
            Files.writeString(tmp, page, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        System.err.println("relufem: report written to " + file);
    }
}
