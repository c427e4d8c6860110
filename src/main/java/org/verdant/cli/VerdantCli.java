package org.verdant.cli;

import org.verdant.coverage.FixtureRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** {@code verdant}: evaluate green-manufacturing submissions against an open rulebook. */
@Command(name = "verdant", mixinStandardHelpOptions = true, versionProvider = VerdantCli.Version.class,
        description = "Evaluates Chinese green-manufacturing applications with an open rulebook.",
        subcommands = {EvaluateCommand.class, ValidateCommand.class, RulesCommand.class, SchemesCommand.class,
                CompareEditionsCommand.class, VerifyCommand.class, TestCommand.class, ReportCommand.class,
                ImproveCommand.class, WhatIfCommand.class, DiffCommand.class, ArchiveCommand.class, DisputeCommand.class, CohortCommand.class, ExplainCommand.class,
                ServeCommand.class, UsersCommand.class, BatchCommand.class, GenerateCommand.class, TableCommand.class, TemplateCommand.class, EvidenceCommand.class},
        footer = {"", "Exit codes: 0 verdict produced (whatever the grade), 1 internal error,",
                "2 usage error (also a mistyped command: the nearest one is suggested), 3 invalid submission,",
                "4 invalid rulebook, 5 record not reproduced (verify) or fixture differs (test).",
                "Chinese is the default language; --lang en for English."})
public final class VerdantCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LangOption lang = new LangOption(); // so that 'verdant --lang en --help' is understood

    public static void main(String[] args) {
        System.exit(run(Console.OUT, Console.ERR, args));
    }

    /** Runs a command line; returns its exit code. Used by main and by the tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String lang = LangOption.of(args);
        Words words = new Words(lang);
        CommandLine cli = new CommandLine(new VerdantCli());
        cli.setOut(out);
        cli.setErr(err);
        // help in the language asked for: Chinese texts from Help_zh, English from the annotations
        cli.setResourceBundle(ResourceBundle.getBundle("org.verdant.cli.Help",
                "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        cli.setParameterExceptionHandler((ex, a) -> usageError(err, words, ex, a));
        cli.setExecutionExceptionHandler((ex, c, parseResult) -> CliFaults.report(err, ex, c.getCommand(), words));
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A command line picocli cannot parse: what is wrong, the nearest command or option to a mistyped one, and where help is. */
    private static int usageError(PrintWriter err, Words words, CommandLine.ParameterException ex, String[] args) {
        err.println(words.get("usage.error", words.picocli(ex)));
        // an argument Java could not decode (U+FFFD): a Chinese file name under a locale that is not UTF-8
        if (!Console.namesAreUtf8() && java.util.Arrays.stream(args).anyMatch(x -> x.indexOf('\uFFFD') >= 0)) {
            err.println(words.get("usage.locale", System.getProperty("sun.jnu.encoding")));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> near = u.getSuggestions();
            if (!near.isEmpty()) err.println(words.get("usage.did_you_mean", String.join(words.get("usage.or"), near.stream().limit(3).toList())));
        }
        String name = ex.getCommandLine().getCommandSpec().qualifiedName();
        err.println(words.get("usage.see_help", name));
        return ExitCodes.USAGE;
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
        throw new CommandLine.ParameterException(spec.commandLine(), new Words(lang.name()).get("usage.name_a_command",
                "evaluate, explain, validate, report, improve, what-if, diff, rules check, schemes, compare-editions, verify, test, archive, cohort, serve, batch, generate, table"));
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"verdant " + org.verdant.app.Application.version()};
        }
    }
}
