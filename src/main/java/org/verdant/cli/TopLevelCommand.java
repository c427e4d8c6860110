package org.verdant.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command without its subcommands: options, help texts and what it does alone. */
@Command(name = "verdant", mixinStandardHelpOptions = true, versionProvider = VerdantCli.Version.class,
        description = "Evaluates Chinese green-manufacturing applications with an open rulebook.",
        footer = {"", "Exit codes: 0 verdict produced (whatever the grade), 1 internal error,",
                "2 usage error (also a mistyped command: the nearest one is suggested) or a file that cannot be read or written, 3 invalid submission,",
                "4 invalid rulebook, 5 record not reproduced (verify) or fixture differs (test), 6 not allowed, 141 standard output closed by its reader (| head).",
                "Chinese is the default language; --lang en for English."})
class TopLevelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    LangOption lang = new LangOption(); // so that 'verdant --lang en --help' is understood

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), new Words(lang.name()).get("usage.name_a_command",
                "evaluate, explain, validate, report, improve, what-if, diff, rules check, schemes, compare-editions, verify, test, archive, cohort, serve, batch, generate, table"));
    }
}
