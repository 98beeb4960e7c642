package org.relufem.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relufem.sample.Sampler;
import org.relufem.sweep.family.NetworkParams;

class TrialSpaceTest {
    private static final SweepSpec SMALL = SpecParser.parse(SweepSpecTest.SMALL, "small.conf");

    @Test
    void trialCountIsTheProductOfAxisSizesPerMethod() {
        TrialSpace space = new TrialSpace(SMALL);
        // targets (seed2d, gaussian d=1, d=3) x test seeds 2 x grid_n 2
        assertEquals(3 * 2 * 2, space.blockSize(0));
        // targets 3 x test seeds 2 x points 2 x seeds 1 x widths 2 x depths 2 x optimizers 1 x lrs 1 x batch 1 x init 3
        assertEquals(3 * 2 * 2 * 2 * 2 * 3, space.blockSize(1));
        assertEquals(12 + 144, space.size());
        assertEquals(12 + 144 * 2, space.rowCount());
    }

    @Test
    void indexTrialIndexRoundTripsAndEveryRowIdIsDistinct() {
        TrialSpace space = new TrialSpace(SMALL);
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < space.size(); i++) {
            Trial t = space.trial(i);
            assertEquals(i, t.index());
            ids.addAll(t.rowIds());
        }
        assertEquals(space.rowCount(), ids.size());
        assertThrows(IndexOutOfBoundsException.class, () -> space.trial(space.size()));
    }

    @Test
    void blocksThatComeCloseToSharingATrialStillGiveDistinctIds() {
        // Same method and sampler in several blocks, each differing on one own axis; batch sizes
        // below every data size. The spec check (RepeatedTrials) lets these through: it must not
        // let a repeated id through with them.
        SweepSpec spec = SpecParser.parse("""
                sweep = near
                targets = [ { name = seed2d } ]
                methods = [
                  { method = p1, data { sampler = grid, grid_n = [3, 4] } }
                  { method = p1, data { sampler = grid, grid_n = 5 } }
                  { method = relu_net, data { sampler = grid, grid_n = [3, 4] }, width = 2, epochs = 1, batch_size = [0, 8] }
                  { method = relu_net, data { sampler = grid, grid_n = [3, 4] }, width = 3, epochs = 1 }
                  { method = relu_net, data { sampler = uniform, points = 9, seeds = 0 }, width = 2, epochs = 1 }
                  { method = relu_net, data { sampler = uniform, points = 9, seeds = 1 }, width = 2, epochs = 1 }
                ]
                """, "near.conf");
        TrialSpace space = new TrialSpace(spec);
        Set<String> ids = new HashSet<>();
        for (long i = 0; i < space.size(); i++) {
            ids.addAll(space.trial(i).rowIds());
        }
        assertEquals(space.rowCount(), ids.size());
    }

    @Test
    void equalParametersGiveEqualIdsWhateverTheSpec() {
        // The same p1 trial sits at a different index in a spec with more axes; its id does not move.
        SweepSpec other = SpecParser.parse(SweepSpecTest.SMALL.replace("grid_n = [4, 8]", "grid_n = [2, 3, 4, 8]")
                .replace("sweep = small", "sweep = other"), "other.conf");
        Trial a = new TrialSpace(SMALL).trial(0);
        Trial b = new TrialSpace(other).trial(2);
        assertEquals(List.of("p1", "seed2d", 4, 0L), List.of(b.method(), b.target(), b.data().gridN(), b.testSeed()));
        assertNotEquals(a.index(), b.index());
        assertEquals(a.rowIds(), b.rowIds());
        assertEquals(a.canonical(), b.canonical());
    }

    @Test
    void changingAnyParameterChangesTheId() {
        Trial net = new TrialSpace(SMALL).trial(12);
        String id = net.rowIds().get(0);
        List<Trial> variants = List.of(
                with(net, "target"), with(net, "dim"), with(net, "trainPoints"), with(net, "trainSeed"),
                with(net, "width"), with(net, "depth"), with(net, "optimizer"), with(net, "lr"),
                with(net, "batchSize"), with(net, "initSeed"), with(net, "testSeed"), with(net, "testPoints"),
                with(net, "method"), with(net, "sampler"));
        Set<String> seen = new HashSet<>(List.of(id));
        for (Trial v : variants) {
            assertEquals(true, seen.add(v.rowIds().get(0)), "changing a parameter must change the id: " + v.canonical());
        }
        assertNotEquals(net.rowIds().get(0), net.rowIds().get(1), "each epoch checkpoint is its own row");
    }

    private static Trial with(Trial t, String field) {
        NetworkParams n = (NetworkParams) t.params();
        TrainingData d = t.data();
        return new Trial(t.index(), field.equals("method") ? "relu_net2" : t.method(),
                field.equals("target") ? "oscillatory" : t.target(), field.equals("dim") ? t.dim() + 1 : t.dim(),
                new TrainingData(field.equals("sampler") ? Sampler.SOBOL : d.sampler(), d.gridN(),
                        field.equals("trainPoints") ? d.points() + 1 : d.points(),
                        field.equals("trainSeed") ? d.seed() + 1 : d.seed()),
                field.equals("testSeed") ? t.testSeed() + 1 : t.testSeed(),
                field.equals("testPoints") ? t.testPoints() + 1 : t.testPoints(),
                new NetworkParams(field.equals("width") ? n.width() + 1 : n.width(),
                        field.equals("depth") ? n.depth() + 1 : n.depth(),
                        field.equals("optimizer") ? "lbfgs" : n.optimizer(), field.equals("lr") ? n.lr() * 2 : n.lr(),
                        field.equals("batchSize") ? n.batchSize() - 1 : n.batchSize(),
                        field.equals("initSeed") ? n.initSeed() + 1 : n.initSeed(), n.epochs(), n.keepWeights(),
                        n.options()));
    }
}
