package org.verdant.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.ArchiveInput;
import org.verdant.compare.Comparison;
import org.verdant.compare.ComparisonReport;
import org.verdant.compare.TreeDiff;
import org.verdant.compare.VerdictView;
import org.verdant.explain.ExplainRenderer;
import org.verdant.explain.Trace;
import org.verdant.explain.TraceBuilder;
import org.verdant.explain.TraceJson;
import org.verdant.fault.Fault;
import org.verdant.fault.Option;
import org.verdant.plan.Assignment;
import org.verdant.plan.Plan;
import org.verdant.plan.PlanAdvisor;
import org.verdant.plan.PlanReport;
import org.verdant.plan.Planner;
import org.verdant.plan.Scenario;
import org.verdant.record.Records;
import org.verdant.report.TextVerdictRenderer;
import org.verdant.report.document.ReportDocument;
import org.verdant.report.document.ReportFormat;
import org.verdant.rulebook.RulebookException;
import org.verdant.text.Messages;
import org.verdant.text.Suggest;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictJson;
import org.verdant.yaml.PathIndex;
import org.verdant.yaml.YamlNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One evaluated submission: the verdict, the YAML tree the evaluator read (so a trace locates its
 * inputs, and a what-if edits the tree, without reading the file again), the input digest and
 * the settings. Everything derived from it (the verdict JSON, the traces, the default
 * improvement plan) is computed once, on first use. Not for use from several threads at once.
 */
public final class Evaluation {
    private final Application application;
    private final Request request;
    private final YamlNode root;
    private final String digest;
    private final Verdict verdict;
    private final Messages messages;
    private Scenario scenario;
    private ObjectNode jsonTree;
    private String json;
    private Map<String, Trace> traces;
    private Plan plan;
    /** The evidence files the submission cites by digest, as the record binds them; null for none. */
    private org.verdant.record.EvaluationRecord.Evidence evidence;
    /** The cited files the archive holds, by digest, for the report's 附件 (empty without an archive). */
    private Map<String, org.verdant.report.document.ReportModel.AttachedFile> attached = Map.of();

    Evaluation(Application application, Request request, YamlNode root, String digest, Verdict verdict) {
        this(application, request, root, digest, verdict, null);
    }

    private Evaluation(Application application, Request request, YamlNode root, String digest, Verdict verdict, Scenario scenario) {
        this.application = application;
        this.request = request;
        this.root = root;
        this.digest = digest;
        this.verdict = verdict;
        this.messages = request.settings().messages();
        this.scenario = scenario;
    }

    public Verdict verdict() {
        return verdict;
    }

    Evaluation binding(org.verdant.record.EvaluationRecord.Evidence cited,
                       Map<String, org.verdant.report.document.ReportModel.AttachedFile> files) {
        this.evidence = cited;
        this.attached = files;
        return this;
    }

    /** The evidence files the submission cites by digest (with their sizes when checked against an archive); null for none. */
    public org.verdant.record.EvaluationRecord.Evidence evidence() {
        return evidence;
    }

    public Request request() {
        return request;
    }

    /** The YAML tree the evaluator read. */
    public YamlNode root() {
        return root;
    }

    /** The input's sha256 ({@code sha256:…}), as the verdict names it. */
    public String digest() {
        return digest;
    }

    public Messages messages() {
        return messages;
    }

    /** The same evaluation written in another language (the verdict and the tree are shared; the renderings are not). */
    public Evaluation withLang(String lang) {
        if (lang.equals(request.settings().lang())) return this;
        return new Evaluation(application, new Request(request.file(), request.bytes(), request.settings().withLang(lang)),
                root, digest, verdict, scenario).binding(evidence, attached);
    }

    // ---- the verdict ----------------------------------------------------------------------

    /** The verdict as a JSON tree ({@code verdant.verdict/1}); shared: do not change it. */
    public ObjectNode jsonTree() {
        if (jsonTree == null) jsonTree = VerdictJson.toJson(verdict, messages);
        return jsonTree;
    }

    /** The verdict JSON exactly as {@code evaluate --format json} prints it. */
    public String json() {
        if (json == null) json = VerdictJson.text(jsonTree());
        return json;
    }

    /** With {@code trace}: a trace in every gate and criterion ({@code evaluate --format json --trace}). */
    public String json(boolean trace) {
        if (!trace) return json();
        Map<String, JsonNode> nodes = TraceJson.nodes(traces());
        return VerdictJson.write(verdict, messages, nodes);
    }

    /** The verdict as text, as {@code evaluate} prints it. */
    public String text() {
        return TextVerdictRenderer.render(verdict, messages);
    }

    /** Every gate's and criterion's trace, by id, its inputs located in the tree the evaluator read. */
    public Map<String, Trace> traces() {
        if (traces == null) traces = TraceBuilder.all(verdict, new PathIndex(root), messages);
        return traces;
    }

    /** How one criterion (or every one, for null) was decided, as text or JSON ({@code verdant.explain/1}). */
    public String explain(String criterion, boolean asJson) throws Fault {
        List<Verdict.Judged> chosen = choose(criterion);
        return asJson ? TraceJson.explain(verdict, chosen, traces(), messages) : ExplainRenderer.render(verdict, chosen, traces(), messages);
    }

    /** Every gate and criterion, or the one named (ids are matched regardless of case). */
    private List<Verdict.Judged> choose(String id) throws Fault {
        List<Verdict.Judged> all = TraceBuilder.judged(verdict);
        if (id == null) return all;
        List<Verdict.Judged> named = all.stream().filter(j -> j.id().equalsIgnoreCase(id)).toList();
        if (!named.isEmpty()) return named;
        List<String> ids = all.stream().map(Verdict.Judged::id).toList();
        var nearest = Suggest.nearest(id, ids);
        String hintZh = nearest.map(s -> "；您是指“" + s + "”吗？").orElse("；条款有：" + String.join(", ", ids));
        String hintEn = nearest.map(s -> "; did you mean '" + s + "'?").orElse("; the criteria are " + String.join(", ", ids));
        String where = verdict.scorecard().scheme() + " " + verdict.scorecard().edition();
        throw new TextFault(Fault.Kind.NOT_FOUND, null, where + " 中没有条款“" + id + "”" + hintZh,
                "no criterion '" + id + "' in " + where + hintEn);
    }

    // ---- plans, reports, what-ifs ---------------------------------------------------------

    private Scenario scenario() {
        if (scenario == null) {
            scenario = Scenario.of(application.evaluator(), request.file(), request.bytes(), root,
                    request.settings().evaluatorOptions(), verdict);
        }
        return scenario;
    }

    /** The improvement plan: blockers, then changes by the points they add; with a target (null: none), the fewest that reach it. */
    public Plan plan(String target) throws Fault {
        if (target == null && plan != null) return plan;
        try {
            Plan p = Planner.plan(scenario(), target);
            if (target == null) plan = p;
            return p;
        } catch (RulebookException e) {
            throw Faults.invalidRulebook(e);
        }
    }

    /** {@code improve}: the plan as text or JSON ({@code verdant.plan/1}). */
    public String improve(String target, boolean asJson) throws Fault {
        Plan p = plan(target);
        return asJson ? PlanReport.json(p, messages) : PlanReport.text(p, messages);
    }

    /** The evaluation report in {@code format}, its improvement section from the plan. */
    public String report(ReportFormat format) throws Fault {
        return ReportDocument.render(verdict, messages, format, new PlanAdvisor(plan(null)), attached);
    }

    /** The evaluation report as a PDF, its improvement section from the plan. */
    public byte[] reportPdf() throws Fault {
        return ReportDocument.pdf(verdict, messages, new PlanAdvisor(plan(null)), attached);
    }

    /** The report's radar chart (SVG) of the first-level indicators; null when there are fewer than three. */
    public String radar() {
        return ReportDocument.radar(verdict, messages);
    }

    /**
     * {@code what-if}: the submission evaluated again with the changes ({@link Application#changes}) applied
     * to its tree, every criterion, the total and the grade before → after, as text or JSON
     * ({@code verdant.diff/1}). Changes that make the submission invalid are an invalid
     * submission about {@link Option#SET}.
     */
    public String whatIf(List<Assignment> changes, boolean asJson) throws Fault {
        Verdict after;
        try {
            after = scenario().evaluate(changes);
        } catch (org.verdant.evaluation.InvalidSubmissionException e) {
            throw e.about(Option.SET);
        } catch (RulebookException e) {
            throw Faults.invalidRulebook(e);
        }
        Comparison c = Comparison.of(view(), VerdictView.of(after, messages), TreeDiff.between(root, scenario().edited(changes)));
        var heading = new ComparisonReport.Heading(messages.get("diff.title_whatif", request.file(), changes.size()),
                messages.get("diff.before"), messages.get("diff.after"), changes);
        return asJson ? ComparisonReport.json(c, heading) : ComparisonReport.text(c, heading, messages);
    }

    /** What a comparison reads of this verdict. */
    public VerdictView view() {
        return VerdictView.of(verdict, messages);
    }

    // ---- records and the archive ----------------------------------------------------------

    /** A reproducible record ({@code verdant.record/1}): the verdict JSON with the submission's bytes, the options and the rulebook files' digests. */
    public String record() {
        return Records.toJson(Records.of(verdict, json(), request.bytes(), request.settings().evaluatorOptions(),
                request.settings().lang(), application.rulebook().rulebook()).withEvidence(evidence));
    }

    /** Stores the evaluation in {@code archive} (the time goes into the archive only). */
    public ArchiveEntry store(Archive archive) {
        Settings s = request.settings();
        var assessment = s.assessment() == null ? null : new org.verdant.archive.EvidenceAssessment(s.assessment().file(), s.assessment().bytes());
        ArchiveEntry stored = archive.store(new ArchiveInput(request.bytes(), request.file(), json(), s.edition(), s.grading(), Instant.now(), assessment));
        // the rulebook files this verdict used, so a dispute can re-evaluate under them years later
        java.util.Set<String> used = new java.util.HashSet<>(verdict.rulebookFiles());
        Map<String, byte[]> files = new java.util.TreeMap<>();
        application.rulebook().rulebook().files().stream().filter(f -> used.contains(f.logicalPath())).forEach(f -> files.put(f.logicalPath(), f.bytes()));
        org.verdant.archive.RulebookSnapshots.store(archive, verdict.rulebookDigest(), files);
        return stored;
    }
}
