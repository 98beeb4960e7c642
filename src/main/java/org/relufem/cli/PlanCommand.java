package org.relufem.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.relufem.report.OutputFormat;
import org.relufem.sweep.CostModel;
import org.relufem.sweep.MethodBlock;
import org.relufem.sweep.SpecParser;
import org.relufem.sweep.SweepSpec;
import org.relufem.sweep.TrialSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Validate a spec and print its trials per method and estimated cost; writes nothing.")
final class PlanCommand implements Runnable {
    @Parameters(index = "0", paramLabel = "SPEC", description = "sweep spec (HOCON)")
    Path spec;

    @Option(names = "--cores", paramLabel = "N", description = "cores to spread the estimate over, default: this machine's")
    Integer cores;

    @Spec
    CommandSpec command;

    @Override
    public void run() {
        if (cores != null && cores < 1) {
            throw new ParameterException(command.commandLine(), "--cores must be >= 1, got " + cores);
        }
        SweepSpec sweep = SpecParser.load(spec);
        TrialSpace space = new TrialSpace(sweep);
        List<String[]> lines = new ArrayList<>();
        double total = 0;
        long start = 0;
        for (int b = 0; b < sweep.methods().size(); b++) {
            MethodBlock m = sweep.methods().get(b);
            long trials = space.blockSize(b);
            double seconds = 0;
            for (long i = start; i < start + trials; i++) {
                seconds += CostModel.seconds(space.trial(i));
            }
            start += trials;
            total += seconds;
            lines.add(new String[] {String.valueOf(b), m.method(), m.data().sampler().label(), String.valueOf(trials),
                String.valueOf(space.blockRows(b)), String.format(Locale.ROOT, "%.1f", seconds)});
        }
        System.out.println("sweep " + sweep.name() + " (" + spec + ")");
        OutputFormat.printTable(new String[] {"block", "method", "sampler", "trials", "rows", "est_core_seconds"},
                lines, System.out);
        int n = cores == null ? Runtime.getRuntime().availableProcessors() : cores;
        System.out.printf(Locale.ROOT,
                "total: %d trials, %d rows, about %.0f core-seconds (%.3g core-hours; %.0f s on %d cores)%n",
                space.size(), space.rowCount(), total, total / 3600, total / n, n);
    }
}
