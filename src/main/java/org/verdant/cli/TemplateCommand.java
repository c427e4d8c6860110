package org.verdant.cli;

import org.verdant.app.Workbooks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "template", mixinStandardHelpOptions = true,
        description = "Write the submission template of a scheme as an Excel workbook (.xlsx): one sheet per section, units and "
                + "allowed values as drop-down lists, the criteria decided by a claim listed. 'evaluate F.xlsx' reads it back. See docs/xlsx.md.")
final class TemplateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCHEME", descriptionKey = "scheme",
            description = "green-factory, green-park, zero-carbon-park or green-supply-chain.")
    String scheme;

    @Option(names = "--edition", paramLabel = "EDITION", descriptionKey = "template-edition",
            description = "The edition (default: the scheme's newest).")
    String edition;

    @Option(names = "--table", paramLabel = "ID", descriptionKey = "template-table",
            description = "GB/T 36132-2025: the indicator table whose claims the template lists (default: the edition's default table).")
    String table;

    @Option(names = "--format", defaultValue = "xlsx", descriptionKey = "template-format", description = "xlsx (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", descriptionKey = "template-output", description = "The workbook to write.")
    Path output;

    @Option(names = "--from", paramLabel = "FILE", descriptionKey = "template-from",
            description = "A YAML submission whose values are written into the workbook's cells.")
    Path from;

    @Mixin
    RulebookOptions rulebook = new RulebookOptions();

    @Mixin
    LangOption lang = new LangOption();

    enum Format { xlsx }

    @Override
    public Integer call() throws Exception {
        Words w = lang.words();
        Outputs.requireDistinct(w, new Path[]{output}, from);
        byte[] fill = from == null ? null : InputFile.read(from, w);
        byte[] bytes = Workbooks.template(rulebook.load(), scheme, edition, table, lang.name(), from == null ? null : from.toString(), fill);
        Outputs.write(output, bytes, w);
        return ExitCodes.OK;
    }
}
