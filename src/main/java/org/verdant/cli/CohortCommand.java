package org.verdant.cli;

import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchiveQuery;
import org.verdant.cohort.CohortGrader;
import org.verdant.cohort.CohortRenderer;
import org.verdant.cohort.CohortReport;
import org.verdant.fault.Fault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

@Command(name = "cohort", mixinStandardHelpOptions = true,
        description = {"Grade a cohort of archived evaluations with the 企业绿码 codes (A+ top 5 %%, A next 35 %%, B the rest): "
                + "the latest record per facility for the reporting year; only eligible units with a score are ranked. "
                + "Flags units in the bottom 5 %% in each of the last three years (removal candidates); for green parks, "
                + "compares each new applicant with the average of the existing parks of its province.",
                "The tie and small-cohort rule is printed with every result (docs/archive.md)."})
final class CohortCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--year", required = true, paramLabel = "YEAR", description = "The reporting year.")
    int year;

    @Option(names = "--scheme", defaultValue = "green-factory", paramLabel = "SCHEME", description = "Scheme (default: ${DEFAULT-VALUE}).")
    String scheme;

    @Option(names = "--industry", paramLabel = "CODE", description = "Only industry codes starting with CODE (GB/T 4754), e.g. C30.")
    String industry;

    @Option(names = "--edition", paramLabel = "EDITION", description = "Only records evaluated under this edition, e.g. \"GB/T 36132-2025\" "
            + "(default: all; the output warns when editions are mixed).")
    String edition;

    @Option(names = "--format", defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    ArchiveOptions archive = new ArchiveOptions();

    @Mixin
    LangOption lang = new LangOption();

    enum Format { text, json, csv }

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        List<ArchiveEntry> records;
        try (Archive a = archive.open()) {
            records = a.list(new ArchiveQuery(null, null, scheme, industry));
            if (records.isEmpty() && a.list(new ArchiveQuery(null, null, scheme, null)).isEmpty()) {
                TreeSet<String> schemes = new TreeSet<>();
                a.list(ArchiveQuery.all()).forEach(e -> schemes.add(e.scheme()));
                Words w = lang.words();
                throw new Fault(Fault.Kind.USAGE, w.get("cohort.no_scheme", scheme,
                        schemes.isEmpty() ? w.get("cohort.none") : String.join(", ", schemes)));
            }
        }
        CohortReport report = CohortGrader.grade(records, year, scheme, industry, edition);
        out.print(switch (format) {
            case json -> CohortRenderer.json(report, lang.name());
            case csv -> CohortRenderer.csv(report);
            case text -> CohortRenderer.text(report, lang.name());
        });
        return ExitCodes.OK;
    }
}
