package org.verdant.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchiveQuery;
import org.verdant.fault.Fault;
import org.verdant.tables.Calibration;
import org.verdant.tables.CohortTooSmallException;
import org.verdant.tables.TableInputException;
import org.verdant.tables.TableSpreadsheet;
import org.verdant.tables.TableTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "table", mixinStandardHelpOptions = true,
        description = "GB/T 36132-2025 indicator tables (评价指标表): to and from a spreadsheet in the layout of Table A.1, "
                + "and calibration of B and L from archived evaluations (4.4.3). See docs/indicator-tables.md.",
        subcommands = {TableCommand.ListTables.class, TableCommand.Export.class, TableCommand.Import.class, TableCommand.Calibrate.class})
final class TableCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                new Words(LangOption.of(spec.commandLine().getParseResult().originalArgs().toArray(String[]::new)))
                        .get("usage.name_a_subcommand", "list, export, import, calibrate"));
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Every indicator table of the rulebook: id first, then edition, version, kind (national form, standard's example, "
                    + "provincial, industry, calibrated), status and title. Evaluate against one with --table ID. "
                    + "--format json gives the kinds and statuses as the codes the YAML writes.")
    static final class ListTables implements Callable<Integer> {
        enum Format { text, json }

        @Spec
        CommandSpec spec;

        @Mixin
        RulebookOptions rulebook = new RulebookOptions();

        @Mixin
        LangOption lang = new LangOption();

        @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
        Format format;

        @Override
        public Integer call() throws Exception {
            var out = spec.commandLine().getOut();
            var r = rulebook.load().rulebook();
            Words w = lang.words();
            com.fasterxml.jackson.databind.node.ArrayNode json = org.verdant.text.Json.NODES.arrayNode();
            for (var t : r.tables().values()) {
                boolean isDefault = r.scorecards().values().stream().anyMatch(s -> t.id().equals(s.defaultTable()));
                if (format == Format.json) {
                    // codes, as --table and the YAML write them; the title in the language asked for
                    json.addObject().put("id", t.id()).put("edition", t.edition()).put("version", t.version()).put("kind", t.kind().code())
                            .put("status", t.status()).put("title", t.title().in(w.lang())).put("province", t.province()).put("default", isDefault);
                    continue;
                }
                // kind and status in words, padded by display width (a CJK character is two columns)
                out.println(org.verdant.text.DisplayWidth.padRight(t.id(), 22) + " " + org.verdant.text.DisplayWidth.padRight(t.edition(), 16) + " "
                        + org.verdant.text.DisplayWidth.padRight(t.version(), 10) + " " + org.verdant.text.DisplayWidth.padRight(w.label("table_kind", t.kind().code()), 14)
                        + " " + org.verdant.text.DisplayWidth.padRight(w.label("table_status", t.status()), 12) + " "
                        + t.title().in(w.lang()) + (t.province() == null ? "" : " [" + t.province() + "]") + (isDefault ? w.get("table.default") : ""));
            }
            if (format == Format.json) out.print(org.verdant.text.Json.pretty(json));
            return ExitCodes.OK;
        }
    }

    /** TABLE and where to look it up by id: shared by the subcommands that read a table. */
    static final class TableArgument {
        @Parameters(index = "0", paramLabel = "TABLE", descriptionKey = "table-source", description = "A table YAML file, or the id of a table in the rulebook.")
        String table;

        @Option(names = "--scorecards", paramLabel = "DIR", description = "Scorecards directory to find TABLE by id (default: $VERDANT_SCORECARDS, else ./scorecards).")
        Path scorecards;

        Path file(Words w) throws Fault {
            return tableFile(table, scorecards, w);
        }
    }

    /** A table named by file, else by id among the rulebook's tables. */
    static Path tableFile(String table, Path scorecards, Words w) throws Fault {
        Path file = Path.of(table);
        if (Files.isRegularFile(file)) return file;
        String env = System.getenv("VERDANT_SCORECARDS");
        Path dir = scorecards != null ? scorecards : env != null && !env.isBlank() ? Path.of(env) : Path.of("scorecards");
        Path byId = dir.resolve("green-factory/gbt36132-2025/tables").resolve(table + ".yaml");
        if (!table.contains("/") && Files.isRegularFile(byId)) return byId;
        throw new Fault(Fault.Kind.USAGE, w.get("table.not_found", table, dir.resolve("green-factory/gbt36132-2025/tables")));
    }

    static ObjectNode readTable(Path file, Words w) throws Fault, IOException, TableInputException {
        if (!Files.isReadable(file)) throw new Fault(Fault.Kind.USAGE, w.get("table.cannot_read", file));
        return TableTree.read(file);
    }

    /** Prints located problems and returns exit code 3 (invalid input). */
    static int refused(PrintWriter err, TableInputException e, String what, Words w) {
        e.problems().forEach(err::println);
        err.println(w.get("table.refused", what, e.problems().size()));
        return ExitCodes.INVALID_SUBMISSION;
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write an indicator table as a workbook (.xlsx: sheets 评价指标表 in the Table A.1 column order, merged "
                    + "dimension cells, and 表头 with the table's fields) or as CSV (UTF-8 with BOM; cells beginning with = + - @ "
                    + "are neutralised with a leading apostrophe). 'table import' reads it back to the same table."})
    static final class Export implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TableArgument table = new TableArgument();

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The .xlsx or .csv file to write.")
        Path output;

        @Option(names = "--format", paramLabel = "FORMAT", description = "xlsx or csv (default: from the output's extension, else xlsx).")
        TableSpreadsheet.Format format;

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Words w = lang.words();
            Path file = table.file(w);
            TableSpreadsheet.Format f = format != null ? format : TableSpreadsheet.formatOf(output);
            if (f == null) f = TableSpreadsheet.Format.xlsx;
            Outputs.requireDistinct(w, new Path[]{output}, file);
            try {
                ObjectNode tree = readTable(file, w);
                TableSpreadsheet.export(tree, file.toString(), f, output);
            } catch (org.verdant.files.WriteFailure e) {
                throw Outputs.fault(e, w);
            } catch (TableInputException e) {
                return refused(err, e, file.toString(), w);
            }
            spec.commandLine().getOut().println(output + ": " + f + " (" + file + ")"); // names and codes only: the same in both languages
            return ExitCodes.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Read a sheet in the layout of Table A.1 (.xlsx or .csv, as 'table export' writes it or drafted by hand) "
                    + "into an indicator table YAML. 评分规则 text is mapped to a known rule, the Appendix B formula taken from its "
                    + "column or recognised from the indicator's name and unit; what cannot be is refused as FILE:SHEET!CELL (exit 3)."})
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "sheet-file", description = "The .xlsx or .csv file.")
        Path file;

        @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "The table YAML to write (default: standard output).")
        Path output;

        @Mixin
        LangOption lang = new LangOption();

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Words w = lang.words();
            if (!Files.isRegularFile(file)) throw new Fault(Fault.Kind.USAGE, w.get("table.no_such_file", file));
            Outputs.requireDistinct(w, new Path[]{output}, file);
            ObjectNode tree;
            try {
                tree = TableSpreadsheet.importFile(file);
            } catch (TableInputException e) {
                return refused(err, e, file.toString(), w);
            }
            String yaml = TableTree.yaml(tree);
            if (output == null) spec.commandLine().getOut().print(yaml);
            else Outputs.write(output, yaml, w);
            return ExitCodes.OK;
        }
    }

    @Command(name = "calibrate", mixinStandardHelpOptions = true,
            description = {"GB/T 36132-2025 4.4.3 from the industry: for each quantitative indicator (and form), B = the cohort's mean "
                    + "and L = the value that covers the best 5 %% (rank ceil(0.05·n) from the better end), after leaving out values "
                    + "beyond Tukey's far fences (Q1 − 3·IQR, Q3 + 3·IQR). Prints n, quartiles, the outliers and a histogram per "
                    + "indicator and writes a new table version whose figures have status 'calibrated'.",
                    "The cohort: the verdicts of TABLE (indicator_table.id), of the industry and year asked, the latest per facility; "
                    + "one below --min-cohort is refused (exit 2). See docs/indicator-tables.md, \"Calibration (4.4.3)\"."})
    static final class Calibrate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        TableArgument table = new TableArgument();

        @Option(names = "--from", paramLabel = "FILE", description = "Verdicts, one JSON per line (verdant batch … --out results.jsonl); repeatable.")
        List<Path> from = new ArrayList<>();

        @Option(names = "--archive", paramLabel = "DIR", description = "Read the verdicts from the archive in this data directory.")
        Path archive;

        @Option(names = "--jdbc-url", paramLabel = "URL", description = "Read the verdicts from this archive database.")
        String jdbcUrl;

        @Option(names = "--industry", paramLabel = "CODE", description = "Only industry codes starting with CODE (GB/T 4754), e.g. C30.")
        String industry;

        @Option(names = "--year", paramLabel = "YEAR", description = "Only this reporting year.")
        Integer year;

        @Option(names = "--min-cohort", defaultValue = "" + Calibration.DEFAULT_MIN_COHORT, paramLabel = "N",
                description = "Refuse a cohort (and skip an indicator) with fewer evaluations (default: ${DEFAULT-VALUE}).")
        int minCohort;

        @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT", description = "The calibrated table YAML to write.")
        Path output;

        @Option(names = "--lang", defaultValue = "zh", paramLabel = "LANG", description = "Language of the printed account: zh or en (default: ${DEFAULT-VALUE}).")
        Lang lang;

        enum Lang { zh, en }

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            Words w = new Words(lang.name());
            if (from.isEmpty() == (archive == null && jdbcUrl == null))
                throw new Fault(Fault.Kind.USAGE, w.get("table.name_the_verdicts"));
            if (minCohort < 1) throw new Fault(Fault.Kind.USAGE, w.get("table.min_cohort"));
            Path file = table.file(w);
            List<Path> read = new ArrayList<>(from);
            read.add(file);
            Outputs.requireDistinct(w, new Path[]{output}, read.toArray(Path[]::new));
            try {
                ObjectNode tree = readTable(file, w);
                List<Calibration.Input> inputs = from.isEmpty() ? fromArchive(w) : fromFiles(w);
                Calibration.Result result = Calibration.calibrate(tree, inputs, new Calibration.Filter(industry, year, minCohort));
                Outputs.write(output, TableTree.yaml(result.table()), w);
                PrintWriter out = spec.commandLine().getOut();
                out.print(Calibration.text(result, lang.name()));
                out.println();
                out.println(output + ": " + result.table().path("version").asText());
                return ExitCodes.OK;
            } catch (TableInputException e) {
                return refused(err, e, file.toString(), w);
            } catch (CohortTooSmallException e) {
                throw new Fault(Fault.Kind.USAGE, e.getMessage());
            }
        }

        private List<Calibration.Input> fromFiles(Words w) throws Fault, IOException {
            List<Calibration.Input> inputs = new ArrayList<>();
            for (Path f : from) {
                if (!Files.isRegularFile(f)) throw new Fault(Fault.Kind.USAGE, w.get("table.no_such_file", f));
                List<String> lines;
                try {
                    lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                } catch (java.nio.charset.CharacterCodingException e) {
                    // Java says only "Input length = 1"
                    throw new Fault(Fault.Kind.USAGE, w.get("file.not_utf8", f));
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (!lines.get(i).isBlank()) inputs.add(new Calibration.Input(f + ":" + (i + 1), lines.get(i)));
                }
            }
            return inputs;
        }

        private List<Calibration.Input> fromArchive(Words w) throws Fault {
            List<Calibration.Input> inputs = new ArrayList<>();
            try (Archive a = ArchiveOptions.open(archive, jdbcUrl, false)) {
                for (ArchiveEntry e : a.list(new ArchiveQuery(null, year, "green-factory", industry))) {
                    String source = w.get("table.archive_record", e.id());
                    a.get(e.id()).ifPresent(full -> inputs.add(new Calibration.Input(source, full.verdictJson())));
                }
            }
            return inputs;
        }
    }
}
