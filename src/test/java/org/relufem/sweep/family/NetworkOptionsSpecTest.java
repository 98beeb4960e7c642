package org.relufem.sweep.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relufem.BadInputException;
import org.relufem.method.fem.ReluFem;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.Trial;
import org.relufem.sweep.TrialSpace;

/** The network options of a spec (issue 7): init, init_std, lr_end and loss_tol as axes, and their ids. */
class NetworkOptionsSpecTest {
    private static final String BASE = """
            sweep = opts
            targets = [ { name = seed2d } ]
            test { points = 50 }
            methods = [
              { method = relu_net, data { sampler = grid, grid_n = 4 }, width = [16, 20], epochs = [5, 10]
                %s }
            ]
            """;

    private static SweepSpec spec(String options) {
        return SpecParser.parse(BASE.formatted(options), "opts.conf");
    }

    private static TrialSpace space(String options) {
        return new TrialSpace(spec(options));
    }

    private static String error(String options) {
        return assertThrows(BadInputException.class, () -> spec(options)).getMessage();
    }

    /**
     * Row ids of conf/seed.conf trials 0 (p1, n = 8), 10 (width 10, init seed 0) and 39 (width
     * 1000, init seed 9), computed with the code before network options existed (commit c3e7826):
     * every existing table's rows must keep their ids, so reruns skip them.
     */
    @Test
    void theSeedStudyKeepsItsTrialIds() {
        TrialSpace seed = new TrialSpace(SpecParser.load(Path.of("conf/seed.conf")));
        assertEquals(40, seed.size());
        assertEquals(List.of("56e6a08ec7f565bb"), seed.trial(0).rowIds());
        assertEquals(List.of("3e3f49e428c736c5", "6dd1898494012274"), seed.trial(10).rowIds());
        assertEquals(List.of("905cb9e040ec7b94", "fc90db2e44976453"), seed.trial(39).rowIds());
        assertEquals(NetworkOptions.DEFAULT, options(seed.trial(10)));
        assertNull(seed.trial(0).params() instanceof NetworkParams n ? n : null, "p1 has no network");
    }

    @Test
    void eachKeyIsAnAxisAndTheDefaultsAddNothing() {
        TrialSpace plain = space("");
        TrialSpace options = space("init = [torch, he], lr_end = [1e-4, 1e-5], loss_tol = 1e-6");
        assertEquals(2, plain.size());
        assertEquals(2 * 2 * 2, options.size());
        assertEquals(List.of(NetworkOptions.DEFAULT), ((Networks.NetworkAxes) plain.spec().methods().get(0).own()).options().values());
        Set<String> ids = new HashSet<>();
        Set<NetworkOptions> seen = new HashSet<>();
        for (long i = 0; i < options.size(); i++) {
            Trial t = options.trial(i);
            assertEquals(1e-6, options(t).lossTol());
            seen.add(options(t));
            ids.addAll(t.rowIds());
        }
        assertEquals(4, seen.size());
        assertEquals(options.rowCount(), ids.size(), "every row has its own id");
        // init = torch written out is the default: same trials, same ids.
        assertEquals(plain.trial(1).rowIds(), space("init = torch").trial(1).rowIds());
        TrialSpace normal = space("init = normal, init_std = [0.1, 0.5]");
        assertEquals(4, normal.size());
        assertEquals(new NetworkOptions(NetworkOptions.Init.NORMAL, 0.5, null, null, null, false), options(normal.trial(1)));
        assertNotEquals(normal.trial(0).rowIds(), normal.trial(1).rowIds());
    }

    @Test
    void anLrDecayIdHoldsItsHorizonAndOtherOptionsDoNot() {
        String longer = "epochs = [5, 20]";
        Trial decay = space("lr_end = 1e-5").trial(0);
        Trial decayLonger = new TrialSpace(SpecParser.parse(BASE.formatted("lr_end = 1e-5")
                .replace("epochs = [5, 10]", longer), "x.conf")).trial(0);
        assertNotEquals(decay.rowIds().get(0), decayLonger.rowIds().get(0), "epoch 5 of a decay to 10 vs to 20");
        assertTrue(decay.canonical().contains("lr_end=1.0E-5;lr_end_epoch=10"), decay.canonical());
        Trial stop = space("loss_tol = 1e-3").trial(0);
        Trial stopLonger = new TrialSpace(SpecParser.parse(BASE.formatted("loss_tol = 1e-3")
                .replace("epochs = [5, 10]", longer), "x.conf")).trial(0);
        assertEquals(stop.rowIds().get(0), stopLonger.rowIds().get(0), "a stop does not depend on later epochs");
    }

    @Test
    void blocksShareTrialsOnlyWhenTheirOptionsOverlap() {
        String two = """
                sweep = two
                targets = [ { name = seed2d } ]
                methods = [
                  { method = relu_net, data { sampler = grid, grid_n = 4 }, width = 5, epochs = %s, %s }
                  { method = relu_net, data { sampler = grid, grid_n = 4 }, width = 5, epochs = 10, %s }
                ]
                """;
        assertEquals(2, new TrialSpace(SpecParser.parse(two.formatted("10", "init = he", "init = torch"), "a")).size());
        assertEquals(2, new TrialSpace(SpecParser.parse(two.formatted("20", "lr_end = 1e-5", "lr_end = 1e-5"), "b"))
                .size(), "decays to different horizons are different trials");
        String repeated = assertThrows(BadInputException.class,
                () -> SpecParser.parse(two.formatted("10", "init = [he, torch]", "init = he"), "c")).getMessage();
        assertTrue(repeated.contains("repeats trials of methods[0]") && repeated.contains("init = he"), repeated);
        assertThrows(BadInputException.class,
                () -> SpecParser.parse(two.formatted("20", "lr_end = 1e-5", "lr_end = [1e-4, 1e-5]")
                        .replace("epochs = 10", "epochs = [5, 20]"), "d"));
    }

    @Test
    void badOptionsNameTheKey() {
        assertTrue(error("init = xavier").contains("unknown init 'xavier' in methods[0].init"));
        assertTrue(error("init = [he, normal], init_std = 0.1").contains("methods[0].init_std is the std of init = normal"));
        assertTrue(error("init = he, init_std = 0.1").contains("repeat across init_std values with one trial_id"));
        assertTrue(error("init = normal").contains("needs methods[0].init_std"));
        assertTrue(error("init = [normal, torch]").contains("needs methods[0].init_std"));
        assertTrue(error("init = normal, init_std = -1").contains("methods[0].init_std must be positive"));
        assertTrue(error("lr_end = 0").contains("methods[0].lr_end must be positive"));
        assertTrue(error("loss_tol = -1e-3").contains("methods[0].loss_tol must be positive"));
        assertTrue(error("optimizer = [adam, lm], lr_end = 1e-5").contains("methods[0].lr_end decays Adam's learning rate"));
        assertEquals(2, space("optimizer = adam_lsq, lr_end = 1e-5").size());
        assertTrue(error("lr_end = [1e-4, 1e-4]").contains("methods[0].lr_end repeats a value"));
        for (String message : List.of(error("init = relu_fem, width = 14"), error("init = relu_fem, depth = [2, 1]"))) {
            assertTrue(message.startsWith("opts.conf: 6: ") && message.contains("init = relu_fem in methods[0].init on"
                    + " grid_n = 4 in d = 2 (target seed2d) needs width >= 15 and depth >= 2"), message);
        }
        assertEquals(4, space("init = relu_fem, depth = [2, 3]").size());
    }

    private static NetworkOptions options(Trial t) {
        return ((NetworkParams) t.params()).options();
    }

    @Test
    void theReluFemInitIsNamedAfterTheMethodWhoseNetworkItStartsFrom() {
        assertEquals(ReluFem.METHOD_NAME, NetworkOptions.Init.RELU_FEM.label());
        assertTrue(MethodFamilies.methods().contains(NetworkOptions.Init.RELU_FEM.label()));
        assertEquals(List.of("torch", "he", "normal", "relu_fem"), NetworkOptions.Init.labels());
    }

    @Test
    void reluFemInitOnAFormulaTargetBuildsThatTargetsGrid() {
        SweepSpec formula = SpecParser.parse(BASE.formatted("init = relu_fem, depth = 2").replace("{ name = seed2d }",
                "{ name = bump, formula = \"exp(-x^2 - y^2)\", box = [[0, 2], [0, 1]] }"), "opts.conf");
        assertEquals(2, new TrialSpace(formula).size());
        String narrow = assertThrows(BadInputException.class, () -> SpecParser.parse(BASE.formatted("init = relu_fem")
                .replace("width = [16, 20]", "width = 3").replace("{ name = seed2d }",
                        "{ name = bump, formula = \"x * y\", box = [[0, 2], [0, 1]] }"), "opts.conf")).getMessage();
        assertTrue(narrow.contains("(target bump) needs width >= "), narrow);
    }
}
