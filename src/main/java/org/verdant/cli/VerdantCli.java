package org.verdant.cli;

import org.verdant.coverage.FixtureRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * {@code verdant}: evaluate green-manufacturing submissions against an open rulebook.
 *
 * <p>This class names every subcommand (the full command tree: top-level help, a mistyped command's
 * suggestions, the tests that walk every command); {@link TopLevelCommand} is the same top-level command
 * without them. A command line that names its command gets the bare top level with that one
 * subcommand added: picocli builds a command's model by reflection over its options, and building
 * all 22 before running one took a fifth of a cold {@code evaluate}.
 */
@Command(name = "verdant",
        subcommands = {EvaluateCommand.class, ValidateCommand.class, RulesCommand.class, SchemesCommand.class,
                CompareEditionsCommand.class, VerifyCommand.class, TestCommand.class, ReportCommand.class,
                ImproveCommand.class, WhatIfCommand.class, DiffCommand.class, ArchiveCommand.class, DisputeCommand.class, CohortCommand.class, ExplainCommand.class,
                ServeCommand.class, UsersCommand.class, BatchCommand.class, GenerateCommand.class, TableCommand.class, TemplateCommand.class, EvidenceCommand.class})
public final class VerdantCli extends TopLevelCommand {
    /**
     * Every subcommand by the name it is called by, in the order of the annotation above (a test
     * checks the two agree), so that one can be added without building the others.
     */
    static final java.util.Map<String, Class<?>> COMMANDS = commands(
            "evaluate", EvaluateCommand.class, "validate", ValidateCommand.class, "rules", RulesCommand.class,
            "schemes", SchemesCommand.class, "compare-editions", CompareEditionsCommand.class, "verify", VerifyCommand.class,
            "test", TestCommand.class, "report", ReportCommand.class, "improve", ImproveCommand.class,
            "what-if", WhatIfCommand.class, "diff", DiffCommand.class, "archive", ArchiveCommand.class,
            "dispute", DisputeCommand.class, "cohort", CohortCommand.class, "explain", ExplainCommand.class,
            "serve", ServeCommand.class, "users", UsersCommand.class, "batch", BatchCommand.class,
            "generate", GenerateCommand.class, "table", TableCommand.class, "template", TemplateCommand.class,
            "evidence", EvidenceCommand.class);

    private static java.util.Map<String, Class<?>> commands(Object... nameThenClass) {
        java.util.Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) m.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * The command tree a command line needs: the top level with only the subcommand it names, the
     * top level alone for {@code --version}, and every subcommand otherwise (help, no command, a
     * mistyped one, an option before the command).
     */
    static CommandLine commandLine(String... args) {
        String named = null;
        boolean versionOnly = false;
        boolean other = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang")) { i++; continue; }
            if (a.startsWith("--lang=")) continue;
            if (a.equals("-V") || a.equals("--version")) { versionOnly = true; continue; }
            if (a.startsWith("-")) { other = true; break; }
            named = a;
            break;
        }
        if (named != null && !other && !versionOnly && COMMANDS.containsKey(named)) {
            CommandLine cli = new CommandLine(new TopLevelCommand());
            cli.addSubcommand(named, COMMANDS.get(named));
            return cli;
        }
        if (named == null && versionOnly && !other) return new CommandLine(new TopLevelCommand());
        return new CommandLine(new VerdantCli());
    }


    public static void main(String[] args) {
        System.exit(run(Console.OUT, Console.ERR, args));
    }

    /** Runs a command line; returns its exit code. Used by main and by the tests. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        String lang = LangOption.of(args);
        Words words = new Words(lang);
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        // help in the language asked for: Chinese texts from Help_zh, English from the annotations
        cli.setResourceBundle(ResourceBundle.getBundle("org.verdant.cli.Help",
                "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        cli.setParameterExceptionHandler((ex, a) -> usageError(err, words, ex, a));
        cli.setExecutionExceptionHandler((ex, c, parseResult) -> CliFaults.report(err, ex, c.getCommand(), words));
        int code = cli.execute(args);
        out.flush();
        code = afterOutput(out, err, words, code);
        err.flush();
        return code;
    }

    /**
     * A command that finished but whose standard output failed (its writer swallows the error):
     * 141 and nothing said when the reader went away, else the failed write named. A command that
     * failed for a reason of its own keeps that reason's code (and has said it already).
     */
    static int afterOutput(PrintWriter out, PrintWriter err, Words words, int code) {
        if (code != ExitCodes.OK || !(out instanceof OutputWriter o) || !o.failed()) return code;
        return CliFaults.report(err, o.bytes().failure(), null, words);
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"verdant " + org.verdant.app.Application.version()};
        }
    }
}
