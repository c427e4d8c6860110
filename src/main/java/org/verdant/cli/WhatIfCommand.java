package org.verdant.cli;

import org.verdant.plan.Assignment;
import org.verdant.app.Application;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "what-if", mixinStandardHelpOptions = true,
        description = "Evaluate a submission again with some of its values changed and show, per criterion, "
                + "the status and points before and after, and the total before and after.")
final class WhatIfCommand implements Callable<Integer>, CliFaults.OfSubmission {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "The submission (YAML, or an .xlsx workbook: docs/xlsx.md).")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", required = true,
            description = "A change, e.g. energy.comprehensive=170000tce, claims.INF-11.met=true, products[0].energy=8000 tce, "
                    + "park.years[2025].statistics.energy=1.0e6 tce. VALUE is a YAML scalar or flow snippet. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Format format;

    @Option(names = "--archive", arity = "0..1", paramLabel = "DIR", parameterConsumer = EvaluateArchiving.OptionalDir.class,
            description = "Check the evidence files cited by digest, before and after the changes, against the archive: DIR, "
                    + "else $VERDANT_JDBC_URL, $VERDANT_DATA or ./verdant-data.")
    String archive;

    @Mixin
    EvaluationOptions evaluation = new EvaluationOptions();

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Override
    public Path submission() {
        return file;
    }

    @Override
    public Integer call() throws Exception {
        List<Assignment> changes = Application.changes(sets);
        boolean json = format == EvaluateCommand.Format.json;
        Application application = rulebook.application();
        // the changed submission's problems too are put at the cells of the fields they name
        String text;
        // read only: what-if stores nothing, so an archive that is not there is an error, not created
        try (org.verdant.archive.Archive a = archive == null ? null : ArchiveOptions.open(archive.isEmpty() ? null : Path.of(archive), null, false)) {
            text = InputFile.submission(file, evaluation).run(request -> application.whatIf(request, a, changes, json));
        }
        spec.commandLine().getOut().print(text);
        return ExitCodes.OK;
    }
}
