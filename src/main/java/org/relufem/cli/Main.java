package org.relufem.cli;

import java.io.PrintWriter;
import org.apache.spark.sql.SparkSession;
import org.relufem.BadInputException;
import org.relufem.sweep.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code relufem} entry point. Exit codes: 0 success, 2 bad input (spec, arguments, output
 * directory), 1 any other failure. Results go to stdout, everything else to stderr.
 */
@Command(name = "relufem", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {RunCommand.class, PlanCommand.class, QueryCommand.class, ReportCommand.class, VerifyCommand.class},
        description = "When does a trained ReLU network beat finite elements, and at what cost?")
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = execute(args);
        if (code != 0) {
            // The failure has been said in one line; stopping Spark under tasks still running (a failed
            // query's other tasks) logs interrupted channels and rejected status updates, which are noise.
            org.apache.logging.log4j.core.config.Configurator.setAllLevels(
                    org.apache.logging.log4j.LogManager.ROOT_LOGGER_NAME, org.apache.logging.log4j.Level.OFF);
        }
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        System.exit(code);
    }

    /**
     * Runs the command line and returns its exit code. Commands share the default SparkSession and
     * leave it running (tests reuse one); {@link #main} stops it before the JVM exits.
     */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler(Main::handle);
        cli.setParameterExceptionHandler(Main::badArguments);
        try {
            cli.setDefaultValueProvider(new SparkPropertyDefaults());
        } catch (BadInputException e) {
            cli.getErr().println("relufem: " + oneLine(e.getMessage()));
            return 2;
        }
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: run, plan, query, report or verify");
    }

    /**
     * Bad arguments (unknown options, missing values, values picocli cannot convert): one line
     * naming the problem and where the usage is, instead of picocli's message plus full usage.
     */
    private static int badArguments(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        cli.getErr().println("relufem: " + oneLine(e.getMessage()) + " (see '"
                + cli.getCommandSpec().qualifiedName() + " --help')");
        return cli.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static int handle(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof BadInputException) {
            err.println("relufem: " + oneLine(e.getMessage()));
            return 2;
        }
        var storage = org.relufem.spark.StorageFailure.in(e, outOf(parsed));
        if (storage.isPresent()) {
            err.println("relufem: " + oneLine(storage.get().getMessage()));
            return 1;
        }
        err.println("relufem: failed: " + e);
        e.printStackTrace(err);
        return 1;
    }

    /** The command's --out, for messages that name a command to run on the table. */
    private static String outOf(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--out")) {
                return p.matchedOptionValue("--out", "results");
            }
        }
        return "results";
    }

    /** Bad input is reported on one line: line breaks inside a message become spaces. */
    private static String oneLine(String message) {
        return String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " ");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"relufem " + BuildInfo.version()};
        }
    }
}
