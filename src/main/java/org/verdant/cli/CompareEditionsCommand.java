package org.verdant.cli;

import org.verdant.app.Request;
import org.verdant.app.Settings;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "compare-editions", mixinStandardHelpOptions = true,
        description = "Evaluate one submission under every edition of its scheme and print the verdicts side by side: "
                + "score per dimension, the indicators measured in both, points not given, and the data to collect.")
final class CompareEditionsCommand implements Callable<Integer>, CliFaults.OfSubmission {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The submission (YAML).")
    Path file;

    @Option(names = "--lang", defaultValue = "zh", description = "zh or en (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Lang lang;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Path submission() {
        return file;
    }

    @Override
    public Integer call() throws Exception {
        Request request = new Request(file.toString(), InputFile.read(file), Settings.defaults().withLang(lang.name()));
        spec.commandLine().getOut().print(rulebook.application().compareEditions(request));
        return ExitCodes.OK;
    }
}
