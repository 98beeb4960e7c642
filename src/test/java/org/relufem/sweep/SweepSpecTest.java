package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.relufem.BadInputException;

class SweepSpecTest {
    static final String SMALL = """
            sweep = small
            targets = [ { name = seed2d }, { name = gaussian, dim = [1, 3] } ]
            test { points = 200, seeds = [0, 1] }
            methods = [
              { method = p1, data { sampler = grid, grid_n = [4, 8] } }
              { method = relu_net
                data { sampler = uniform, points = [50, 100], seeds = [7] }
                width = [5, 9], depth = [1, 2], lr = [1e-2]
                epochs = [20, 5]
                init_seeds = [0, 1, 2]
              }
            ]
            """;

    @Test
    void theBenchSpecsAre200EqualTrialsThatDifferOnlyInEpochs() {
        SweepSpec small = SpecParser.load(Path.of("conf/bench-scaling.conf"));
        SweepSpec speedup = SpecParser.load(Path.of("conf/bench-speedup.conf"));
        TrialSpace a = new TrialSpace(small);
        TrialSpace b = new TrialSpace(speedup);
        assertEquals(200, a.size());
        assertEquals(200, b.size());
        assertEquals(List.of(new Checkpoint(1, 300)), a.trial(0).checkpoints());
        assertEquals(List.of(new Checkpoint(1, 1500)), b.trial(0).checkpoints());
        assertEquals(small.canonical().replace("bench-scaling", "bench-speedup").replace("\"epochs\":300,",
                "\"epochs\":1500,"), speedup.canonical(), "same trials but for epochs and the sweep name");
        for (long i = 0; i < b.size(); i++) {
            assertEquals(CostModel.seconds(b.trial(0)), CostModel.seconds(b.trial(i)), "trial " + i + " differs in cost");
        }
    }

    @Test
    void theSeedSpecReadsAsTheSeedStudy() {
        SweepSpec spec = SpecParser.load(Path.of("conf/seed.conf"));
        assertEquals("seed-study", spec.name());
        assertEquals(List.of(new TargetChoice("seed2d", 2)), spec.targets());
        assertEquals(new TestDesign(TestDesign.Kind.UNIFORM, 1000, true), spec.test(), "1000 uniform points, g stored");
        MethodBlock net = spec.methods().get(2);
        assertEquals(List.of(10, 100, 1000), axis(net, "width"));
        assertEquals(2, net.own().rowsPerTrial(), "checkpoints at 100 and 1000 epochs");
        assertEquals(List.of(1e-3), axis(net, "lr"));
        assertEquals(10, axis(net, "init_seeds").size());
        assertEquals(List.of(0), axis(net, "batch_size"));
        assertEquals(List.of("adam"), axis(net, "optimizer"));
    }

    @Test
    void defaultsAndSortedCheckpoints() {
        SweepSpec spec = SpecParser.parse(SMALL, "small.conf");
        assertEquals(3, spec.targets().size());
        MethodBlock net = spec.methods().get(1);
        assertEquals(List.of(new Checkpoint(1, 5), new Checkpoint(1, 20)), new TrialSpace(spec).trial(12).checkpoints());
        assertEquals(List.of("adam"), axis(net, "optimizer"));
        assertEquals(List.of(7L), net.data().seeds());
        assertTrue(spec.fingerprint().matches("[0-9a-f]{16}"));
        assertNotEquals(spec.fingerprint(), SpecParser.parse(SMALL.replace("points = 200", "points = 201"), "x").fingerprint());
    }

    @Test
    void specsPickThePrecisionOptimisersByName() {
        SweepSpec spec = SpecParser.parse(SMALL.replace("lr = [1e-2]", "lr = [1e-2], optimizer = [adam, lbfgs, lm, adam_lsq]"),
                "small.conf");
        assertEquals(List.of("adam", "lbfgs", "lm", "adam_lsq"), axis(spec.methods().get(1), "optimizer"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            syntax error           | sweep = x\\ntargets = [ { name = seed2d } |cannot read spec
            unknown top key        | sweep = x\\ntargets = [{name = seed2d}]\\nmethodz = []|unknown key 'methodz'
            unknown method key     | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = 4}, widht = 3}]|unknown key 'widht' in methods[0]
            wrong type             | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = grid, grid_n = 4}, width = ten, epochs = 1}]|methods[0].width must be an integer, got string
            empty axis             | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = []}}]|methods[0].data.grid_n is an empty axis
            negative width         | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = grid, grid_n = 4}, width = -5, epochs = 1}]|methods[0].width must be >= 1, got -5
            zero epochs            | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = grid, grid_n = 4}, width = 5, epochs = [10, 0]}]|methods[0].epochs must be >= 1, got 0
            fractional epochs      | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = grid, grid_n = 4}, width = 5, epochs = 2.5}]|must be an integer, got 2.5
            negative lr            | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = grid, grid_n = 4}, width = 5, epochs = 1, lr = -1}]|methods[0].lr must be positive
            unknown target         | sweep = x\\ntargets = [{name = sead2d}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = 4}}]|unknown target 'sead2d'
            unsupported dim        | sweep = x\\ntargets = [{name = seed2d, dim = 3}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = 4}}]|supports only dim = 2
            missing dim            | sweep = x\\ntargets = [{name = gaussian}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = 4}}]|give dim = ...
            unknown method         | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = p2, data {sampler = grid, grid_n = 4}}]|unknown method 'p2'
            sampler mismatch       | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = p1, data {sampler = uniform, points = 100}}]|method p1 cannot use sampler = uniform
            unknown optimizer      | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = grid, grid_n = 4}, width = 5, epochs = 1, optimizer = sgd}]|unknown optimizer 'sgd'
            grid too large         | sweep = x\\ntargets = [{name = gaussian, dim = 6}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = 40}}]|the limit is
            bad sweep name         | sweep = "Seed Study"\\ntargets = [{name = seed2d}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = 4}}]|sweep must match [a-z0-9-]+
            missing methods        | sweep = x\\ntargets = [{name = seed2d}]|missing key 'methods'
            repeated axis value    | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = p1, data {sampler = grid, grid_n = [4, 4]}}]|repeats a value
            grid key for uniform   | sweep = x\\ntargets = [{name = seed2d}]\\nmethods = [{method = relu_net, data {sampler = uniform, grid_n = 4, points = 9}, width = 5, epochs = 1}]|unknown key 'grid_n' in methods[0].data
            """)
    void badSpecsNameTheProblemAndTheLine(String what, String text, String expected) {
        BadInputException e = assertThrows(BadInputException.class, () -> SpecParser.parse(text.replace("\\n", "\n"), "bad.conf"));
        assertTrue(e.getMessage().contains(expected), what + ": '" + e.getMessage() + "' should contain '" + expected + "'");
        assertTrue(e.getMessage().contains("bad.conf"), what + ": message names the file: " + e.getMessage());
    }

    @Test
    void errorsCarryTheLineOfTheOffendingValue() {
        String text = "sweep = x\ntargets = [{name = seed2d}]\nmethods = [\n  {method = relu_net\n   data {sampler = grid, grid_n = 4}\n   width = -1, epochs = 1}\n]";
        BadInputException e = assertThrows(BadInputException.class, () -> SpecParser.parse(text, "lines.conf"));
        assertTrue(e.getMessage().startsWith("lines.conf: 6: "), e.getMessage());
    }

    @Test
    void missingAndDirectorySpecFilesAreClearErrors() {
        BadInputException missing = assertThrows(BadInputException.class, () -> SpecParser.load(Path.of("conf/nope.conf")));
        assertTrue(missing.getMessage().contains("spec file not found: conf/nope.conf"), missing.getMessage());
        BadInputException dir = assertThrows(BadInputException.class, () -> SpecParser.load(Path.of("conf")));
        assertTrue(dir.getMessage().contains("is a directory"), dir.getMessage());
    }

    /** The values of a block's own axis {@code name}. */
    static List<?> axis(MethodBlock block, String name) {
        return block.own().axes().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow().values();
    }
}
