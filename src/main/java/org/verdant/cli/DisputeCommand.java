package org.verdant.cli;

import org.verdant.access.Actor;
import org.verdant.app.Disputes;
import org.verdant.archive.Archive;
import org.verdant.dispute.Dispute;
import org.verdant.dispute.Objection;
import org.verdant.dispute.Ruling;
import org.verdant.fault.Fault;
import org.verdant.report.document.ReportFormat;
import picocli.CommandLine;
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

/**
 * {@code dispute}: an objection against an archived evaluation, its re-evaluation, the ruling and
 * the report (docs/disputes.md). The CLI acts as the local operator, who may play every role.
 */
@Command(name = "dispute", mixinStandardHelpOptions = true,
        description = "Disputes over archived evaluations: file an objection, show it, rule on it, write its report.",
        subcommands = {DisputeCommand.File.class, DisputeCommand.Show.class, DisputeCommand.Rule.class, DisputeCommand.Report.class})
final class DisputeCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                new Words(LangOption.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new))).get("usage.name_a_subcommand", "file, show, rule, report"));
    }

    /** Which archive: --archive DIR (or --data DIR) or --jdbc-url URL, else the defaults of every archive command. */
    static final class Where {
        @Option(names = {"--archive", "--data"}, paramLabel = "DIR", descriptionKey = "dispute-archive",
                description = "Data directory of the archive (default: $VERDANT_DATA, else ./verdant-data).")
        Path dir;

        @Option(names = "--jdbc-url", paramLabel = "URL", description = "Archive database, e.g. jdbc:postgresql://host/verdant (default: $VERDANT_JDBC_URL).")
        String jdbcUrl;

        Archive open() throws Fault {
            return ArchiveOptions.open(dir, jdbcUrl, false);
        }
    }

    enum Format { text, json }

    @Command(name = "file", mixinStandardHelpOptions = true,
            description = "File an objection against archived evaluation ID and re-evaluate it under the original rulebook "
                    + "(and the current one, if it changed).")
    static final class File implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", descriptionKey = "record-id", description = "The record's id.")
        long id;

        @Option(names = "--criteria", required = true, split = ",", paramLabel = "ID", description = "The gates and criteria objected to, e.g. E1,E3.")
        List<String> criteria = new ArrayList<>();

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Option(names = "--corrected", paramLabel = "FILE", description = "The corrected submission (YAML).")
        Path corrected;

        @Option(names = "--evidence", paramLabel = "NAME", description = "A new piece of evidence: a named document, or a file in the archive by its digest (sha256:…, as evidence add prints it); repeat for more.")
        List<String> evidence = new ArrayList<>();

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Mixin
        Where where = new Where();

        @Mixin
        RulebookOptions rulebook = new RulebookOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            byte[] bytes = corrected == null ? null : InputFile.read(corrected, lang.words());
            Objection o = new Objection(criteria.stream().map(String::strip).filter(s -> !s.isEmpty()).toList(), reason,
                    evidence, corrected == null ? null : corrected.toString(), bytes);
            try (Archive a = where.open()) {
                Disputes disputes = new Disputes(rulebook.application(), a);
                Dispute d = disputes.file(Actor.localOperator(), id, o, lang.name());
                spec.commandLine().getErr().println(lang.words().get("dispute.filed", d.id(), id));
                spec.commandLine().getOut().print(disputes.render(d, format == Format.json, lang.name()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show dispute N: the objection, the re-evaluations, what changed, the ruling.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "N", descriptionKey = "dispute-id", description = "The dispute's number.")
        long n;

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Mixin
        Where where = new Where();

        @Mixin
        RulebookOptions rulebook = new RulebookOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            try (Archive a = where.open()) {
                Disputes disputes = new Disputes(rulebook.application(), a);
                spec.commandLine().getOut().print(disputes.render(disputes.show(Actor.localOperator(), n), format == Format.json, lang.name()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "rule", mixinStandardHelpOptions = true, description = "Record the regulator's ruling on dispute N (once; it is never rewritten).")
    static final class Rule implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "N", descriptionKey = "dispute-id", description = "The dispute's number.")
        long n;

        @Option(names = "--ruling", required = true, paramLabel = "RULING", description = "upheld, partly or rejected.")
        String ruling;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "The ruling's reasons.")
        String reason;

        @Mixin
        Where where = new Where();

        @Mixin
        RulebookOptions rulebook = new RulebookOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            Ruling r = Ruling.of(ruling).orElseThrow(() -> new Fault(Fault.Kind.USAGE, lang.words().get("dispute.unknown_ruling", ruling)));
            try (Archive a = where.open()) {
                Disputes disputes = new Disputes(rulebook.application(), a);
                Dispute d = disputes.rule(Actor.localOperator(), n, r, reason);
                spec.commandLine().getOut().print(disputes.render(d, false, lang.name()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true, description = "Write the report of dispute N (Markdown or HTML; Chinese by default).")
    static final class Report implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "N", descriptionKey = "dispute-id", description = "The dispute's number.")
        long n;

        @Option(names = "--format", paramLabel = "FORMAT", descriptionKey = "dispute-report-format",
                description = "md or html (default: html when -o names an .html file, else md).")
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
        Path output;

        @Mixin
        Where where = new Where();

        @Mixin
        RulebookOptions rulebook = new RulebookOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            String f = format != null ? format : output != null && output.toString().endsWith(".html") ? "html" : "md";
            if (!f.equals("md") && !f.equals("html")) throw new Fault(Fault.Kind.USAGE, lang.words().get("dispute.report_format", f));
            String text;
            try (Archive a = where.open()) {
                text = new Disputes(rulebook.application(), a).report(Actor.localOperator(), n, ReportFormat.valueOf(f), lang.name());
            }
            if (output != null) EvaluateCommand.write(output, text, lang.words()); else spec.commandLine().getOut().print(text);
            return ExitCodes.OK;
        }
    }
}
