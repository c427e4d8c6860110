package org.verdant.report.document;

import org.verdant.text.Numbers;
import org.verdant.plan.ImprovementAdvisor;
import org.verdant.findings.Finding;
import org.verdant.findings.FindingCollector;
import org.verdant.findings.Status;
import org.verdant.text.Messages;
import org.verdant.report.Origins;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.Submission;
import org.verdant.verdict.GreenIndex;
import org.verdant.verdict.Verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/** A verdict to the report's model: every label translated, every figure formatted. */
final class ReportModelBuilder {
    private static final double EPS = 1e-9;
    /** Criterion types whose value is computed and compared with reference values. */
    private static final Set<String> QUANTITATIVE = Set.of("performance", "scaled", "index", "threshold");
    private static final List<String> TIERS = List.of("basic", "advanced", "baseline", "leading", "threshold");
    /** A finding's value and the levels it is compared with: the figures written together. */
    private static final List<String> FIGURES = List.of("value", "basic", "advanced", "baseline", "leading", "threshold");

    private final Verdict v;
    private final Messages m;
    private final String sep;

    /** The uploaded evidence files the archive holds, by digest (empty: none known, e.g. no archive given). */
    private final Map<String, ReportModel.AttachedFile> attached;

    private ReportModelBuilder(Verdict v, Messages m, Map<String, ReportModel.AttachedFile> attached) {
        this.v = v;
        this.m = m;
        this.sep = "en".equals(m.lang()) ? "; " : "；";
        this.attached = attached == null ? Map.of() : attached;
    }

    static ReportModel build(Verdict v, Messages m, ImprovementAdvisor advisor) {
        return build(v, m, advisor, Map.of());
    }

    static ReportModel build(Verdict v, Messages m, ImprovementAdvisor advisor, Map<String, ReportModel.AttachedFile> attached) {
        return new ReportModelBuilder(v, m, attached).model(advisor);
    }

    private ReportModel model(ImprovementAdvisor advisor) {
        Scorecard sc = v.scorecard();
        String scheme = sc.scheme();
        boolean park = v.greenIndex() != null;
        boolean zeroCarbon = Scorecard.NO_SCORE.equals(sc.scoring());
        List<Charts.Datum> data = chartData();
        return new ReportModel(m.lang(), title(), scheme, sc.title().in(m.lang()), sc.edition(), sc.scoring(), v.hasScore(),
                park, zeroCarbon, info(data), basis(), gates(), categories(), Charts.radar(data), Charts.bars(data),
                park ? parkIndex(v.greenIndex()) : null, zeroCarbon ? guidance() : List.of(), sections(), quantitative(),
                advisor.advise(v, m), provisional(), notes(), trace(), official());
    }

    // ---- the official template: report number, profile title, recommendation, evidence list ----

    private static final Map<String, String> SCHEME_CODES = Map.of("green-factory", "GF", "green-park", "GP",
            "zero-carbon-park", "ZCP", "green-supply-chain", "GSC");

    private ReportModel.Official official() {
        String scheme = v.scorecard().scheme();
        String digest = v.inputDigest() == null ? "" : v.inputDigest().replaceFirst("^sha256:", "");
        String number = SCHEME_CODES.getOrDefault(scheme, "VD") + "-" + v.submission().reportingYear() + "-"
                + digest.substring(0, Math.min(8, digest.length())).toUpperCase(java.util.Locale.ROOT);
        int figures = provisional().stream().mapToInt(p -> p.figures().size()).sum();
        return new ReportModel.Official(number, m.get("doc.official.profile." + scheme), recommendation(), evidence(), figures);
    }

    /** The conclusion's recommendation: what the verdict supports, never more (the decision is the authority's). */
    private String recommendation() {
        if (v.eligible() == null) return m.get("doc.official.recommend.pending");
        if (!v.eligible() || v.scorecard().hasMandatoryRequirements() && !v.mandatoryMet()) return m.get("doc.official.recommend.not_eligible");
        if (Scorecard.NO_SCORE.equals(v.scorecard().scoring())) return m.get("doc.official.recommend.unscored");
        String grade = v.grade().label();
        return grade == null ? m.get("doc.official.recommend.eligible", Numbers.rounded(v.score(), 2))
                : m.get("doc.official.recommend.eligible_grade", Numbers.rounded(v.score(), 2), grade);
    }

    /** Every evidence document the gates and criteria cite, once, in the order first cited, with the ids citing it. */
    private List<ReportModel.EvidenceItem> evidence() {
        Map<String, List<String>> cited = new java.util.LinkedHashMap<>();
        for (List<Verdict.Judged> list : List.of(v.gates(), v.criteria())) {
            for (Verdict.Judged j : list) {
                for (String e : j.finding().evidence()) {
                    List<String> ids = cited.computeIfAbsent(e, k -> new ArrayList<>());
                    if (!ids.contains(j.id())) ids.add(j.id());
                }
            }
        }
        // the files the evaluator's assessment cites, under the criteria whose judgement rests on them
        if (v.assessment() != null) {
            for (org.verdant.assessment.ClaimAssessment c : v.assessment().claims()) {
                for (org.verdant.assessment.ClaimAssessment.CitedFile f : c.evidence()) {
                    String line = cited.keySet().stream().filter(k -> citesDigest(k, f.sha256())).findFirst().orElse(f.sha256());
                    List<String> ids = cited.computeIfAbsent(line, k -> new ArrayList<>());
                    String id = m.get("doc.official.evidence.by_assessment", c.criterionId());
                    if (!ids.contains(id)) ids.add(id);
                }
            }
        }
        List<ReportModel.EvidenceItem> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<String>> e : cited.entrySet()) {
            String number = m.get("doc.official.evidence_number", ++n);
            String criteria = String.join(", ", e.getValue());
            Matcher digest = CITED_DIGEST.matcher(e.getKey());
            if (!digest.find()) {
                out.add(new ReportModel.EvidenceItem(number, e.getKey(), criteria));
                continue;
            }
            String sha256 = digest.group(1);
            // cited by digest alone the line starts with it (then its date and number, if any)
            String name = e.getKey().startsWith(sha256) ? m.get("doc.official.evidence.unnamed") + e.getKey().substring(sha256.length())
                    : e.getKey().replace(" {" + sha256 + "}", "");
            out.add(new ReportModel.EvidenceItem(number, name, criteria, attachedFile(sha256)));
        }
        return out;
    }

    private static boolean citesDigest(String line, String sha256) {
        Matcher digest = CITED_DIGEST.matcher(line);
        return digest.find() && digest.group(1).equals(sha256);
    }

    /** A digest an evidence line cites: the whole line (a file cited by digest alone) or its {sha256:…} suffix. */
    private static final Pattern CITED_DIGEST = Pattern.compile("(?:^| \\{)(sha256:[0-9a-f]{64})(?=\\}|$| )");

    /** An uploaded file's type, size and full digest; the digest alone, said unchecked, when the archive was not given. */
    private String attachedFile(String sha256) {
        ReportModel.AttachedFile f = attached.get(sha256);
        if (f == null) return m.get("doc.official.evidence.file_unchecked", sha256);
        return m.get("doc.official.evidence.file", f.type().in(m.lang()), size(f.size()), sha256);
    }

    /** A size in bytes in human units: bytes below 1 KiB, then KiB and MiB with one decimal. */
    private String size(long bytes) {
        if (bytes < 1024) return m.get("doc.official.evidence.bytes", String.valueOf(bytes));
        double kib = bytes / 1024.0;
        if (kib < 1024) return String.format(java.util.Locale.ROOT, "%.1f KiB", kib);
        return String.format(java.util.Locale.ROOT, "%.1f MiB", kib / 1024);
    }

    private String title() {
        Submission.Evaluator e = v.submission().evaluator();
        String kind = e == null || e.kind() == null ? "none" : e.kind();
        return m.get("doc.title", m.get("doc.title." + v.scorecard().scheme()), m.get("doc.report_kind." + kind));
    }

    // ---- 1 basic information ----

    private ReportModel.Info info(List<Charts.Datum> data) {
        Submission s = v.submission();
        Submission.Evaluator e = s.evaluator();
        String basicState = v.eligible() == null ? "pending" : v.eligible() ? "ok" : "fail";
        String basic = m.get(v.eligible() == null ? "doc.result.undetermined" : v.eligible() ? "label.conforms" : "label.not_conforms");
        String mandatory = v.scorecard().hasMandatoryRequirements() ? m.get(v.mandatoryMet() ? "label.all_met" : "label.not_all_met") : null;
        String scoreLabel;
        String score;
        if (v.greenIndex() != null) {
            scoreLabel = m.get("doc.info.green_index", v.greenIndex().last().year());
            score = Numbers.rounded(v.score(), 2);
        } else if (v.hasScore()) {
            scoreLabel = m.get("doc.info.score");
            score = Numbers.rounded(v.score(), 2) + " / 100";
        } else {
            scoreLabel = m.get("doc.info.score");
            score = m.get("label.not_scored");
        }
        String grade = v.grade().label() != null ? v.grade().label() + paren(v.grade().tableTitle().in(m.lang()))
                : m.get("label.none") + paren(m.get(v.grade().whyNone()));
        return new ReportModel.Info(s.facility().name(), s.facility().creditCode(), s.facility().industry(), s.facility().province(),
                s.facility().address(), e == null ? null : e.organisation(),
                e == null || e.kind() == null ? null : m.get("doc.kind." + e.kind()), e == null ? null : e.lead(),
                s.evaluationDate().toString(), String.valueOf(s.reportingYear()),
                v.scorecard().title().in(m.lang()) + " " + v.scorecard().edition(),
                v.grade().tableTitle() == null ? m.get("label.none") : v.grade().tableTitle().in(m.lang()),
                basic, basicState, mandatory, v.mandatoryMet() ? "ok" : "fail", scoreLabel, score, grade, highlights(data),
                conclusion(basic, mandatory, scoreLabel, score, grade));
    }

    /** The strongest first-level indicators and the criteria met at full points. */
    private List<String> highlights(List<Charts.Datum> data) {
        List<String> out = new ArrayList<>();
        if (Scorecard.NO_SCORE.equals(v.scorecard().scoring())) {
            List<String> met = v.criteria().stream().filter(j -> j.finding().status() == Status.MET)
                    .map(j -> j.id() + " " + j.name().in(m.lang())).toList();
            out.add(met.isEmpty() ? m.get("doc.highlight.no_guidance_met") : m.get("doc.highlight.guidance_met", String.join(sep, met)));
            return out;
        }
        // the two best, and any tied with the second
        List<Charts.Datum> sorted = data.stream().sorted(Comparator.comparingDouble((Charts.Datum d) -> -d.percent())
                .thenComparing(Charts.Datum::id)).toList();
        double bar = sorted.size() < 2 ? Double.NEGATIVE_INFINITY : sorted.get(1).percent() - EPS;
        List<Charts.Datum> best = sorted.stream().filter(d -> d.percent() >= bar).toList();
        if (!best.isEmpty()) {
            out.add(m.get("doc.highlight.categories", String.join(sep, best.stream()
                    .map(d -> d.id() + " " + d.name() + " (" + Numbers.rounded(d.percent(), 1) + " %)").toList())));
        }
        List<Verdict.Judged> scored = v.criteria().stream()
                .filter(j -> j.finding().status() != Status.NOT_APPLICABLE && j.finding().max() > EPS).toList();
        List<Verdict.Judged> full = scored.stream().filter(j -> j.finding().points() >= j.finding().max() - EPS).toList();
        out.add(m.get("doc.highlight.full_points", full.size(), scored.size()));
        List<String> quantitative = full.stream().filter(j -> QUANTITATIVE.contains(j.type())).map(Verdict.Judged::id).toList();
        if (!quantitative.isEmpty()) {
            out.add(m.get("doc.highlight.quantitative", String.join(", ", quantitative)));
        }
        return out;
    }

    private List<String> conclusion(String basic, String mandatory, String scoreLabel, String score, String grade) {
        List<String> out = new ArrayList<>();
        out.add(m.get("doc.conclusion.basic", basic));
        if (mandatory != null) out.add(m.get("doc.conclusion.mandatory", mandatory));
        out.add(m.get("doc.conclusion.score", scoreLabel, score));
        out.add(m.get("doc.conclusion.grade", grade));
        // in the scheme's own terms: no mandatory requirements or score where it has none (zero-carbon parks)
        String note = org.verdant.report.TextVerdictRenderer.selectionNote(v, m);
        if (note != null) out.add(note);
        return out;
    }

    // ---- 2 basis and method ----

    private ReportModel.Basis basis() {
        Scorecard sc = v.scorecard();
        List<String> additional = new java.util.ArrayList<>();
        // GB/T 36132-2025: the indicator table the factory was scored against, its version and digest
        if (sc.table() != null) {
            additional.add(m.get("doc.indicator_table", sc.table().title().in(m.lang()), sc.table().id(), sc.table().version(),
                    m.get("doc.table_kind." + sc.table().kind().code()), sc.table().digest()));
        }
        sc.overlays().forEach(o -> additional.add(o.title().in(m.lang()) + " " + o.edition()));
        String method = m.get("doc.method." + sc.scheme() + "." + sc.scoring());
        Submission.Evaluator e = v.submission().evaluator();
        String kind = e == null || e.kind() == null ? m.get("label.none") : m.get("doc.kind." + e.kind());
        return new ReportModel.Basis(sc.title().in(m.lang()) + " " + sc.edition(), additional,
                v.grade().tableTitle() == null ? m.get("label.none") : v.grade().tableTitle().in(m.lang()) + " (" + v.grade().tableId() + ")",
                String.join(", ", v.rulebookParts()), v.rulebookDigest(), method, kind);
    }

    // ---- 3 basic requirements ----

    private List<ReportModel.GateRow> gates() {
        return v.gates().stream().map(g -> {
            Finding f = g.finding();
            String kind = "gate".equals(g.type()) ? null : m.get("gate_kind." + g.type());
            return new ReportModel.GateRow(g.id(), g.name().in(m.lang()), g.clause(), kind, f.status().code(),
                    m.get("status." + f.status().code()), reason(f), figures(g), f.evidence());
        }).toList();
    }

    // ---- 4 results ----

    /** Each scored first-level indicator's percent and its gained and lost points in the total. */
    private List<Charts.Datum> chartData() {
        List<Charts.Datum> out = new ArrayList<>();
        for (Verdict.CategoryResult c : v.categories()) {
            Double pct = percent(c);
            if (pct == null) continue;
            double full = full(c);
            out.add(new Charts.Datum(c.spec().id(), c.spec().name().in(m.lang()), pct, c.weighted(), Math.max(0, full - c.weighted())));
        }
        return out;
    }

    /** The category's score in percent: its score, or points ÷ max where the scoring gives it none (parks). */
    private static Double percent(Verdict.CategoryResult c) {
        if (c.weighted() == null) return null;
        if (c.score() != null) return c.score();
        return c.max() > EPS ? 100.0 * c.points() / c.max() : null;
    }

    /** What the category can contribute to the total: its weight (category_percent) or its maximum. */
    private double full(Verdict.CategoryResult c) {
        if (Scorecard.CATEGORY_PERCENT.equals(v.scorecard().scoring())) return c.spec().weight().number();
        return c.max();
    }

    private List<ReportModel.CategoryRow> categories() {
        List<ReportModel.CategoryRow> out = new ArrayList<>();
        for (Verdict.CategoryResult c : v.categories()) {
            if (c.weighted() == null) continue;
            Double pct = percent(c);
            out.add(new ReportModel.CategoryRow(c.spec().id(), c.spec().name().in(m.lang()),
                    c.spec().weight() == null ? null : Numbers.rounded(c.spec().weight().number(), 2),
                    Numbers.rounded(c.points(), 2), Numbers.rounded(c.max(), 2), pct == null ? null : Numbers.rounded(pct, 2),
                    Numbers.rounded(c.weighted(), 2), Numbers.rounded(full(c), 2), Numbers.rounded(Math.max(0, full(c) - c.weighted()), 2)));
        }
        return out;
    }

    private ReportModel.ParkIndex parkIndex(GreenIndex gi) {
        List<ReportModel.IndexYearRow> years = gi.years().stream().map(y -> new ReportModel.IndexYearRow(
                String.valueOf(y.year()), Numbers.rounded(y.gi(), 2), String.valueOf(y.assessed()), String.valueOf(y.optionalReported()),
                y.mandatoryMissing().isEmpty() ? "—" : String.join(", ", y.mandatoryMissing()),
                m.get(y.complete() ? "doc.yes" : "doc.no"),
                y.passes() == null ? m.get("doc.gi.no_pass_line") : m.get(y.passes() ? "label.passes" : "label.below_pass_line"))).toList();
        List<ReportModel.SwitchRow> switches = gi.switches().stream().map(sw -> new ReportModel.SwitchRow(sw.name(),
                m.get("doc.switch." + sw.name()), sw.value(), sw.figure() == null ? "—" : statusWord(sw.figure().status()),
                sw.figure() == null ? "—" : Origins.shown(sw.figure().source(), m, v.sources()))).toList();
        return new ReportModel.ParkIndex(years, switches);
    }

    /** Zero-carbon parks: the core veto(s) and the guidance indicators in one table. */
    private List<ReportModel.GuidanceRow> guidance() {
        List<ReportModel.GuidanceRow> out = new ArrayList<>();
        for (Verdict.Judged g : v.gates()) {
            if (!"core".equals(g.type())) continue;
            out.add(guidanceRow(g, m.get("doc.zc.core"), m.get("doc.zc.vetoes")));
        }
        for (Verdict.Judged j : v.criteria()) {
            if ("threshold".equals(j.type())) out.add(guidanceRow(j, m.get("type.threshold"), m.get("doc.zc.no_veto")));
        }
        return out;
    }

    private ReportModel.GuidanceRow guidanceRow(Verdict.Judged j, String role, String vetoes) {
        Finding f = j.finding();
        Map<String, Object> values = f.values();
        Map<String, String> shown = Num.apart(values, List.of("value", "threshold"), m.lang());
        String threshold = values.containsKey("threshold") ? figure(shown, values, "threshold")
                : "z0.threshold_not_defined".equals(f.reasonKey()) ? m.get("doc.zc.threshold_not_defined") : "—";
        String value = values.containsKey("value") ? figure(shown, values, "value")
                : values.get("parts") instanceof List<?> p && !p.isEmpty() ? m.get("doc.fig.parts", p.size()) : "—";
        return new ReportModel.GuidanceRow(j.id(), j.name().in(m.lang()), role, vetoes, value, threshold, f.status().code(),
                m.get("status." + f.status().code()), reason(f));
    }

    // ---- 5 first-level indicators ----

    private List<ReportModel.Section> sections() {
        List<ReportModel.Section> out = new ArrayList<>();
        int n = 0;
        for (Verdict.CategoryResult c : v.categories()) {
            n++;
            String id = c.spec().id();
            List<ReportModel.CriterionRow> rows = new ArrayList<>();
            boolean pointsShown = c.weighted() != null;
            for (Verdict.Judged j : v.criteria()) {
                if (!j.category().equals(id)) continue;
                Finding f = j.finding();
                String points = !pointsShown || "threshold".equals(j.type()) ? null
                        : f.status() == Status.NOT_APPLICABLE ? "—" : Numbers.rounded(f.points(), 2) + " / " + Numbers.rounded(f.max(), 2);
                rows.add(new ReportModel.CriterionRow(j.id(), j.name().in(m.lang()), j.clause(), m.get("type." + j.type()),
                        f.status().code(), m.get("status." + f.status().code()), reason(f), figures(j), points, f.evidence()));
            }
            out.add(new ReportModel.Section("4.3." + n, id, c.spec().name().in(m.lang()), summary(c), pointsShown, rows));
        }
        return out;
    }

    private String summary(Verdict.CategoryResult c) {
        if (c.weighted() == null) return m.get("doc.section.not_scored", c.spec().criteria().size());
        Double pct = percent(c);
        if (Scorecard.CATEGORY_PERCENT.equals(v.scorecard().scoring())) {
            return m.get("doc.section.summary_percent", Numbers.rounded(c.points(), 2), Numbers.rounded(c.max(), 2), Numbers.rounded(pct, 2),
                    Numbers.rounded(c.spec().weight().number(), 2), Numbers.rounded(c.weighted(), 2));
        }
        return m.get("doc.section.summary_points", Numbers.rounded(c.points(), 2), Numbers.rounded(c.max(), 2), pct == null ? "—" : Numbers.rounded(pct, 2));
    }

    // ---- 6 quantitative indicators ----

    private List<ReportModel.Quantitative> quantitative() {
        List<ReportModel.Quantitative> out = new ArrayList<>();
        for (Verdict.Judged g : v.gates()) {
            if ("core".equals(g.type()) || g.finding().values().containsKey("computation")) out.add(quantitative(g, m.get("type.gate"), false));
        }
        for (Verdict.Judged j : v.criteria()) {
            if (QUANTITATIVE.contains(j.type()) || j.finding().values().containsKey("computation")) {
                out.add(quantitative(j, j.category(), !"threshold".equals(j.type()) && v.hasScore()));
            }
        }
        return out;
    }

    private ReportModel.Quantitative quantitative(Verdict.Judged j, String category, boolean pointsShown) {
        Finding f = j.finding();
        Map<String, Object> values = f.values();
        Map<String, String> shown = Num.apart(values, FIGURES, m.lang());
        List<ReportModel.Reference> refs = new ArrayList<>();
        for (String tier : TIERS) {
            if (values.containsKey(tier)) {
                refs.add(new ReportModel.Reference(m.get("doc.fig.role." + tier), figure(shown, values, tier),
                        text(Origins.shown(values.get(tier + "_from"), m, v.sources())), text(Origins.shown(values.get(tier + "_source"), m, v.sources()))));
            } else if (values.containsKey(tier + "_missing")) {
                refs.add(new ReportModel.Reference(m.get("doc.fig.role." + tier), "—", text(Origins.shown(values.get(tier + "_missing"), m, v.sources())), null));
            }
        }
        String form = values.get("form_reason") instanceof FindingCollector.FormReason r ? m.get(r.key(), r.arg()) : null;
        List<ReportModel.Part> parts = new ArrayList<>();
        if (values.get("parts") instanceof List<?> list) {
            for (Object o : list) parts.add(part((Map<?, ?>) o));
        }
        List<ReportModel.YearValue> years = f.indexYears().stream().map(y -> new ReportModel.YearValue(String.valueOf(y.year()),
                y.reported() ? Num.withUnit(y.value(), y.unit(), m.lang()) : m.get("label.not_reported"), text(y.computation()),
                y.ratio() == null ? "—" : Num.value(y.ratio(), m.lang()))).toList();
        List<String> missing = values.get("missing_inputs") instanceof List<?> l ? l.stream().map(x -> m.get("phrase.as_is", String.valueOf(x))).toList() : List.of();
        List<String> notes = new ArrayList<>(f.notes().stream().map(n -> org.verdant.findings.Values.text(n, m)).toList());
        f.warnings().forEach(w -> notes.add(org.verdant.findings.Values.text(w, m)));
        return new ReportModel.Quantitative(j.id(), j.name().in(m.lang()), category, m.get("type." + j.type()), f.status().code(),
                m.get("status." + f.status().code()), reason(f), form, text(values.get("formula")), computation(values, shown),
                values.containsKey("value") ? figure(shown, values, "value") : null, refs,
                values.containsKey("ratio") ? Num.value(values.get("ratio"), m.lang()) : null, text(values.get("scoring")),
                pointsShown ? Numbers.rounded(f.points(), 4) + " / " + Numbers.rounded(f.max(), 4) : null, parts, years, missing, notes);
    }

    private ReportModel.Part part(Map<?, ?> p) {
        Map<String, String> shown = Num.apart(p, List.of("value", "baseline", "leading", "threshold"), m.lang());
        List<String> refs = new ArrayList<>();
        for (String tier : List.of("baseline", "leading", "threshold")) {
            if (p.containsKey(tier)) {
                refs.add(m.get("doc.fig.role." + tier) + " " + figure(shown, p, tier) + " (" + text(Origins.shown(p.get(tier + "_from"), m, v.sources())) + ")");
            }
        }
        List<String> outcome = new ArrayList<>();
        if (p.containsKey("ratio")) outcome.add(m.get("doc.fig.ratio", Num.value(p.get("ratio"), m.lang())));
        if (p.containsKey("weight_share")) {
            outcome.add(m.get("doc.fig.weight_share", p.containsKey("weight_share_computation") ? text(p.get("weight_share_computation"))
                    : Num.value(p.get("weight_share"), m.lang())));
        }
        if (p.get("reaches") instanceof Boolean b) outcome.add(m.get(b ? "doc.fig.reaches" : "doc.fig.falls_short"));
        return new ReportModel.Part(String.valueOf(p.get("product")), computation(p, shown), String.join(sep, refs),
                String.join(sep, outcome));
    }

    // ---- 7, 8 provisional figures and notes ----

    /**
     * The provisional and placeholder figures grouped by the source they cite, each source written once
     * (in the order first met) with its figures under it, each figure with its own detail; a figure
     * several criteria used is one row naming them all. A provenance that cites no source of the
     * rulebook (a figure written with its own text) is a group of its own.
     */
    private List<ReportModel.ProvisionalSource> provisional() {
        Map<String, String> headings = new java.util.LinkedHashMap<>();
        Map<String, Map<String, List<String>>> bySource = new java.util.LinkedHashMap<>();
        Map<String, Figure> figures = new java.util.HashMap<>();
        Map<String, String> details = new java.util.HashMap<>();
        for (Verdict.Warning w : v.warnings()) {
            Figure f = w.figure();
            if (f == null) continue;
            String shown = f.source() == null || f.source().isBlank() ? m.get("doc.official.no_source") : Origins.shown(f.source(), m, v.sources());
            org.verdant.rulebook.Source cited = f.source() == null ? null : v.sources().sourceIn(f.source());
            String heading = cited == null ? shown : cited.title().in(m.lang()) + (cited.see() == null ? "" : " (" + cited.see() + ")");
            String group = cited == null ? "text\u0000" + shown : "source\u0000" + cited.id() + "\u0000" + heading;
            headings.putIfAbsent(group, heading);
            String key = f.ref() + "\u0000" + f.value() + "\u0000" + f.status() + "\u0000" + f.source();
            figures.putIfAbsent(key, f);
            details.putIfAbsent(key, cited == null ? "" : detail(shown, heading));
            List<String> criteria = bySource.computeIfAbsent(group, k -> new java.util.LinkedHashMap<>())
                    .computeIfAbsent(key, k -> new ArrayList<>());
            if (w.criterion() != null && !criteria.contains(w.criterion())) criteria.add(w.criterion());
        }
        List<ReportModel.ProvisionalSource> out = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Map<String, List<String>>> s : bySource.entrySet()) {
            List<ReportModel.ProvisionalRow> rows = new ArrayList<>();
            for (Map.Entry<String, List<String>> e : s.getValue().entrySet()) {
                Figure f = figures.get(e.getKey());
                rows.add(new ReportModel.ProvisionalRow(f.ref(), e.getValue().isEmpty() ? "—" : String.join(", ", e.getValue()),
                        Num.withUnit(f.value(), f.unit(), m.lang()), statusWord(f.status()), details.get(e.getKey())));
            }
            out.add(new ReportModel.ProvisionalSource(m.get("doc.official.source_number", ++n), headings.get(s.getKey()), rows));
        }
        return out;
    }

    /** What a figure's citation says beyond its source's heading (title and where described): the detail, or a level of a row. */
    private static String detail(String shown, String heading) {
        int at = shown.indexOf(heading);
        if (at < 0) return shown;
        String rest = (shown.substring(0, at) + shown.substring(at + heading.length())).strip();
        return rest.replaceAll("^[：:]\\s*", "").replaceAll("\\s*—$", "").strip();
    }

    private List<String> notes() {
        return v.warnings().stream().filter(w -> w.figure() == null).map(w -> m.get(w.key(), w.args())).toList();
    }

    private ReportModel.Trace trace() {
        Submission s = v.submission();
        return new ReportModel.Trace(v.rulebookDigest(), v.rulebookParts(), v.rulebookFiles(), Path.of(s.file()).getFileName().toString(),
                v.inputDigest(), "verdant " + v.engineVersion());
    }

    // ---- shared ----

    private String reason(Finding f) {
        return f.reasonKey() == null ? "" : m.get(f.reasonKey(), f.reasonArgs());
    }

    /** The figures a criterion compared, in one line: value, reference values, ratio or degree. */
    private String figures(Verdict.Judged j) {
        Finding f = j.finding();
        Map<String, Object> values = f.values();
        Map<String, String> shown = Num.apart(values, FIGURES, m.lang());
        List<String> out = new ArrayList<>();
        if (values.containsKey("value")) out.add(m.get("doc.fig.value", figure(shown, values, "value")));
        for (String tier : TIERS) {
            if (values.containsKey(tier)) out.add(m.get("doc.fig.role." + tier) + " " + figure(shown, values, tier));
        }
        if (values.get("parts") instanceof List<?> p && !p.isEmpty()) out.add(m.get("doc.fig.parts", p.size()));
        if (values.containsKey("ratio")) out.add(m.get("doc.fig.ratio", Num.value(values.get("ratio"), m.lang())));
        if (values.containsKey("degree")) out.add(m.get("doc.fig.degree", Num.value(values.get("degree"), m.lang())));
        if ("graded".equals(j.type()) && values.containsKey("scoring")) out.add(text(values.get("scoring")));
        if (values.containsKey("window_from") && values.containsKey("window_to")) {
            out.add(m.get("doc.fig.window", values.get("window_from"), values.get("window_to")));
        }
        return String.join(sep, out);
    }

    private String statusWord(String status) {
        return "verified".equals(status) ? m.get("doc.verified") : m.get("word." + status);
    }

    /** A parenthetical in the reader's language: full-width brackets in Chinese. */
    private String paren(String s) {
        return "en".equals(m.lang()) ? " (" + s + ")" : "（" + s + "）";
    }

    /** A computation, source or other text with its stand-alone figures as people write them. */
    private String text(Object o) {
        return Num.text(org.verdant.findings.Values.text(o, m), m.lang());
    }

    /** A figure of a finding as {@link Num#apart} wrote it among the others, with the finding's unit. */
    private String figure(Map<String, String> shown, Map<?, ?> values, String role) {
        Object value = values.get(role);
        return Num.withUnit(shown.containsKey(role) ? shown.get(role) : Num.value(value, m.lang()), value, values.get("unit"));
    }

    /**
     * A computation as a person reads it, its result written as the value is among its levels
     * (the text verdict does the same), so the result never prints as its threshold.
     */
    private String computation(Map<?, ?> values, Map<String, String> shown) {
        Object c = values.get("computation");
        if (c == null) return null;
        String text = org.verdant.findings.Values.text(c, m);
        if (shown.containsKey("value") && values.get("value") instanceof Number n) {
            Object unit = values.get("unit");
            String suffix = unit == null || String.valueOf(unit).isEmpty() ? "" : " " + unit;
            String tail = " = " + Numbers.format(n.doubleValue()) + suffix;
            if (text.endsWith(tail)) return text(text.substring(0, text.length() - tail.length())) + " = " + shown.get("value") + suffix;
        }
        return text(text);
    }
}
