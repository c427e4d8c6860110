package org.verdant.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command line that names its command builds only that command (a cold start should not pay
 * for the other 21), and what it builds behaves and reads exactly as the same command in the full tree.
 */
class LazyCommandsTest {
    @Test
    void theTableOfCommandsIsTheAnnotationsList() {
        CommandLine full = new CommandLine(new VerdantCli());
        List<String> annotated = new ArrayList<>(full.getSubcommands().keySet());
        assertThat(new ArrayList<>(VerdantCli.COMMANDS.keySet())).isEqualTo(annotated);
        for (Map.Entry<String, CommandLine> e : full.getSubcommands().entrySet()) {
            assertThat(VerdantCli.COMMANDS.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue().getCommand().getClass());
            assertThat(e.getValue().getCommandSpec().aliases()).as(e.getKey() + " has no aliases the table would miss").isEmpty();
        }
    }

    @Test
    void aNamedCommandBuildsOnlyThatCommand() {
        assertThat(VerdantCli.commandLine("evaluate", "x.yaml", "--format", "json").getSubcommands().keySet()).containsExactly("evaluate");
        assertThat(VerdantCli.commandLine("--lang", "en", "batch", "s.yaml").getSubcommands().keySet()).containsExactly("batch");
        assertThat(VerdantCli.commandLine("--lang=en", "rules", "check").getSubcommands().keySet()).containsExactly("rules");
        assertThat(VerdantCli.commandLine("--version").getSubcommands()).isEmpty();
        assertThat(VerdantCli.commandLine("--lang", "en", "-V").getSubcommands()).isEmpty();
        int all = VerdantCli.COMMANDS.size();
        assertThat(VerdantCli.commandLine().getSubcommands()).as("no command: the error lists them").hasSize(all);
        assertThat(VerdantCli.commandLine("--help").getSubcommands()).as("help lists every command").hasSize(all);
        assertThat(VerdantCli.commandLine("evaluat", "x.yaml").getSubcommands()).as("a mistyped command gets suggestions").hasSize(all);
        assertThat(VerdantCli.commandLine("--help", "evaluate").getSubcommands()).hasSize(all);
        assertThat(VerdantCli.commandLine("--version", "evaluate").getSubcommands()).hasSize(all);
    }

    /** Every command's help, and every nested command's, reads the same built alone as in the full tree, in both languages. */
    @Test
    void everyCommandsHelpIsTheSameBuiltAlone() {
        for (String lang : List.of("zh", "en")) {
            for (String name : VerdantCli.COMMANDS.keySet()) {
                CommandLine full = withBundle(new CommandLine(new VerdantCli()), lang);
                CommandLine alone = withBundle(VerdantCli.commandLine(name), lang);
                assertThat(usages(alone.getSubcommands().get(name))).as(lang + " " + name)
                        .isEqualTo(usages(full.getSubcommands().get(name)));
            }
        }
    }

    @Test
    void runningACommandLineGivesTheSameOutputAsBefore() {
        for (String lang : List.of("zh", "en")) {
            for (List<String> args : List.of(List.of("--lang", lang, "evaluate", "--help"), List.of("--lang", lang, "--version"),
                    List.of("--lang", lang, "schemes"), List.of("--lang", lang, "evaluate", "no-such-file.yaml"),
                    List.of("--lang", lang, "evaluate", "--no-such-option"), List.of("--lang", lang, "rules", "--help"))) {
                var alone = VerdantCli.runCaptured(args);
                var full = runFull(args.toArray(String[]::new));
                assertThat(alone).as(String.join(" ", args)).isEqualTo(full);
            }
        }
    }

    /** The old way: the whole tree, whatever the command line names. */
    private static org.verdant.coverage.FixtureRunner.Output runFull(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err);
        String lang = LangOption.of(args);
        Words words = new Words(lang);
        CommandLine cli = withBundle(new CommandLine(new VerdantCli()), lang);
        cli.setOut(o);
        cli.setErr(e);
        cli.setParameterExceptionHandler((ex, a) -> {
            // the same handler as VerdantCli.run, reached through a one-command tree and the full one alike
            e.println(words.get("usage.error", words.picocli(ex)));
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                e.println(words.get("usage.did_you_mean", String.join(words.get("usage.or"), u.getSuggestions().stream().limit(3).toList())));
            }
            e.println(words.get("usage.see_help", ex.getCommandLine().getCommandSpec().qualifiedName()));
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, c, parseResult) -> CliFaults.report(e, ex, c.getCommand(), words));
        int code = cli.execute(args);
        o.flush();
        e.flush();
        return new org.verdant.coverage.FixtureRunner.Output(code, out.toString(), err.toString());
    }

    private static CommandLine withBundle(CommandLine cli, String lang) {
        cli.setResourceBundle(ResourceBundle.getBundle("org.verdant.cli.Help",
                "en".equals(lang) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        return cli;
    }

    private static String usages(CommandLine cl) {
        StringBuilder b = new StringBuilder(cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine sub : cl.getSubcommands().values()) b.append("\n---\n").append(usages(sub));
        return b.toString();
    }
}
