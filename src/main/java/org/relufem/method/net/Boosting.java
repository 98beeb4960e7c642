package org.relufem.method.net;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.relufem.method.Approximant;
import org.relufem.method.Approximator;
import org.relufem.method.Fit;
import org.relufem.method.Stage;
import org.relufem.metric.Errors;
import org.relufem.sample.RandomStreams;
import org.relufem.sample.SampleSet;

/**
 * Boosting after Michaud, Liu &amp; Tegmark ("Precision machine learning", 2023): stage 1 is
 * {@code training} on the data; stage k &gt; 1 trains a fresh network of the same shape, optimiser
 * and epochs on the residual of stages 1..k-1 divided by its mean absolute value s_k, and the fit
 * is their sum ({@link BoostedNetwork}). Each stage's network is drawn from its own init stream
 * (stage 1's is {@code training}'s).
 *
 * <p>{@link #fitRounds} reports the rounds in {@code stages}, each with a checkpoint per epoch
 * count of {@code training}: the sum of the stages before and this one's network at that epoch,
 * its training MSE on the data, timed from the start of stage 1; the round's loss history and
 * early stop are its own training's (on the scaled residual: {@code loss_tol} and
 * {@code grad_tol} apply per stage). A stage that did not train (diverged, failed, out of time)
 * or a residual of zero ends boosting: the later rounds report failed stages saying why.
 *
 * @param stages the rounds to report, each &gt;= 1; boosting runs to the largest
 */
public record Boosting(NetTraining training, List<Integer> stages) implements Approximator {
    public Boosting {
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("boost_stages must name at least one stage");
        }
        stages = List.copyOf(new TreeSet<>(stages));
        Network.requirePositive("boost_stages", stages.get(0));
    }

    /** Stage {@code k}'s init seed: {@code training}'s for stage 1, else drawn from its boost stream. */
    long initSeed(int k) {
        return k == 1 ? training.initSeed() : RandomStreams.of(training.initSeed(), RandomStreams.BOOST + k).nextLong() >>> 1;
    }

    @Override
    public Approximant fit(SampleSet data) {
        List<Fit> rounds = fitRounds(data, Double.POSITIVE_INFINITY);
        List<Stage> last = rounds.get(rounds.size() - 1).stages();
        Stage stage = last.get(last.size() - 1);
        if (stage.status() != Stage.Status.OK) {
            throw new IllegalStateException(stage.message());
        }
        return stage.approximant();
    }

    @Override
    public Fit fitStages(SampleSet data, double budgetSeconds) {
        List<Fit> rounds = fitRounds(data, budgetSeconds);
        return rounds.get(rounds.size() - 1);
    }

    @Override
    public Fit fitStages(SampleSet data) {
        return fitStages(data, Double.POSITIVE_INFINITY);
    }

    @Override
    public List<Fit> fitRounds(SampleSet data, double budgetSeconds) {
        List<Fit> out = new ArrayList<>(stages.size());
        int last = stages.get(stages.size() - 1);
        SampleSet current = data;
        BoostedNetwork sum = null;
        double scale = 1;
        double elapsed = 0;
        for (int k = 1; k <= last; k++) {
            Fit fit = training.withInitSeed(initSeed(k)).fitStages(current, budgetSeconds - elapsed);
            List<Stage> summed = new ArrayList<>(fit.stages().size());
            for (Stage s : fit.stages()) {
                double seconds = elapsed + s.fitSeconds();
                if (s.status() != Stage.Status.OK) {
                    summed.add(new Stage(s.epochs(), null, Double.NaN, seconds, s.status(), s.message()));
                    continue;
                }
                Network net = (Network) s.approximant();
                BoostedNetwork g = sum == null ? new BoostedNetwork(List.of(net), new double[] {1}) : sum.plus(scale, net);
                summed.add(Stage.ok(s.epochs(), g, Errors.of(g, data).mse(), seconds));
            }
            if (stages.contains(k)) {
                out.add(new Fit(summed, fit.lossHistory(), fit.stopEpoch(), fit.stopReason()));
            }
            Stage end = summed.get(summed.size() - 1);
            String why = end.status() != Stage.Status.OK ? "boosting stage " + k + " did not train: " + end.message()
                    : null;
            if (why == null && k < last) {
                sum = (BoostedNetwork) end.approximant();
                double[] residual = new double[data.count()];
                sum.values(data.points(), data.count(), residual);
                double meanAbs = 0;
                for (int i = 0; i < residual.length; i++) {
                    residual[i] = data.values()[i] - residual[i];
                    meanAbs += Math.abs(residual[i]);
                }
                scale = meanAbs / residual.length;
                if (!(scale > 0) || Double.isInfinite(scale)) {
                    why = "the residual after boosting stage " + k + " has mean absolute value " + scale
                            + ": nothing to boost";
                } else {
                    for (int i = 0; i < residual.length; i++) {
                        residual[i] /= scale;
                    }
                    current = new SampleSet(data.dimension(), data.points(), residual, data.grid());
                }
            }
            elapsed = end.fitSeconds();
            if (why != null) {
                for (int r : stages) {
                    if (r > k) {
                        List<Stage> failed = new ArrayList<>();
                        for (int e : training.epochs()) {
                            failed.add(Stage.failed(e, elapsed, why));
                        }
                        out.add(new Fit(failed, null));
                    }
                }
                break;
            }
        }
        return out;
    }
}
