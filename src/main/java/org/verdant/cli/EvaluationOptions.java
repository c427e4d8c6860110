package org.verdant.cli;

import org.verdant.app.Settings;
import org.verdant.text.Messages;
import picocli.CommandLine.Option;

/** The options of every command that evaluates a submission: which edition, indicator table, grading table and language. */
final class EvaluationOptions {
    @Option(names = "--edition", paramLabel = "EDITION",
            description = "Evaluate under this edition, e.g. \"GB/T 36132-2018\" (default: chosen by evaluation_date).")
    String edition;

    @Option(names = "--table", paramLabel = "ID|FILE",
            description = "Indicator table for GB/T 36132-2025: an id from 'verdant table list' or a table file "
                    + "(default: the submission's indicator_table, else the national general form).")
    String table;

    @Option(names = "--grading", paramLabel = "ID",
            description = "Grading table, e.g. hebei-db13t6005-2024 or gsc-electronics-egsci (default: the edition's, usually none).")
    String grading;

    @Option(names = "--lang", defaultValue = "zh", description = "zh or en (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Lang lang = EvaluateCommand.Lang.zh;

    @Option(names = "--assessment", paramLabel = "FILE",
            description = "An evaluator's assessment of the claims (verdant.assessment/1, see docs/assessment.md): "
                    + "a claim not accepted earns nothing, an assessed degree replaces the claimed one.")
    java.nio.file.Path assessment;

    Settings settings() throws org.verdant.fault.Fault {
        Settings s = new Settings(edition, table, grading, lang.name());
        if (assessment == null) return s;
        byte[] bytes = InputFile.read(assessment, new Words(lang.name()));
        return s.withAssessment(org.verdant.app.Application.assessment(assessment.toString(), bytes));
    }

    Messages messages() {
        return new Messages(lang.name());
    }
}
