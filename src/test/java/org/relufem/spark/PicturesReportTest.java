package org.relufem.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relufem.report.HtmlReport;
import org.relufem.report.ResultsTable;
import org.relufem.sample.TensorGrid;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TestDesign;
import org.relufem.target.Target;

/**
 * The report's pictures from a real sweep with {@code test.field = true}: formula targets (known
 * to the report only through the sweep's stored spec) drawn as f on the field grid, and each
 * method's g (the row's {@code field}) with |f - g|, zero where P1's nodes meet the field grid's.
 */
class PicturesReportTest {
    static final String SPEC = """
            sweep = pictures
            targets = [
              { name = wave, formula = "sin(3 * x) + x^2", box = [[0, 2]] }
              { name = bump, formula = "exp(-((x - 0.3)^2 + (y - 0.6)^2) / 0.05)", box = [[0, 1], [0, 1]] }
            ]
            test { points = 200, seeds = [0], field = true }
            methods = [
              { method = p1, data { sampler = grid, grid_n = 9 } }
              { method = relu_net, data { sampler = uniform, points = 100 }, width = 6, epochs = 20 }
            ]
            """;

    @TempDir
    Path dir;

    @Test
    void picturesDrawFAndEachMethodsGAndItsErrorField() throws Exception {
        SparkSession spark = SharedSpark.get();
        SweepSpec spec = SpecParser.parse(SPEC, "pictures.conf");
        String out = dir.resolve("out").toString();
        SweepJob.run(spark, spec, out, SweepJob.Options.DEFAULT);
        String html = HtmlReport.render(spark, out, List.of("pictures"));
        ResultsTable.register(spark, out);
        Map<String, double[]> fields = new HashMap<>();
        for (Row r : spark.sql("SELECT target, method, field FROM trials").collectAsList()) {
            fields.put(r.getString(0) + "/" + r.getString(1), ((Vector) r.get(2)).toArray());
        }
        Matcher m = Pattern.compile("<script type=\"application/json\" class=\"picture-data\">(.*?)</script>").matcher(html);
        Map<String, JsonNode> pictures = new HashMap<>();
        while (m.find()) {
            JsonNode p = new ObjectMapper().readTree(m.group(1));
            pictures.put(p.get("title").asText(), p);
        }
        assertEquals(2, pictures.size(), pictures.keySet().toString());
        for (var t : spec.targets()) {
            JsonNode p = pictures.get(t.name() + ", d = " + t.dim());
            assertNotNull(p, t.name());
            Target f = t.definition().create();
            TensorGrid grid = TestDesign.fieldGrid(f.domain());
            double[] nodes = grid.nodes();
            int count = grid.nodeCount();
            assertEquals(t.dim() == 1 ? 401 : 61 * 61, count);
            JsonNode fv = p.get("f");
            assertEquals(count, fv.size());
            for (int i = 0; i < count; i++) {
                assertEquals(f.value(nodes, i * t.dim()), fv.get(i).asDouble(), 1e-6, "f at node " + i);
            }
            JsonNode methods = p.get("methods");
            assertEquals(2, methods.size());
            for (JsonNode method : methods) {
                String name = method.get("label").asText().startsWith("p1") ? "p1" : "relu_net";
                double[] g = fields.get(t.name() + "/" + name);
                assertEquals(count, g.length);
                JsonNode gv = method.get("g");
                JsonNode err = method.get("err");
                assertTrue(method.has("at") && method.get("max").asDouble() > 0, method.toString());
                for (int i = 0; i < count; i++) {
                    assertEquals(g[i], gv.get(i).asDouble(), 1e-6 * Math.max(1, Math.abs(g[i])), name + " g at node " + i);
                    double e = Math.abs(f.value(nodes, i * t.dim()) - g[i]);
                    assertEquals(e, err.get(i).asDouble(), 0.006 * e, name + " |f - g| at node " + i);
                }
                if (name.equals("p1")) {
                    // P1's nodes (spacing 1/4 of [0, 2], 1/8 of [0, 1]) are every 50th node of the field
                    // grid in 1-D (spacing 1/200) and every 15th per axis in 2-D (1/60): there g = f
                    int step = t.dim() == 1 ? 50 : 15;
                    int n = grid.nodesPerAxis();
                    for (int j = 0; j < (t.dim() == 1 ? 1 : n); j += step) {
                        for (int i = 0; i < n; i += step) {
                            assertEquals(0.0, err.get(i + n * j).asDouble(), 1e-15, "P1 at its node " + (i + n * j));
                        }
                    }
                }
            }
        }
    }
}
