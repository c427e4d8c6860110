package org.verdant.cli;

import org.verdant.app.Application;
import org.verdant.app.Workbooks;
import org.verdant.app.Settings;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check a submission without scoring it: every problem, with file:line:column.")
final class ValidateCommand implements Callable<Integer>, CliFaults.OfSubmission {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", descriptionKey = "file", description = "The submission (YAML).")
    Path file;

    @Option(names = "--edition", paramLabel = "EDITION", description = "Check against this edition (default: chosen by evaluation_date).")
    String edition;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Mixin
    LangOption lang = new LangOption();

    @Override
    public Path submission() {
        return file;
    }

    @Override
    public Integer call() throws Exception {
        Workbooks.Input input = Workbooks.input(file.toString(), InputFile.read(file, lang.words()), Settings.defaults().withEdition(edition).withLang(lang.name()));
        Application.Validation v = input.run(rulebook.application()::validate);
        spec.commandLine().getOut().println(lang.words().get("validate.valid", file, lang.words().label("scheme", v.scheme()), v.edition()));
        return ExitCodes.OK;
    }
}
