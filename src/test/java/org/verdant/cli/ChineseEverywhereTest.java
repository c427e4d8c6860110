package org.verdant.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.app.Evaluation;
import org.verdant.archive.Stored;
import org.verdant.coverage.Fixture;
import org.verdant.report.document.ReportFormat;
import org.verdant.support.TestRulebook;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.verdant.cli.CliTest.run;
import static org.verdant.cli.CliTest.withRulebook;

/**
 * Issue 14's test: every command's output in the default language, and every fixture's verdict text,
 * report and trace, has no Latin word outside {@link Latin}'s small allowlist. Any run of three Latin
 * letters (or a common two-letter English word) is a word; what is allowed is a code a user types or
 * reads as a code, never a word of a sentence.
 */
class ChineseEverywhereTest {
    @TempDir
    Path tmp;

    /** The scanner: finds the Latin words in a text that no allowlist entry explains. */
    static final class Latin {
        /** A token: a run of printable ASCII (a code, a path, a word); CJK and full-width punctuation split tokens. */
        private static final Pattern TOKEN = Pattern.compile("[!-~]+");
        /** What makes a token a word: three Latin letters in a row, or a two-letter English function word standing alone. */
        private static final Pattern WORDISH = Pattern.compile("[A-Za-z]{3,}|^(?:of|to|in|is|or|no|at|by|an|on|as|be|it|if|ok)$");
        private static final String TRIM = "'\"`()[]{}<>,;:.!?|*";

        // Each allowed kind of token, and why it is allowed:
        /** Criterion, gate and dimension ids (E1, MGT-09, CUL-08, HG4), credit codes and industry codes (C3011): codes, never translated. */
        private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*(?:\\.[a-z_]+)*", Pattern.CASE_INSENSITIVE);
        /** Units as the standards write them (GB 3100 symbols and the energy units of GB/T 2589). */
        private static final Set<String> UNITS = Set.of("MiB", "KiB", "tce", "kgce", "gce", "kWh", "MWh", "GWh", "TWh", "MPa", "kPa", "kg", "km", "GJ", "MJ", "TJ",
                "tCO2", "tCO2e", "kgCO2", "kgCO2e", "CO2", "CO2e", "ha", "m3", "Nm3", "km2", "m2", "kW", "MW", "kVA", "mg", "dB", "min");
        /** The prefix of a standard's number (GB/T 36132, DB13/T 6005, ISO 14064, HJ 2.2): it is part of the number. */
        private static final Pattern STANDARD = Pattern.compile("(?:GB|GB/T|GB/Z|DB\\d+(?:/T)?|ISO|IEC|HJ|YB/T|JC/T|HG/T|QB/T|SJ/T|T/[A-Z]+|ISO/IEC)");
        /** A file or folder path, or a file name with its extension, with an optional :line:column (problem locations). */
        private static final Pattern PATH = Pattern.compile("(?:[~.]{0,2}/\\S*|[\\w.@-]+(?:/[\\w.@-]*)+|[\\w.@{}-]+\\.(?:yaml|yml|json|jsonl|drl|md|html|pdf|csv|xlsx|txt|args|properties))(?:[:#!][\\w.:-]*)*");
        /** A field path of a submission or a verdict (energy.comprehensive_tce, products[0].energy, claims.INF-05.met) or a snake_case field. */
        private static final Pattern FIELD = Pattern.compile("(?:[a-z][a-z0-9_-]*|[A-Z][A-Z0-9-]*)(?:\\[[^\\]]*])?(?:\\.[A-Za-z0-9_-]+(?:\\[[^\\]]*])*)+(?:=\\S*)?"
                + "|[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\\[[^\\]]*])*|[a-z][a-z0-9_]*(?:\\[[^\\]]*])+");
        /** Digests (sha256:…) and bare hexadecimal digests. */
        private static final Pattern DIGEST = Pattern.compile("(?:sha256:)?[0-9a-f]{12,}(?:\\S*)");
        /** Addresses: URLs and JDBC URLs. */
        private static final Pattern URL = Pattern.compile("(?:https?://|jdbc:|postgresql:)\\S*");
        /** Options the user types (--lang, -o, --set=PATH=VALUE), environment variables ($VERDANT_RULES). */
        private static final Pattern FLAG = Pattern.compile("--?[A-Za-z][\\w-]*(?:\\[?=\\S*)?|\\$[A-Z_]+");
        /** The program's name and its output formats' names (verdant.verdict/1). */
        private static final Pattern PROGRAM = Pattern.compile("[Vv]erdant(?:\\.[a-z-]+/\\d+)?");
        /** File formats that Chinese technical writing names in Latin letters too; there is no other name for them. */
        private static final Set<String> FORMATS = Set.of("JSON", "YAML", "HTML", "PDF", "CSV", "UTF-8", "BOM", "DRL", "A4", "JDBC", "URL", "UTC",
                "Markdown", "Excel", "sha256", "https");
        /** HTTP header and cookie attribute names, which a script or a proxy must send as written (Authorization: Bearer, X-Forwarded-Proto). */
        private static final Set<String> HTTP_NAMES = Set.of("Host", "X-Forwarded-Proto", "Authorization", "Bearer", "Cookie", "Secure", "SameSite", "HttpOnly");
        /**
         * The header row of a CSV Verdant writes, quoted in help as the file has it (batch --summary: section,key,value,detail):
         * the column names a spreadsheet formula or a script reads by name, so they stay codes (h14-outputs).
         */
        private static final Set<String> CSV_HEADERS = Set.of("section,key,value,detail");
        /** The source id calibrate files a calibrated table's figures under (cohort-INDUSTRY-YEAR-DIGEST), as the written table has it (h14-outputs). */
        private static final Pattern CALIBRATED_SOURCE = Pattern.compile("cohort-[A-Za-z0-9]+-[A-Za-z0-9]+-[0-9a-f]{8}");
        /** Index names as the MIIT documents abbreviate them (绿色供应链管理指数 GSCI, EGSCI 星级). */
        private static final Set<String> INDEX_NAMES = Set.of("GSCI", "EGSCI", "BONUS"); // BONUS: the 2025 tables' bonus dimension id
        /** Pieces the help's line wrapping splits off a notation, URL or file name (file:line, jdbc:…, results.jsonl, NAME.VARIANT.args), and the default folder fixtures. */
        private static final Set<String> HELP_WRAPPED = Set.of("file", "line", "jdbc", "results", "args", "fixtures");
        /** Roman numerals of grades as the standards write them (清洁生产 III 级 / I 级). */
        private static final Pattern ROMAN = Pattern.compile("[IVX]+");
        /** Values of the options and file kinds the user types (--format json, .xlsx): the same codes as on the command line. */
        private static final Set<String> OPTION_VALUES = Set.of("text", "json", "csv", "md", "html", "pdf", "xlsx", "yaml", "yml", "jsonl", "zh", "en",
                "upheld", "partly", "rejected", // --ruling
                "enterprise", "evaluator", "regulator", "administrator", // users add --role
                "full", "short"); // batch --lines (h17-batch)
        /** YAML scalars as the submission or a scorecard's switch writes them (obtained: false, pass_line = none). */
        private static final Set<String> YAML_SCALARS = Set.of("true", "false", "yes", "no", "none", "null");
        /** Notations of a place or a date the user fills in: file:line:column, FILE:SHEET!CELL, YYYY-MM-DD; keys on the keyboard. */
        private static final Pattern NOTATION = Pattern.compile("file:line(?::column)?|FILE:SHEET!CELL|YYYY-MM-DD|Ctrl\\+C");
        /** The user's own words, quoted back ('acres', “nowhere”) or a literal the user types ('table export', 'Authorization: Bearer TOKEN'). */
        private static final Pattern QUOTED = Pattern.compile("(?<![A-Za-z])'[^'\n]*'(?![A-Za-z])|“[^”\n]*”");
        /** Help synopses: option parameter labels (FILE, DIR, ID|FILE, PATH=VALUE, <format>) are placeholders the user replaces. */
        private static final Pattern PLACEHOLDER = Pattern.compile("[A-Z][A-Z_]*(?:[|=][A-Z_]+)*(?:\\.\\.\\.)?|<[a-z]+>");

        /** The rulebook's own codes: scheme, edition, table and grading ids (green-factory, gbt36132-2018, national-general@…). */
        private final Set<String> codes = new TreeSet<>();
        /**
         * The words of the fixtures' submissions, without their comments: a verdict quotes the user's
         * own names and evidence (ESG 报告, 6.8 MWp, CQC), which are theirs and not Verdant's.
         */
        private final Set<String> submissionWords = new TreeSet<>();

        Latin() throws IOException {
            for (String root : List.of("rules", "scorecards", "src/main/resources/org/verdant/tables")) {
                Path dir = Path.of(root);
                if (!Files.isDirectory(dir)) continue;
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.forEach(p -> codes.add(p.getFileName().toString().replaceFirst("\\.(yaml|drl|md)$", "")));
                }
            }
            Pattern tableId = Pattern.compile("\\b(?:id|process|product|energy_limit):\\s*\"?([A-Za-z0-9@._-]+)");
            try (Stream<Path> walk = Files.walk(Path.of("scorecards"))) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    Matcher m = tableId.matcher(Files.readString(p, StandardCharsets.UTF_8));
                    while (m.find()) codes.add(m.group(1));
                }
            }
            // the submission's keys and codes, which the user types in the YAML (severity: serious, reason: …)
            Pattern key = Pattern.compile("\"([a-z][a-z0-9_]*)\"\\s*:|\"enum\"\\s*:\\s*\\[([^\\]]*)]");
            try (Stream<Path> walk = Files.walk(Path.of("schemas"))) {
                for (Path p : walk.filter(p -> p.toString().endsWith(".json")).toList()) {
                    Matcher m = key.matcher(Files.readString(p, StandardCharsets.UTF_8));
                    while (m.find()) {
                        if (m.group(1) != null) codes.add(m.group(1));
                        else for (String v : m.group(2).split(",")) codes.add(v.strip().replace("\"", ""));
                    }
                }
            }
            List<String> submissions = new ArrayList<>(List.of(TestRulebook.base()));
            for (Fixture x : Fixture.discover(Path.of("fixtures"))) submissions.add(Files.readString(x.yaml(), StandardCharsets.UTF_8));
            for (String yaml : submissions) {
                for (String line : yaml.split("\n")) {
                    Matcher t = TOKEN.matcher(line.replaceFirst("(^|\\s)#.*$", ""));
                    while (t.find()) submissionWords.add(trim(t.group()));
                }
            }
            // the fixtures' variant names, shown with the fixture ([edition-2025])
            for (Fixture x : Fixture.discover(Path.of("fixtures"))) if (x.variant() != null) codes.add(x.variant());
            // the commands and subcommands the user types (verdant rules check, archive list), and their parameters' labels (FILE, INPUT)
            collectCommandNames(new CommandLine(new VerdantCli()), codes);
        }

        private static void collectCommandNames(CommandLine cl, Set<String> into) {
            cl.getCommandSpec().positionalParameters().forEach(p -> into.add(p.paramLabel()));
            for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
                into.add(e.getKey());
                collectCommandNames(e.getValue(), into);
            }
        }

        /** The Latin words of {@code text} that the allowlist does not explain, each with its line. */
        List<String> words(String text, boolean help) {
            return words(text, help, Set.of());
        }

        /** The same, where {@code echoed} are the arguments of the command line (an error quotes what the user typed). */
        List<String> words(String text, boolean help, Set<String> echoed) {
            List<String> found = new ArrayList<>();
            for (String line : text.split("\n")) {
                // Markdown escapes (park.years\[2025\], cap\_ratio) are not part of what is read
                String read = QUOTED.matcher(line.replaceAll("\\\\([\\[\\]_*#|`])", "$1")).replaceAll(" ");
                // a line of JSON (a snapshot's difference in ./verdant test): its keys and codes are JSON's
                if (read.matches("^\\s*[-+]?\\s*\"[a-z_]+\" : .*")) continue;
                Matcher m = TOKEN.matcher(read);
                while (m.find()) {
                    String token = trim(m.group());
                    if (token.isEmpty() || !WORDISH.matcher(token).find()) continue;
                    if (echoed.contains(token) || submissionWords.contains(token) || allowed(token, read.substring(m.end()), help)) continue;
                    // a placeholder in a command line shown to copy (./verdant evaluate FILE --edition EDITION)
                    if (read.contains("verdant ") && PLACEHOLDER.matcher(token).matches()) continue;
                    // a value cut short where it is shown (certifica…): the value is the submission's
                    if (read.startsWith("…", m.end())) continue;
                    // help text wrapped inside the notation file:line
                    if (help && HELP_WRAPPED.contains(token)) continue;
                    // a syntax template the user fills in (PATH=VALUE, ID|FILE)
                    if (PLACEHOLDER.matcher(token).matches() && token.matches(".*[=|].*")) continue;
                    // the path of a located problem in an expectation file (NAME.expect.yaml:5:8: score: …): its key as the user wrote it (h14-outputs)
                    if (read.substring(0, m.start()).matches(".*\\.expect\\.yaml:\\d+:\\d+: $")) continue;
                    // a value as the submission writes it, after its field (inputs.scope: factory)
                    if (read.substring(0, m.start()).matches(".*[a-z_\\]]: $")) continue;
                    found.add(token + "  ←  " + line.strip());
                }
            }
            return found;
        }

        private static String trim(String t) {
            int a = 0, b = t.length();
            while (a < b && TRIM.indexOf(t.charAt(a)) >= 0) a++;
            while (b > a && TRIM.indexOf(t.charAt(b - 1)) >= 0) b--;
            return t.substring(a, b);
        }

        private boolean allowed(String token, String after, boolean help) {
            return allowedAsIs(token, after, help) || token.chars().filter(c -> c == '[').count() > token.chars().filter(c -> c == ']').count()
                    && allowedAsIs(token + "]", after, help);
        }

        private boolean allowedAsIs(String token, String after, boolean help) {
            if (ID.matcher(token).matches() && token.chars().anyMatch(Character::isDigit) && token.chars().filter(Character::isUpperCase).count() > 0
                    && !token.matches(".*[a-z]{3,}.*-.*")) return true;
            if (unit(token)) return true;
            if (STANDARD.matcher(token).matches() && after.matches("^\\s*\\d.*")) return true;
            if (codes.contains(token) || code(token)) return true;
            for (Pattern p : List.of(PATH, FIELD, DIGEST, URL, FLAG, PROGRAM)) if (p.matcher(token).matches()) return true;
            if (INDEX_NAMES.contains(token) || ROMAN.matcher(token).matches() || CSV_HEADERS.contains(token)) return true;
            if (CALIBRATED_SOURCE.matcher(token).matches()) return true;
            if (FORMATS.contains(token) || HTTP_NAMES.contains(token) || OPTION_VALUES.contains(token) || YAML_SCALARS.contains(token) || NOTATION.matcher(token).matches()) return true;
            return help && PLACEHOLDER.matcher(token).matches();
        }

        /** A unit, alone or compound (kgce/t, tCO2/万元, m3/h): every part is a unit, a number or one letter. */
        private static boolean unit(String token) {
            String[] parts = token.replace("³", "3").replace("²", "2").split("[/·⋅*^]");
            for (String part : parts) {
                if (!(UNITS.contains(part) || part.matches("[A-Za-z]?\\d*(\\.\\d+)?") || part.isEmpty())) return false;
            }
            return true;
        }

        /** A rulebook code with a version or a variant (national-general@2026.12.0, green-factory/gbt36132-2018). */
        private boolean code(String token) {
            for (String part : token.split("[@/+]")) {
                if (!(part.isEmpty() || codes.contains(part) || part.matches("[\\d.]+"))) return false;
            }
            return true;
        }
    }

    /**
     * English that code owned by other work of issue 14 still writes, each kind recognised by a pattern
     * of the finding (the word and its line) and named with the code that writes it. Nothing else is
     * tolerated, and each must still occur ({@link Findings#assertEveryLeftoverSeen}): when one is
     * translated, its line here goes.
     */
    enum Leftover {
        ; // none left (h14-last): a new one is added here only with the code that writes it and the work that will translate it

        final Pattern pattern;
        final String writtenBy;

        Leftover(String pattern, String writtenBy) {
            this.pattern = Pattern.compile(pattern);
            this.writtenBy = writtenBy;
        }
    }

    /** After the three scans (help and usage, fixtures, commands) have all run and passed. */
    @org.junit.jupiter.api.AfterAll
    static void everyLeftoverIsStillThere() {
        if (Findings.scans.get() == 3) Findings.assertEveryLeftoverSeen();
    }

    private static Latin latin;

    private static Latin latin() throws IOException {
        if (latin == null) latin = new Latin();
        return latin;
    }

    /** Collects what every run printed, and what in it is not Chinese. */
    private static final class Findings {
        private final Set<String> found = new LinkedHashSet<>();
        /** Shared by the tests: the leftovers are checked once all of them have run. */
        private static final Set<Leftover> seen = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
        private static final java.util.concurrent.atomic.AtomicInteger scans = new java.util.concurrent.atomic.AtomicInteger();

        private void add(String what, String word) {
            for (Leftover l : Leftover.values()) {
                if (l.pattern.matcher(word).find()) {
                    seen.add(l);
                    return;
                }
            }
            found.add(what + ": " + word);
        }

        void text(String what, String text) throws IOException {
            for (String w : latin().words(text, false)) add(what, w);
        }

        void help(String what, String text) throws IOException {
            for (String w : latin().words(text, true)) add(what, w);
        }

        void run(CliTest.Run r, String... args) throws IOException {
            String what = String.join(" ", args).replace(System.getProperty("java.io.tmpdir"), "TMP");
            Set<String> echoed = new java.util.HashSet<>(List.of(args));
            for (String a : args) if (a.contains("=")) echoed.add(a.substring(a.indexOf('=') + 1)); // the VALUE of --set PATH=VALUE
            for (String w : latin().words(r.out(), false, echoed)) add(what + " (out)", w);
            for (String w : latin().words(r.err(), false, echoed)) add(what + " (err)", w);
        }

        /** The texts people read in a JSON output: names, reasons, messages, computations; not keys nor codes. */
        void json(String what, String json) throws IOException {
            JsonNode node = new ObjectMapper().readTree(json);
            List<String> texts = new ArrayList<>();
            freeText(node, null, texts);
            text(what, String.join("\n", texts));
        }

        private static final Set<String> FREE_TEXT = Set.of("name", "reason", "message", "messages", "points", "text", "title", "warnings",
                "note", "notes", "explanation", "computation", "summary", "hint", "what", "why", "action", "detail", "label");

        private static void freeText(JsonNode node, String key, List<String> out) {
            if (node.isTextual()) {
                if (key != null && FREE_TEXT.contains(key)) out.add(node.asText());
            } else if (node.isArray()) {
                for (JsonNode n : node) freeText(n, key, out);
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    freeText(e.getValue(), e.getKey(), out);
                }
            }
        }

        void assertNone() {
            scans.incrementAndGet();
            assertThat(found).as("Latin words outside the allowlist in Chinese output:\n" + String.join("\n", found)).isEmpty();
        }

        /** Each leftover is still there: one that is gone has been translated, and its line below must go too. */
        static void assertEveryLeftoverSeen() {
            Set<Leftover> gone = new TreeSet<>(Set.of(Leftover.values()));
            gone.removeAll(seen);
            assertThat(gone).as("these English leftovers are gone: delete them from ChineseEverywhereTest.Leftover").isEmpty();
        }
    }

    /** An HTML page as a reader sees it: no tags, styles or scripts, entities decoded. */
    static String visibleText(String html) {
        return html.replaceAll("(?is)<(style|script)[^>]*>.*?</\\1>", " ").replaceAll("(?s)<[^>]*>", " ")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
    }

    @Test
    void theScannerFindsEnglishAndPassesCodes() throws IOException {
        Latin l = latin();
        assertThat(l.words("未满足：the figures and evidence", false)).hasSize(3);
        assertThat(l.words("原因：division by zero", false)).isNotEmpty();
        assertThat(l.words("ok", false)).isNotEmpty();
        assertThat(l.words("指标 MGT-09、E1、CUL-08、HG4 的 tce、kgce/t、m³、kWh，GB/T 36132-2025、ISO 14064，"
                + "信用代码 91320500MA0000031X，f.yaml:12:3: energy.comprehensive_tce: 缺少；products[0].energy；"
                + "sha256:0123456789abcdef0123；https://example.org/x；--lang en；指标表 national-general@2026.12.0；"
                + "rules/green-factory/x.drl；运行 verdant rules check", false)).isEmpty();
        assertThat(l.words("用法：verdant [-hV] [--lang=LANG] FILE", true)).isEmpty();
        assertThat(l.words("用法：[--lang=LANG] WIDGET", false)).isNotEmpty();
    }

    @Test
    void everyHelpAndUsageErrorIsChinese() throws IOException {
        Findings f = new Findings();
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new VerdantCli()), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(20);
        for (List<String> path : commands) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            CliTest.Run r = run(args.toArray(String[]::new));
            assertThat(r.code()).isZero();
            f.help(String.join(" ", args), r.out());
        }
        Path sub = submission();
        List<String[]> usage = List.of(new String[]{}, new String[]{"evalute", "x.yaml"}, new String[]{"evaluate", "--formt", "json", "x.yaml"},
                new String[]{"evaluate"}, new String[]{"evaluate", "--lang", "fr", "x.yaml"}, withRulebook("evaluate", "--format", "xml", sub.toString()),
                new String[]{"table"}, new String[]{"archive"}, new String[]{"rules"}, withRulebook("what-if", sub.toString()),
                withRulebook("what-if", sub.toString(), "--set", "nonsense"), withRulebook("what-if", sub.toString(), "--set", "energy.nowhere.x=1"),
                withRulebook("what-if", sub.toString(), "--set", "claims=[1"), withRulebook("diff", sub.toString()),
                withRulebook("explain", sub.toString(), "NOPE-99"), withRulebook("improve", sub.toString(), "--target", "nonsense"),
                withRulebook("evaluate", tmp.resolve("missing.yaml").toString()), withRulebook("evaluate", sub.toString(), "--grading", "nowhere"),
                withRulebook("evaluate", sub.toString(), "--edition", "nowhere"),
                new String[]{"archive", "show", "x", "--data", tmp.resolve("d").toString()}, new String[]{"cohort", "--year", "2024", "--data", tmp.toString()},
                new String[]{"serve", "--port", "70000"}, withRulebook("batch"), new String[]{"table", "import", tmp.resolve("none.xlsx").toString()},
                new String[]{"verify", tmp.resolve("none.json").toString()}, withRulebook("test", tmp.resolve("none").toString()));
        for (String[] args : usage) {
            CliTest.Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isNotZero();
            f.run(r, args);
        }
        f.assertNone();
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            List<String> sub = new ArrayList<>(path);
            sub.add(e.getKey());
            collect(e.getValue(), sub, out);
        }
    }

    private Path submission() throws IOException {
        Path f = tmp.resolve("f.yaml");
        if (!Files.exists(f)) Files.writeString(f, TestRulebook.base(), StandardCharsets.UTF_8);
        return f;
    }

    /**
     * Every fixture and variant, evaluated once each as {@code evaluate} parses its options: the text
     * verdict, the report (Markdown; HTML for some), the trace as explain prints it and the JSON's free
     * texts; the invalid ones as validate and evaluate refuse them.
     */
    @Test
    void everyFixturesVerdictReportAndTraceIsChinese() throws Exception {
        Findings f = new Findings();
        List<Fixture> fixtures = Fixture.discover(Path.of("fixtures"));
        assertThat(fixtures).hasSizeGreaterThan(50);
        int n = 0;
        for (Fixture x : fixtures) {
            String file = x.yaml().toString();
            if (x.invalid()) {
                f.run(run(withRulebook("validate", file)), "validate", file);
                f.run(run(withRulebook(with(x.args(), "evaluate", file))), "evaluate", file);
                continue;
            }
            EvaluateCommand command = new EvaluateCommand();
            new CommandLine(command).parseArgs(withRulebook(with(x.args(), file)));
            Evaluation e = command.rulebook.application().evaluate(EvaluateCommand.request(command.file, command.evaluation));
            f.text("evaluate " + x.label(), e.text());
            f.text("report md " + x.label(), e.report(ReportFormat.md));
            f.text("explain " + x.label(), e.explain(null, false));
            if (n++ % 10 == 0) {
                f.json("evaluate --format json --trace " + x.label(), e.json(true));
                f.text("report html " + x.label(), visibleText(e.report(ReportFormat.html)));
                f.run(run(withRulebook("validate", file)), "validate", file);
            }
        }
        f.assertNone();
    }

    /**
     * Every other command in the default language: schemes, rules check, test (passing and failing),
     * improve, what-if, diff, compare-editions, batch and its summary, archive list/show/history/verify,
     * verify of a record, cohort, table list/export/import/calibrate, generate.
     */
    @Test
    void everyCommandsOutputIsChinese() throws Exception {
        Findings f = new Findings();
        Path sub = submission();
        String factory2018 = "fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml";
        String factory2025 = "fixtures/green-factory/gbt36132-2025/pharma-zhejiang-5000tce-tier.yaml";
        String park = "fixtures/green-park/miit-2016-586/hunan-shaodong-gates-and-gaps.yaml";
        List<String[]> ok = new ArrayList<>(List.of(withRulebook("schemes"), withRulebook("rules", "check"),
                withRulebook("improve", factory2018), withRulebook("improve", factory2025), withRulebook("improve", park),
                withRulebook("improve", factory2025, "--target", "90"),
                withRulebook("what-if", sub.toString(), "--set", "claims.INF-05.met=false"),
                withRulebook("what-if", factory2025, "--set", "energy.comprehensive=170000tce"),
                withRulebook("diff", factory2018, sub.toString()), withRulebook("diff", factory2025, "fixtures/green-factory/gbt36132-2025/brewery-sichuan-10000tce-tier.yaml"),
                withRulebook("compare-editions", factory2018),
                withRulebook("compare-editions", factory2025, "--table", "national-general", "--table", "jiangsu-2025"),
                withRulebook("explain", factory2025, "E1"), withRulebook("explain", sub.toString(), "INF-05")));
        for (String[] args : ok) {
            CliTest.Run r = run(args);
            assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isZero();
            f.run(r, args);
        }

        // test: one fixture passing, and a copy whose expectation and snapshot no longer hold
        Path dir = tmp.resolve("fixtures/green-factory/gbt36132-2018");
        Files.createDirectories(dir);
        String name = "cement-jiangsu-high-scorer";
        try (Stream<Path> files = Files.list(Path.of(factory2018).getParent())) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(name + ".")).toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        f.run(run(withRulebook("test", tmp.resolve("fixtures").toString())), "test", "passing");
        Path expect = dir.resolve(name + ".expect.yaml");
        Files.writeString(expect, Files.readString(expect, StandardCharsets.UTF_8).replaceFirst("(?m)^score: .*$", "score: 1"), StandardCharsets.UTF_8);
        Path snapshot = dir.resolve(name + ".expected.json");
        Files.writeString(snapshot, Files.readString(snapshot, StandardCharsets.UTF_8).replaceFirst("\"eligible\" : true", "\"eligible\" : false"),
                StandardCharsets.UTF_8);
        CliTest.Run failing = run(withRulebook("test", tmp.resolve("fixtures").toString()));
        assertThat(failing.code()).as(failing.out()).isEqualTo(ExitCodes.DIFFERS);
        f.run(failing, "test", "failing");

        // batch: a valid and an invalid input, with the summary CSV
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "scheme: green-factory\nfacility: [1\n", StandardCharsets.UTF_8);
        String[] batch = withRulebook("batch", sub.toString(), bad.toString(), "--out", tmp.resolve("out.jsonl").toString(), "--summary",
                tmp.resolve("summary.csv").toString());
        f.run(run(batch), batch);
        f.text("batch error record", Files.readString(tmp.resolve("out.jsonl"), StandardCharsets.UTF_8).lines().skip(1)
                .map(l -> { try { return String.join("\n", texts(l)); } catch (IOException e) { throw new AssertionError(e); } }).reduce("", String::concat));

        // the archive, records and the cohort
        String code = Stored.creditCode(41);
        Path a = tmp.resolve("a.yaml");
        Files.writeString(a, Stored.factory(2023, code, List.of("INF-05")), StandardCharsets.UTF_8);
        Path data = tmp.resolve("data");
        Path record = tmp.resolve("r.json");
        List<String[]> archive = List.of(withRulebook("evaluate", a.toString(), "--archive", data.toString(), "--record", record.toString()),
                withRulebook("evaluate", a.toString(), "--archive", data.toString()),
                new String[]{"archive", "list", "--data", data.toString()}, new String[]{"archive", "show", "2", "--data", data.toString()},
                new String[]{"archive", "history", code, "--data", data.toString()}, withRulebook("archive", "verify", "1", "--data", data.toString()),
                new String[]{"archive", "verify", "1", "--data", data.toString(), "--rules", "rules", "--scorecards", Stored.changedScorecards(tmp).toString()},
                withRulebook("verify", record.toString()),
                new String[]{"verify", record.toString(), "--rules", "rules", "--scorecards", tmp.resolve("scorecards").toString()},
                new String[]{"cohort", "--year", "2023", "--data", data.toString()},
                new String[]{"archive", "list", "--data", data.toString(), "--jdbc-url", "jdbc:sqlite:x"});
        for (String[] args : archive) f.run(run(args), args);

        // tables and generated submissions
        Path sheet = tmp.resolve("t.csv");
        List<String[]> tables = List.of(withRulebook("table", "list"), new String[]{"table", "export", "src/test/resources/tables/test-general.yaml", "-o", sheet.toString()},
                new String[]{"table", "import", sheet.toString(), "-o", tmp.resolve("imported.yaml").toString()},
                new String[]{"table", "calibrate", "src/test/resources/tables/test-general.yaml", "--from", sheet.toString(), "-o", tmp.resolve("c.yaml").toString()},
                withRulebook("generate", "--scheme", "green-factory", "--count", "2", "--out", tmp.resolve("generated").toString()));
        for (String[] args : tables) f.run(run(args), args);
        Path results = tmp.resolve("results.jsonl");
        Files.write(results, TableCommandTest.cohort(20), StandardCharsets.UTF_8);
        String[] calibrate = {"table", "calibrate", "src/test/resources/tables/test-general.yaml", "--from", results.toString(), "-o", tmp.resolve("c2.yaml").toString()};
        CliTest.Run calibrated = run(calibrate);
        assertThat(calibrated.code()).as(calibrated.err()).isZero();
        f.run(calibrated, calibrate);
        f.assertNone();
    }

    /** The free texts of one JSON document. */
    private static List<String> texts(String json) throws IOException {
        List<String> out = new ArrayList<>();
        Findings.freeText(new ObjectMapper().readTree(json), null, out);
        return out;
    }

    private static String[] with(List<String> extra, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(extra);
        return all.toArray(String[]::new);
    }
}
