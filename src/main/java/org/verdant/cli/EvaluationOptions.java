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

    Settings settings() {
        return new Settings(edition, table, grading, lang.name());
    }

    Messages messages() {
        return new Messages(lang.name());
    }
}
