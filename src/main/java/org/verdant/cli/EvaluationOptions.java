package org.verdant.cli;

import org.verdant.evaluation.Evaluator;
import org.verdant.text.Messages;
import picocli.CommandLine.Option;

/** The options of every command that evaluates a submission: which edition, which grading table, which language. */
final class EvaluationOptions {
    @Option(names = "--edition", paramLabel = "EDITION",
            description = "Evaluate under this edition, e.g. \"GB/T 36132-2018\" (default: chosen by evaluation_date).")
    String edition;

    @Option(names = "--grading", paramLabel = "ID",
            description = "Grading table, e.g. hebei-db13t6005-2024 or gsc-electronics-egsci (default: the edition's, usually none).")
    String grading;

    @Option(names = "--lang", defaultValue = "zh", description = "zh or en (default: ${DEFAULT-VALUE}).")
    EvaluateCommand.Lang lang = EvaluateCommand.Lang.zh;

    Evaluator.Options options() {
        return new Evaluator.Options(edition, grading);
    }

    Messages messages() {
        return new Messages(lang.name());
    }
}
