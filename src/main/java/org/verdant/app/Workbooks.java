package org.verdant.app;

import org.verdant.fault.Fault;
import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.IndicatorTable;
import org.verdant.rulebook.Scorecard;
import org.verdant.xlsx.Guide;
import org.verdant.xlsx.Layout;
import org.verdant.xlsx.WorkbookReader;
import org.verdant.xlsx.WorkbookSubmission;
import org.verdant.xlsx.WorkbookWriter;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submissions kept in Excel: the .xlsx template of a scheme and edition, and a filled workbook
 * read into the YAML the rest of the flow reads, so its verdict is the YAML one and its record
 * verifies like any other. Problems found in the workbook, or later in the YAML made of it, are
 * shown at the sheet and cell ({@code F.xlsx:能源!C7: energy.comprehensive: …}).
 */
public final class Workbooks {
    private Workbooks() {
    }

    /** A submission ready to evaluate, and (for a workbook) the cells its fields came from. */
    public record Input(Request request, WorkbookSubmission workbook) {
        /** The same failure with its problems at the workbook's cells (unchanged for a YAML input or another failure). */
        public Fault relocate(Fault f) {
            if (workbook == null || f.problems().isEmpty()) return f;
            return new Fault(f.kind(), f.option(), f.getMessage(), workbook.relocate(f.problems()), f.count());
        }

        /** Runs {@code step} on the request, its problems relocated to cells. */
        public <T> T run(Step<T> step) throws Fault {
            try {
                return step.apply(request);
            } catch (Fault f) {
                throw relocate(f);
            }
        }
    }

    /** A step of the flow that may fail with located problems. */
    @FunctionalInterface
    public interface Step<T> {
        T apply(Request request) throws Fault;
    }

    /** Whether {@code file} names a workbook (.xlsx). */
    public static boolean isWorkbook(String file) {
        return WorkbookReader.isWorkbookName(file);
    }

    /**
     * The input named {@code file}: a workbook is read into YAML (a workbook that cannot be read
     * fails as an invalid submission, exit code 3, with the sheet and cell); anything else is
     * passed on as it is.
     */
    public static Input input(String file, byte[] bytes, Settings settings) throws Fault {
        if (!isWorkbook(file)) return new Input(new Request(file, bytes, settings), null);
        return workbook(file, bytes, settings);
    }

    /** Reads {@code bytes} as a workbook whatever its name (an upload declared as .xlsx). */
    public static Input workbook(String file, byte[] bytes, Settings settings) throws Fault {
        Problems problems = new Problems();
        WorkbookSubmission w = WorkbookReader.read(file, bytes, problems);
        if (w == null || !problems.isEmpty()) {
            throw new Fault(Fault.Kind.INVALID_SUBMISSION, null, problems.count() + " problem(s) in the workbook", problems.sorted(), problems.count());
        }
        return new Input(new Request(file, w.yaml(), settings), w);
    }

    /**
     * The template of {@code scheme} (edition and indicator table may be null: the newest edition,
     * its default table) in {@code lang}; with {@code fill} (a YAML submission's bytes, may be null)
     * its values are written into the cells.
     */
    public static byte[] template(CompiledRulebook compiled, String scheme, String edition, String table, String lang, String fillName, byte[] fill)
            throws Fault {
        var rulebook = compiled.rulebook();
        List<Scorecard> editions = rulebook.editions(scheme);
        if (editions.isEmpty()) {
            throw new TextFault(Fault.Kind.USAGE, null, "未知的评价类别“" + scheme + "”；可用的有：" + schemes(compiled),
                    "unknown scheme '" + scheme + "'; available: " + schemes(compiled));
        }
        Scorecard card = edition == null ? newest(editions) : editions.stream()
                .filter(e -> e.edition().equals(edition) || e.editionId().equals(edition)).findFirst()
                .orElseThrow(() -> new TextFault(Fault.Kind.USAGE, null, "未知的版本“" + edition + "”；可用的有：" + names(editions),
                        "unknown edition '" + edition + "'; available: " + names(editions)));
        String tableId = table != null ? table : card.usesIndicatorTables() ? card.defaultTable() : null;
        if (card.usesIndicatorTables() && tableId != null) {
            IndicatorTable t = rulebook.tables().get(tableId);
            if (t == null) {
                String available = String.join(", ", rulebook.tables().keySet());
                throw new TextFault(Fault.Kind.USAGE, null, "未知的评价指标表“" + tableId + "”；可用的有：" + available,
                        "unknown indicator table '" + tableId + "'; available: " + available);
            }
            card = card.withTable(t, tableId);
        }
        YamlNode filled = null;
        if (fill != null) {
            Problems problems = new Problems();
            filled = YamlReader.read(fillName, fill, problems);
            if (filled == null) {
                throw new Fault(Fault.Kind.INVALID_SUBMISSION, null, problems.count() + " problem(s)", problems.sorted(), problems.count());
            }
        }
        return WorkbookWriter.write(Layout.of(scheme), guide(compiled, card, edition, table, lang, filled == null), lang, filled);
    }

    private static Scorecard newest(List<Scorecard> editions) {
        Scorecard best = editions.get(0);
        for (Scorecard s : editions) if (s.appliesFrom() != null && (best.appliesFrom() == null || s.appliesFrom().isAfter(best.appliesFrom()))) best = s;
        return best;
    }

    private static String names(List<Scorecard> editions) {
        return String.join(", ", editions.stream().map(Scorecard::edition).toList());
    }

    private static String schemes(CompiledRulebook compiled) {
        return String.join(", ", compiled.rulebook().scorecards().values().stream().filter(s -> !s.isOverlay()).map(Scorecard::scheme).distinct().sorted().toList());
    }

    private static Guide guide(CompiledRulebook compiled, Scorecard card, String edition, String table, String lang, boolean blank) {
        boolean en = "en".equals(lang);
        Map<String, String> prefill = new LinkedHashMap<>();
        // a filled-in submission keeps its own values; a blank one names only what was asked for
        // (no edition unless chosen: the evaluation date picks it, as in a YAML submission)
        if (blank) {
            prefill.put("scheme", card.scheme());
            if (edition != null) prefill.put("edition", card.edition());
            if (table != null) prefill.put("indicator_table", table);
        }
        Map<String, List<String>> choices = new LinkedHashMap<>();
        choices.put("edition", compiled.rulebook().editions(card.scheme()).stream().map(Scorecard::edition).toList());
        if (card.usesIndicatorTables()) choices.put("indicator_table", List.copyOf(compiled.rulebook().tables().keySet()));
        List<Guide.Claim> claims = new ArrayList<>();
        for (Scorecard.GateSpec g : card.gates()) {
            if (Scorecard.CLAIM_DECIDERS.contains(g.decidedBy())) claims.add(new Guide.Claim(g.id(), name(g.name(), en), g.clause()));
        }
        for (Scorecard.CriterionSpec c : card.criteria()) {
            if ("claim".equals(c.decidedBy())) claims.add(new Guide.Claim(c.id(), name(c.name(), en), c.clause()));
        }
        Benchmarks benchmarks = compiled.rulebook().benchmarks();
        Guide.Reference reference = null;
        if (benchmarks != null && "green-factory".equals(card.scheme())) {
            List<String> ids = benchmarks.rows().stream().map(Benchmarks.EnergyLimitRow::id).toList();
            choices.put("products[].energy_limit", ids);
            List<List<String>> rows = new ArrayList<>();
            for (Benchmarks.EnergyLimitRow r : benchmarks.rows()) {
                List<String> row = new ArrayList<>(List.of(r.id(), name(r.product(), en), r.standard() + " " + Optional.ofNullable(r.clause()).orElse(""),
                        Optional.ofNullable(r.unit()).orElse("")));
                for (int level = 1; level <= 3; level++) row.add(r.levels().containsKey(level) ? String.valueOf(r.levels().get(level)) : "");
                rows.add(row);
            }
            reference = new Guide.Reference(Msg.of("xlsx.limits.sheet").render(lang), List.of(
                    Msg.of("xlsx.limits.id").render(lang), Msg.of("xlsx.limits.product").render(lang), Msg.of("xlsx.limits.standard").render(lang),
                    Msg.of("xlsx.limits.unit").render(lang), Msg.of("xlsx.limits.level", 1).render(lang), Msg.of("xlsx.limits.level", 2).render(lang),
                    Msg.of("xlsx.limits.level", 3).render(lang)), rows);
        }
        String title = Msg.of("xlsx.guide.title", name(card.title(), en), card.edition(),
                card.table() == null ? "—" : card.table().id()).render(lang);
        return new Guide(title, prefill, choices, claims, reference);
    }

    private static String name(org.verdant.text.Text t, boolean en) {
        if (t == null) return "";
        return en && t.en() != null ? t.en() : t.zh() != null ? t.zh() : t.en();
    }
}
