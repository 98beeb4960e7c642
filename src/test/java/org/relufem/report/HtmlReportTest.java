package org.relufem.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.BadInputException;
import org.relufem.metric.Errors;
import org.relufem.spark.ResultSchema;
import org.relufem.spark.SharedSpark;
import org.relufem.sweep.ResultRow;
import org.relufem.sweep.Trial;
import org.relufem.sweep.Trials;

/** The report's numbers come from the table: a tiny table of known values in, known cells, orders and winners out. */
class HtmlReportTest {
    @TempDir
    static Path dir;
    static SparkSession spark;
    static String html;

    /**
     * P1 on 4x4, 8x8 and 16x16 grids with RMSE = 2 / DOF (slope exactly -1), and networks of width
     * 4 (17 parameters) and 8 (33) over three init seeds with RMSE 0.1, 0.2, 0.4 and 0.05, 0.1, 0.2
     * at 10 epochs (medians 0.2 and 0.1), and twice those at 5 epochs.
     */
    @BeforeAll
    static void writeAKnownTable() {
        spark = SharedSpark.get();
        List<Row> rows = new ArrayList<>();
        for (int n : new int[] {4, 8, 16}) {
            Trial t = Trials.only("{ method = p1, data { sampler = grid, grid_n = " + n + " } }", 100, 0);
            rows.add(row(t, "p1-" + n, null, n * n, 2.0 / (n * n), 0.5));
        }
        double[][] rmse = {{0.1, 0.2, 0.4}, {0.05, 0.1, 0.2}};
        for (int w = 0; w < 2; w++) {
            int width = 4 << w;
            for (int seed = 0; seed < 3; seed++) {
                for (int epochs : new int[] {5, 10}) {
                    Trial t = Trials.only("{ method = relu_net, data { sampler = grid, grid_n = 8 }, width = " + width
                            + ", init_seeds = " + seed + ", epochs = [5, 10] }", 100, 0);
                    double e = rmse[w][seed] * (epochs == 5 ? 2 : 1);
                    rows.add(row(t, "net-" + width + "-" + seed + "-" + epochs, epochs, 4 * width + 1, e, 0.25));
                }
            }
        }
        Path out = dir.resolve("out");
        spark.createDataFrame(rows, ResultSchema.FILE_SCHEMA).write().parquet(out.resolve("sweep=known").toString());
        Trial q1 = Trials.only("{ method = q1, data { sampler = grid, grid_n = 8 } }", 100, 0);
        spark.createDataFrame(List.of(row(q1, "q1-8", null, 64, 2.0 / 64, 0.5)), ResultSchema.FILE_SCHEMA).write()
                .parquet(out.resolve("sweep=other").toString());
        html = HtmlReport.render(spark, out.toString(), List.of("known"));
    }

    private static Row row(Trial t, String id, Integer epochs, long params, double rmse, double seconds) {
        Errors e = new Errors(rmse * rmse, rmse, rmse / 2, 3 * rmse);
        return ResultSchema.toRow(new ResultRow(id, t, epochs, params, e, null, rmse * rmse, seconds, 1e-4, "ok", null, null,
                null, "test", Instant.EPOCH, "host"));
    }

    private static List<List<String>> tableRows(String cssClass) {
        Matcher table = Pattern.compile("<table class=\"sortable " + cssClass + "\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(table.find(), cssClass + " table");
        List<List<String>> out = new ArrayList<>();
        Matcher tr = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL).matcher(table.group(1));
        while (tr.find()) {
            List<String> cells = new ArrayList<>();
            Matcher td = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>").matcher(tr.group(1));
            while (td.find()) {
                cells.add(td.group(1));
            }
            out.add(cells);
        }
        return out;
    }

    @Test
    void theComparisonTableHoldsMediansAndBestsOverSeeds() {
        List<List<String>> t = tableRows("summary");
        List<String> header = t.get(0);
        assertEquals(1 + 3 + 4, t.size(), "header, three p1 settings, two widths x two checkpoints");
        int width = header.indexOf("width");
        int epochs = header.indexOf("epochs");
        int median = header.indexOf("median_mse");
        int best = header.indexOf("best_mse");
        int maxErr = header.indexOf("median_max_err");
        List<String> w4 = t.stream().filter(r -> r.get(width).equals("4") && r.get(epochs).equals("10")).findFirst().orElseThrow();
        assertEquals("0.04000", w4.get(median)); // 0.2^2
        assertEquals("0.01000", w4.get(best)); // 0.1^2
        assertEquals("0.6000", w4.get(maxErr)); // 3 x 0.2
        List<String> w8 = t.stream().filter(r -> r.get(width).equals("8") && r.get(epochs).equals("5")).findFirst().orElseThrow();
        assertEquals("0.04000", w8.get(median)); // (2 x 0.1)^2
        List<String> p1 = t.get(1);
        assertEquals("p1", p1.get(0));
        assertEquals("0.01563", p1.get(median)); // (2/16)^2 = 0.015635, to 4 digits
    }

    @Test
    void theMethodTableCountsTrialsByTheirLastCheckpoint() {
        List<List<String>> t = tableRows("methods");
        assertEquals(List.of("method", "trials", "ok", "failed", "diverged", "median_mse", "best_mse", "median_max_err",
                "fit_seconds"), t.get(0));
        assertEquals(List.of("p1", "3", "3", "0", "0"), t.get(1).subList(0, 5));
        // six net trials at epochs 10: MSE 0.0025, 0.01, 0.01, 0.04, 0.04, 0.16 -> median (0.01 + 0.04) / 2
        assertEquals(List.of("relu_net", "6", "6", "0", "0", "0.02500", "0.002500"), t.get(2).subList(0, 7));
        assertEquals("1.500", t.get(2).get(8)); // 6 x 0.25 s
    }

    @Test
    void theConvergenceTableHoldsObservedOrders() {
        List<List<String>> t = tableRows("convergence");
        assertEquals(List.of("series", "DOF", "rel_l2", "order", "max-norm", "order"), t.get(0));
        // P1: rel_l2 = RMSE / 2 = 1 / DOF in 2-D, so order 2 in h between every two steps
        assertEquals(List.of("p1", "16", "0.06250", "", "0.3750", ""), t.get(1));
        assertEquals(List.of("p1", "64", "0.01563", "2.000", "0.09375", "2.000"), t.get(2));
        assertEquals(List.of("p1", "fitted slope", "-1.000 ± 0.000", "order 2.000 ± 0.000", "-1.000 ± 0.000",
                "order 2.000 ± 0.000"), t.get(4));
    }

    @Test
    void theAnswerComesFirst() {
        List<List<String>> t = tableRows("winners");
        assertEquals("degrees of freedom", t.get(0).get(0));
        // [10, 100): P1 at 16 and 64 DOF, the networks at 17 and 33 (medians over init seeds 0.1, 0.05 at epoch 10)
        assertEquals(List.of("[10, 100)", "6", "p1 grid_n=8", "0.01563", "relu_net width=8 epochs=10", "0.05000", "3.20"),
                t.get(1).subList(0, 7));
        assertTrue(html.indexOf("class=\"answer\"") < html.indexOf("Error vs degrees of freedom"), "the answer first");
        // the width-8 network (33 DOF, 0.05) beats P1 on 4 x 4 nodes (16 DOF, 1/16)
        assertTrue(html.contains("In relative L2 error, a network first beats P1 at 33 DOF: relu_net width=8 epochs=10"), html);
    }

    @Test
    void chartsAreDrawnInThePageFromEmbeddedDataWithPngFallbacks() throws IOException {
        Matcher data = Pattern.compile("<script id=\"relufem-data\" type=\"application/json\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertTrue(data.find());
        int hosts = html.split("class=\"uplot-host\"", -1).length - 1;
        assertEquals(hosts, data.group(1).split("\"xlabel\":", -1).length - 1, "one data entry per chart");
        assertEquals(3, hosts); // error vs fit time, vs DOF, vs epochs
        assertTrue(data.group(1).contains("trial_id = net-8-1-10"), "a hover names the median seed's trial");
        assertTrue(html.contains("uPlot") && html.contains("window.relufem"), "uPlot and the page script inlined");
        Matcher img = Pattern.compile("<noscript><img width=\"720\" height=\"440\" alt=\"([^\"]+)\" "
                + "src=\"data:image/png;base64,([^\"]+)\">").matcher(html);
        int pngs = 0;
        while (img.find()) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(img.group(2))));
            assertNotNull(png, img.group(1));
            assertEquals(720, png.getWidth());
            pngs++;
        }
        assertEquals(hosts, pngs);
        // seed2d in 2-D: a picture of f on a 61 x 61 grid, drawn by the page's script
        assertTrue(html.contains("<script type=\"application/json\" class=\"picture-data\">{\"title\":\"seed2d, d = 2"));
        assertFalse(Pattern.compile("(src|href)=\"https?:").matcher(html).find(), "nothing to fetch from the network");
    }

    @Test
    void severalSweepsReadTogetherAreOneReport() {
        String both = HtmlReport.render(spark, dir.resolve("out").toString(), List.of("known", "other"));
        assertTrue(both.contains("<h2>Sweeps <code>known, other</code></h2>"), "one section");
        // Q1 of the other sweep at 64 DOF (rel_l2 1/64) now runs up to P1 in the [10, 100) band
        assertTrue(both.contains("<tr><td>[10, 100)</td><td class=\"n\">7</td><td>p1 grid_n=8</td><td class=\"n\">0.01563</td>"
                + "<td>q1</td><td class=\"n\">0.01563</td><td class=\"n\">1.00</td>"), both);
    }

    @Test
    void anUnknownSweepIsRefusedAndAReportInTheTableIsNotData() throws IOException {
        Path out = dir.resolve("out");
        BadInputException e = assertThrows(BadInputException.class, () -> HtmlReport.render(spark, out.toString(), List.of("known", "nope")));
        assertTrue(e.getMessage().contains("no sweep 'nope'") && e.getMessage().contains("known"), e.getMessage());
        Files.writeString(out.resolve("report.html"), html);
        assertEquals(3 + 12 + 1, ResultsTable.register(spark, out.toString()).count());
    }
}
