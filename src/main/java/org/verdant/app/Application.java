package org.verdant.app;

import org.verdant.archive.ArchivedEvaluation;
import org.verdant.assessment.Assessment;
import org.verdant.assessment.AssessmentReader;
import org.verdant.compare.VerdictComparison;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.fault.Fault;
import org.verdant.fault.Option;
import org.verdant.text.Text;
import org.verdant.plan.Assignment;
import org.verdant.record.EvaluationRecord;
import org.verdant.record.Verification;
import org.verdant.record.Verifier;
import org.verdant.report.EditionComparison;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.SubmissionReader;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.util.ArrayList;
import java.util.List;

/**
 * The operations users have, whichever face they use (the CLI, the HTTP service, batch): each
 * reads a submission once, evaluates it once, and hands back an {@link Evaluation} that renders
 * the verdict, its trace, its report and plan, and what-ifs from that one reading. Every failure
 * is a {@link Fault}, in domain words, for the face to map.
 */
public final class Application {
    private final CompiledRulebook rulebook;
    private final Evaluator evaluator;
    /** Where {@link #evaluate(Request)} looks cited evidence files up (null: nowhere, and the verdict says so). */
    private final org.verdant.archive.Archive evidenceArchive;

    public Application(CompiledRulebook rulebook) {
        this(rulebook, new Evaluator(rulebook), null);
    }

    private Application(CompiledRulebook rulebook, Evaluator evaluator, org.verdant.archive.Archive evidenceArchive) {
        this.rulebook = rulebook;
        this.evaluator = evaluator;
        this.evidenceArchive = evidenceArchive;
    }

    /**
     * The same application, whose {@link #evaluate(Request)} checks every evidence file a
     * submission cites against {@code archive} (as {@code evaluate --archive} does): for a face
     * such as batch that evaluates through the one-argument call.
     */
    public Application checkingEvidenceIn(org.verdant.archive.Archive archive) {
        return new Application(rulebook, evaluator, archive);
    }

    public CompiledRulebook rulebook() {
        return rulebook;
    }

    /** The engine's version, as every verdict names it. */
    public static String version() {
        return Evaluator.version();
    }

    /** The sha256 digest of some bytes, as a verdict names its input ({@code sha256:…}). */
    public static String digest(byte[] bytes) {
        return Evaluator.sha256(bytes);
    }

    /** What-if changes, each written PATH=VALUE; checked before anything is evaluated. */
    public static List<Assignment> changes(List<String> sets) throws Fault {
        List<Assignment> changes = new ArrayList<>();
        for (String s : sets) {
            requireShallow(s);
            changes.add(Assignment.parse(s));
        }
        return changes;
    }

    /** A path deeper than any submission can be is refused before it is walked (a 3 000-step path overflowed the stack). */
    private static void requireShallow(String set) throws Fault {
        int eq = set.indexOf('=');
        String path = eq < 0 ? set : set.substring(0, eq);
        int steps = 1;
        for (int i = 0; i < path.length(); i++) if (path.charAt(i) == '.' || path.charAt(i) == '[') steps++;
        if (steps > YamlReader.MAX_DEPTH) {
            String shown = path.length() > 60 ? path.substring(0, 60) + "…" : path;
            throw new TextFault(Fault.Kind.USAGE, Option.SET,
                    "路径“" + shown + "”有 " + steps + " 级，超过申报文件的最大层级 " + YamlReader.MAX_DEPTH,
                    "path '" + shown + "' has " + steps + " steps, more than a submission's deepest " + YamlReader.MAX_DEPTH);
        }
    }

    /** Refuses a grading table the rulebook does not have before anything is evaluated (null and "none" are no table). */
    public void requireGrading(String id) throws Fault {
        if (id != null && !id.equals("none") && !rulebook.rulebook().gradings().containsKey(id)) {
            String available = String.join(", ", rulebook.rulebook().gradings().keySet());
            throw new TextFault(Fault.Kind.USAGE, Option.GRADING, "未知的评级表“" + id + "”；可用的有：" + available,
                    "unknown grading table '" + id + "'; available: " + available);
        }
    }

    /**
     * Refuses an edition no scheme of the rulebook has before anything is read, as an unknown
     * grading table is refused: the option is wrong, not the submission. An edition of another
     * scheme than the submission's stays the submission's problem (batch applies one --edition
     * to inputs of every scheme).
     */
    public void requireEdition(String id) throws Fault {
        if (id == null) return;
        java.util.Set<String> editions = new java.util.TreeSet<>();
        for (Scorecard s : rulebook.rulebook().scorecards().values()) editions.add(s.edition());
        if (!editions.contains(id)) {
            String available = String.join(", ", editions);
            throw new TextFault(Fault.Kind.USAGE, Option.EDITION, "未知的版本“" + id + "”；可用的有：" + available,
                    "unknown edition '" + id + "'; available: " + available);
        }
    }

    /**
     * Reads the submission once and evaluates it. Evidence files it cites by digest are looked up
     * only in the archive of {@link #checkingEvidenceIn}; otherwise the verdict warns that they
     * were not checked.
     */
    public Evaluation evaluate(Request request) throws Fault {
        return evaluate(request, evidenceArchive);
    }

    /**
     * Reads the submission once and evaluates it; every evidence file it cites by digest must be
     * in {@code archive}'s evidence store (a missing one is a located problem of the submission).
     * With a null archive the digests are accepted and the verdict warns they were not checked.
     */
    public Evaluation evaluate(Request request, org.verdant.archive.Archive archive) throws Fault {
        return evaluate(request, archive, archive == null);
    }

    private Evaluation evaluate(Request request, org.verdant.archive.Archive archive, boolean warnUnchecked) throws Fault {
        requireEdition(request.settings().edition());
        Problems problems = new Problems();
        YamlNode root = YamlReader.read(request.file(), request.bytes(), problems);
        if (root == null) throw new InvalidSubmissionException(problems);
        String digest = digest(request.bytes());
        java.util.Map<String, org.verdant.archive.EvidenceFile> found = new java.util.LinkedHashMap<>();
        // the files the evaluator's assessment cites are checked with the submission's, and bound with them
        var evidence = EvidenceReferences.check(root, request.settings().assessment(), archive, problems, found);
        try {
            Verdict verdict = evaluator.evaluate(request.file(), root, problems, digest, request.settings().evaluatorOptions());
            if (warnUnchecked) verdict = EvidenceReferences.warned(verdict, evidence);
            return new Evaluation(this, request, root, digest, verdict).binding(evidence, EvidenceReferences.attached(found));
        } catch (RulebookException e) {
            throw Faults.invalidRulebook(e);
        }
    }

    /**
     * {@code what-if}: the submission evaluated, then again with {@code changes}; every evidence
     * file cited before or after the changes must be in {@code archive} (null: not checked, and
     * the verdict says so). A changed digest the archive lacks is a problem of the {@code --set}.
     */
    public String whatIf(Request request, org.verdant.archive.Archive archive, List<Assignment> changes, boolean asJson) throws Fault {
        Evaluation e = evaluate(request, archive);
        if (archive != null) {
            Problems problems = new Problems();
            EvidenceReferences.check(org.verdant.plan.TreeEdit.apply(e.root(), changes), request.settings().assessment(), archive,
                    problems, new java.util.LinkedHashMap<>());
            if (!problems.isEmpty()) throw new InvalidSubmissionException(problems).about(Option.SET);
        }
        return e.whatIf(changes, asJson);
    }

    /**
     * An archived evaluation re-run: its cited files were looked up (or not) when it was stored;
     * the re-run warns as the archived verdict did.
     */
    private Evaluation rerun(ArchivedEvaluation archived) throws Fault {
        return evaluate(request(archived, archived.lang()), null, warnedUnchecked(archived.verdictJson()));
    }

    /**
     * An archived evaluation re-run with another evaluator's assessment (the one it was stored
     * with, if any, replaced): the archived options, its cited files treated as when it was stored.
     * Whether the assessment fits the submission is a located problem of the assessment.
     */
    public Evaluation assess(ArchivedEvaluation archived, Assessment assessment) throws Fault {
        return assess(archived, assessment, null);
    }

    /**
     * The same, every evidence file the assessment (and the submission) cites checked against
     * {@code archive}'s store: a digest it lacks is a located problem of the document citing it.
     */
    public Evaluation assess(ArchivedEvaluation archived, Assessment assessment, org.verdant.archive.Archive archive) throws Fault {
        Request stored = request(archived, archived.lang());
        Request assessed = new Request(stored.file(), stored.bytes(), stored.settings().withAssessment(assessment));
        return evaluate(assessed, archive, warnedUnchecked(archived.verdictJson()));
    }

    private static boolean warnedUnchecked(String verdictJson) {
        try {
            for (var w : org.verdant.text.Json.read(verdictJson).path("warnings")) {
                if (org.verdant.record.EvidenceBinding.UNCHECKED.equals(w.path("code").asText())) return true;
            }
            return false;
        } catch (java.io.IOException | RuntimeException e) {
            return false; // an unreadable stored verdict is reported by the comparison itself
        }
    }

    /**
     * Reads an evaluator's assessment ({@code verdant.assessment/1}); whether it fits the
     * submission is checked when the two are evaluated together. Problems are located in the
     * assessment's file, as a submission's are in its.
     */
    public static Assessment assessment(String file, byte[] bytes) throws Fault {
        Problems problems = new Problems();
        Assessment a = AssessmentReader.read(file, bytes, problems);
        if (a == null) throw new InvalidSubmissionException(problems);
        return a;
    }

    /** A submission that passed every check: the scheme and edition it would be evaluated under. */
    public record Validation(String scheme, String edition) {
    }

    /** Checks the submission without scoring it. */
    public Validation validate(Request request) throws Fault {
        try {
            Evaluator.Validated v = evaluator.validate(request.file(), request.bytes(), request.settings().evaluatorOptions());
            return new Validation(v.scorecard().scheme(), v.scorecard().edition());
        } catch (RulebookException e) {
            throw Faults.invalidRulebook(e);
        }
    }

    /** The submission under every edition of its scheme, side by side (the settings' edition is not used). */
    public String compareEditions(Request request) throws Fault {
        var partial = SubmissionReader.readPartial(request.file(), request.bytes(), new Problems());
        String scheme = partial == null ? null : partial.scheme();
        List<Scorecard> editions = scheme == null ? List.of() : rulebook.rulebook().editions(scheme);
        if (editions.size() < 2) {
            // let the evaluator report what is wrong with the file, or say there is nothing to compare
            validate(new Request(request.file(), request.bytes(), Settings.defaults()));
            throw new TextFault(Fault.Kind.USAGE, null, "评价类别“" + scheme + "”在本规则库中只有 " + editions.size() + " 个版本，无可比较",
                    "scheme '" + scheme + "' has " + editions.size() + " edition(s) in this rulebook; nothing to compare");
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (Scorecard edition : editions) {
            Settings s = new Settings(edition.edition(), null, null, request.settings().lang());
            verdicts.add(evaluate(new Request(request.file(), request.bytes(), s)).verdict());
        }
        return EditionComparison.render(verdicts, request.settings().messages());
    }

    /**
     * One submission under several GB/T 36132-2025 indicator tables (ids or files), side by side:
     * each indicator's points under each table and why they differ.
     */
    public String compareTables(Request request, List<String> tables) throws Fault {
        if (tables.size() < 2) throw new TextFault(Fault.Kind.USAGE, Option.TABLE, "请指定两个或更多指标表进行比较",
                "name two indicator tables or more to compare");
        String edition = rulebook.rulebook().scorecards().values().stream().filter(Scorecard::usesIndicatorTables)
                .map(Scorecard::edition).findFirst().orElseThrow(() -> new TextFault(Fault.Kind.USAGE, Option.TABLE,
                        "本规则库没有使用指标表的版本", "no edition of this rulebook uses indicator tables"));
        List<Verdict> verdicts = new ArrayList<>();
        for (String t : tables) {
            Settings s = new Settings(edition, t, null, request.settings().lang());
            verdicts.add(evaluate(new Request(request.file(), request.bytes(), s)).verdict());
        }
        return org.verdant.report.TableComparison.render(verdicts, request.settings().messages());
    }

    /** An archived submission as a request: its bytes, its name and the options it was evaluated with. */
    public static Request request(ArchivedEvaluation a, String lang) throws Fault {
        Settings settings = new Settings(a.requestedEdition(), requestedTable(a.verdictJson()), a.requestedGrading(), lang == null ? a.lang() : lang);
        if (a.assessment() != null) settings = settings.withAssessment(assessment(a.assessment().file(), a.assessment().bytes()));
        return new Request(a.entry().inputFile(), a.submission(), settings);
    }

    /** The indicator table an archived verdict was asked for (--table id), read from the verdict it stored. */
    private static String requestedTable(String verdictJson) {
        try {
            var table = org.verdant.text.Json.read(verdictJson).path("indicator_table");
            return "option".equals(table.path("chosen_by").asText()) ? table.path("id").asText(null) : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null; // an unreadable stored verdict is reported by the comparison itself
        }
    }

    /** {@code archive verify}: the archived submission re-run with its options, compared with the archived verdict. */
    public Reevaluation verify(ArchivedEvaluation archived) throws Fault {
        Evaluation now = rerun(archived);
        String json = now.json();
        return new Reevaluation(archived, json, VerdictComparison.compare(archived.verdictJson(), json));
    }

    /**
     * The archived submission re-run with its options, provided it reproduces the archived verdict
     * byte for byte: a report or a trace of a record must show the verdict that was archived.
     * Render it in another language with {@link Evaluation#withLang}.
     */
    public Evaluation reproduce(ArchivedEvaluation archived) throws Fault {
        Evaluation now = rerun(archived);
        String json = now.json();
        if (json.equals(archived.verdictJson())) return now;
        List<Fault.Difference> differences = new ArrayList<>();
        for (VerdictComparison.Difference d : VerdictComparison.compare(archived.verdictJson(), json).differences()) {
            differences.add(new Fault.Difference(d.what(), d.archived(), d.now()));
        }
        throw new NotReproduced(archived.entry().id(), differences);
    }

    /** An archived evaluation that this rulebook and engine no longer reproduce. */
    public static final class NotReproduced extends TextFault {
        private final long recordId;

        NotReproduced(long recordId, List<Difference> differences) {
            super(Kind.NOT_REPRODUCED, new Text("记录 " + recordId + " 未能由本规则库和引擎复现",
                    "record " + recordId + " is not reproduced by this rulebook and engine"), differences);
            this.recordId = recordId;
        }

        public long recordId() {
            return recordId;
        }
    }

    /** {@code verify}: a record's submission re-run with its options against this rulebook. */
    public Verification verify(EvaluationRecord record) throws Fault {
        return verify(record, null);
    }

    /**
     * {@code verify --archive}: the same, and every evidence file the record binds checked against
     * {@code archive}'s store (null: not checked, and said so): a changed or missing file is damage.
     */
    public Verification verify(EvaluationRecord record, org.verdant.archive.Archive archive) throws Fault {
        try {
            return EvidenceReferences.verify(Verifier.verify(record, rulebook), record, archive);
        } catch (RulebookException e) {
            throw Faults.invalidRulebook(e);
        }
    }

    Evaluator evaluator() {
        return evaluator;
    }
}
