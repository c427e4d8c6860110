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
        description = "Evaluate one submission under every edition of its scheme (or, with --table A --table B, under several indicator tables) and print the verdicts side by side: "
                + "score per dimension, the indicators measured in both, points not given, and the data to collect.")
final class CompareEditionsCommand implements Callable<Integer>, CliFaults.OfSubmission {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "The submission (YAML).")
    Path file;

    @Option(names = "--lang", defaultValue = "zh", description = "zh or en (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Lang lang;

    @Option(names = "--table", paramLabel = "ID|FILE",
            description = "With two or more: compare the submission under these GB/T 36132-2025 indicator tables instead of the editions "
                    + "(points per indicator and why they differ), e.g. --table national-general --table jiangsu-2025.")
    java.util.List<String> tables = new java.util.ArrayList<>();

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Path submission() {
        return file;
    }

    @Override
    public Integer call() throws Exception {
        Request request = new Request(file.toString(), InputFile.read(file, new Words(lang.name())), Settings.defaults().withLang(lang.name()));
        var app = rulebook.application();
        spec.commandLine().getOut().print(tables.isEmpty() ? app.compareEditions(request) : app.compareTables(request, tables));
        return ExitCodes.OK;
    }
}
