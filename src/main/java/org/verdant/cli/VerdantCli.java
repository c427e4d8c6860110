package org.verdant.cli;

import org.verdant.coverage.FixtureRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** {@code verdant}: evaluate green-manufacturing submissions against an open rulebook. */
@Command(name = "verdant", mixinStandardHelpOptions = true, versionProvider = VerdantCli.Version.class,
        description = "Evaluates Chinese green-manufacturing applications with an open rulebook.",
        subcommands = {EvaluateCommand.class, ValidateCommand.class, RulesCommand.class, SchemesCommand.class,
                CompareEditionsCommand.class, VerifyCommand.class, TestCommand.class, ReportCommand.class,
                ImproveCommand.class, WhatIfCommand.class, DiffCommand.class, ArchiveCommand.class, CohortCommand.class, ExplainCommand.class,
                ServeCommand.class, BatchCommand.class, GenerateCommand.class, TableCommand.class},
        footer = {"", "Exit codes: 0 verdict produced (whatever the grade), 1 internal error,",
                "2 usage error, 3 invalid submission, 4 invalid rulebook,",
                "5 record not reproduced (verify) or fixture differs (test)."})
public final class VerdantCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(Console.OUT, Console.ERR, args));
    }

    /** Runs a command line; returns its exit code. Used by main and by the tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new VerdantCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println("usage error: " + ex.getMessage());
            err.println("run 'verdant " + (ex.getCommandLine().getCommandName().equals("verdant") ? "" : ex.getCommandLine().getCommandName() + " ")
                    + "--help' for usage");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parseResult) -> CliFaults.report(err, ex, c.getCommand()));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Runs a command line in this process and captures what it prints (fixtures run this way). */
    public static FixtureRunner.Output runCaptured(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new FixtureRunner.Output(code, out.toString(), err.toString());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: evaluate, explain, validate, report, improve, what-if, diff, rules check, schemes, compare-editions, verify, test, archive, cohort, serve, batch, generate");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"verdant " + org.verdant.app.Application.version()};
        }
    }
}
