package org.verdant.app;

import org.verdant.access.Access;
import org.verdant.access.Actor;
import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveException;
import org.verdant.archive.ArchivedEvaluation;
import org.verdant.archive.DisputeStep;
import org.verdant.archive.DisputeSteps;
import org.verdant.archive.RulebookSnapshots;
import org.verdant.compare.Comparison;
import org.verdant.compare.TreeDiff;
import org.verdant.compare.VerdictView;
import org.verdant.dispute.Dispute;
import org.verdant.dispute.DisputeContent;
import org.verdant.dispute.DisputeJson;
import org.verdant.dispute.DisputeReport;
import org.verdant.dispute.Objection;
import org.verdant.dispute.Recheck;
import org.verdant.dispute.Ruling;
import org.verdant.fault.Fault;
import org.verdant.report.document.ReportFormat;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookException;
import org.verdant.rulebook.RulebookLoader;
import org.verdant.text.Messages;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Disputes, start to finish, whichever face asks: an objection against a stored evaluation
 * ({@link Access.Action#OBJECT}), its re-evaluation under the original rulebook (compiled again
 * from the archive's snapshot) and under the current one when that differs, the
 * criterion-by-criterion diff with causes, and the regulator's ruling ({@link Access.Action#RULE}).
 * Every step is appended to the archive; nothing is overwritten.
 */
public final class Disputes {
    private final Application current;
    private final Archive archive;
    /** Original rulebooks compiled from snapshots, by rulebook digest: compiling one takes seconds. */
    private final Map<String, Application> originals = new ConcurrentHashMap<>();

    public Disputes(Application current, Archive archive) {
        this.current = current;
        this.archive = archive;
    }

    /**
     * Files an objection against record {@code recordId} and re-evaluates: the corrected
     * submission (or the stored one, when only evidence is new) under the original's edition,
     * table and grading, with the original rulebook and, if it changed, the current one. A
     * corrected submission that does not validate is refused before anything is stored.
     */
    public Dispute file(Actor actor, long recordId, Objection objection) throws Fault {
        return file(actor, recordId, objection, "zh");
    }

    /**
     * {@link #file(Actor, long, Objection)}, a problem with the objection's evidence located at
     * {@code 异议} or {@code objection} by {@code lang}, as the user reads it. A cited file's digest
     * is kept as the archive names it ({@code sha256:} and lower case), so the step binds that file.
     */
    public Dispute file(Actor actor, long recordId, Objection filed, String lang) throws Fault {
        ArchivedEvaluation a = record(recordId);
        String code = a.entry().creditCode();
        Access.require(actor, Access.Action.OBJECT, code);
        checkObjection(a, filed);
        EvidenceReferences.requireInArchive(filed.evidence(), new Messages(lang).get("dispute.kind.objection"), "evidence", archive);
        Objection objection = new Objection(filed.criteria(), filed.reason(), EvidenceReferences.normalised(filed.evidence()),
                filed.correctedFile(), filed.corrected());
        Request request = recheckRequest(a, objection);
        // a corrected submission's cited files, as a stored one's, must be in the archive
        Evaluation now = current.evaluate(request, archive);
        checkSameFacility(a, now);
        String originalDigest = a.entry().rulebookDigest();
        List<Recheck> rechecks = new ArrayList<>();
        if (now.verdict().rulebookDigest().equals(originalDigest)) {
            rechecks.add(new Recheck(Recheck.Rulebook.ORIGINAL, true, originalDigest, now.json(), true));
        } else {
            Optional<Application> original = original(originalDigest);
            if (original.isPresent()) {
                Evaluation then = original.get().evaluate(request, archive);
                rechecks.add(new Recheck(Recheck.Rulebook.ORIGINAL, true, then.verdict().rulebookDigest(), then.json(), false));
            } else {
                rechecks.add(new Recheck(Recheck.Rulebook.ORIGINAL, false, originalDigest, null, false));
            }
            rechecks.add(new Recheck(Recheck.Rulebook.CURRENT, true, now.verdict().rulebookDigest(), now.json(), false));
        }
        Instant at = Instant.now();
        DisputeStep first = DisputeSteps.open(archive, recordId, code, actor.id(), at, previous -> DisputeContent.objection(previous, recordId, objection));
        for (Recheck r : rechecks) {
            DisputeSteps.append(archive, first.disputeId(), DisputeStep.REEVALUATION, actor.id(), at, previous -> DisputeContent.recheck(previous, r));
        }
        return load(first.disputeId());
    }

    /** A dispute as stored, for anyone who may read the facility's records. */
    public Dispute show(Actor actor, long disputeId) throws Fault {
        Dispute d = load(disputeId);
        Access.require(actor, Access.Action.READ, d.creditCode());
        return d;
    }

    /** Records the regulator's ruling; a dispute is ruled once (a later view appends a new dispute, not a second ruling). */
    public Dispute rule(Actor actor, long disputeId, Ruling ruling, String reason) throws Fault {
        Dispute d = load(disputeId);
        Access.require(actor, Access.Action.RULE, d.creditCode());
        if (reason == null || reason.isBlank()) {
            throw new TextFault(Fault.Kind.USAGE, null, "裁定须写明理由", "a ruling needs its reasons");
        }
        if (d.ruled()) {
            throw new TextFault(Fault.Kind.USAGE, null, "异议 " + disputeId + " 已于 " + d.decision().at() + " 裁定（" + d.decision().ruling().word()
                    + "），裁定不能改写", "dispute " + disputeId + " was ruled on " + d.decision().at() + " (" + d.decision().ruling().word()
                    + "); a ruling is never rewritten");
        }
        DisputeSteps.append(archive, disputeId, DisputeStep.RULING, actor.id(), Instant.now(), previous -> DisputeContent.ruling(previous, ruling, reason.strip()));
        return load(disputeId);
    }

    /** The dispute's report in {@code lang} (zh or en), Markdown or HTML. */
    public String report(Actor actor, long disputeId, ReportFormat format, String lang) throws Fault {
        if (format == ReportFormat.pdf) {
            throw new TextFault(Fault.Kind.USAGE, org.verdant.fault.Option.FORMAT, "异议报告有 Markdown（md）和 HTML（html）两种格式",
                    "a dispute's report is Markdown (md) or HTML (html)");
        }
        Dispute d = show(actor, disputeId);
        Messages m = new Messages(lang);
        List<DisputeReport.Compared> compared = compared(d);
        return format == ReportFormat.html ? DisputeReport.html(d, compared, m) : DisputeReport.markdown(d, compared, m);
    }

    /** {@code dispute show}: the dispute in words ({@code lang}) or as JSON ({@code verdant.dispute/1}). */
    public String render(Dispute d, boolean asJson, String lang) throws Fault {
        List<DisputeReport.Compared> compared = compared(d);
        return asJson ? DisputeJson.dispute(d, compared, criterionNames(d)) : DisputeReport.summary(d, compared, new Messages(lang));
    }

    /**
     * The names of the record's gates and criteria in both languages, from the current rulebook: a
     * stored verdict names them in its own language only, and a reader of the other language must
     * not see them as leftovers. An id the current rulebook lacks keeps the verdict's name.
     */
    private Map<String, org.verdant.text.Text> criterionNames(Dispute d) {
        var entry = d.original().entry();
        var rulebook = current.rulebook().rulebook();
        Map<String, org.verdant.text.Text> names = new LinkedHashMap<>();
        rulebook.scorecard(entry.scheme(), entry.edition()).ifPresent(s -> {
            var all = s.withOverlays(rulebook.overlays(s.scheme(), null));
            all.gates().forEach(g -> names.put(g.id(), g.name()));
            all.criteria().forEach(c -> names.put(c.id(), c.name()));
        });
        return names;
    }

    /** The disputes about a facility's records, oldest first (its history shows them). */
    public static List<Dispute> ofFacility(Archive archive, Actor actor, String creditCode) throws Fault {
        Access.require(actor, Access.Action.READ, creditCode);
        Map<Long, List<DisputeStep>> byDispute = new LinkedHashMap<>();
        for (DisputeStep s : guarded(() -> DisputeSteps.forFacility(archive, creditCode))) {
            byDispute.computeIfAbsent(s.disputeId(), k -> new ArrayList<>()).add(s);
        }
        List<Dispute> out = new ArrayList<>();
        for (List<DisputeStep> steps : byDispute.values()) out.add(DisputeContent.read(record(archive, steps.get(0).evaluationId()), steps));
        return out;
    }

    /** A facility's history as JSON ({@code verdant.archive-list/1}) with its disputes beside its records. */
    public static String historyJson(Archive archive, Actor actor, String creditCode) throws Fault {
        List<Dispute> disputes = ofFacility(archive, actor, creditCode);
        return DisputeJson.history(org.verdant.archive.ArchiveJson.list(guarded(() -> archive.history(creditCode))), disputes);
    }

    /** The lines a facility's history shows of its disputes, in {@code lang}. */
    public static List<String> historyLines(List<Dispute> disputes, String lang) {
        Messages m = new Messages(lang);
        return disputes.stream().map(d -> m.get("dispute.history.line", d.id(), d.original().entry().id(), m.get("dispute.status." + d.status()),
                String.join(", ", d.objection().criteria()), d.objector(), d.filedAt().toString())).toList();
    }

    /** The original verdict compared with each re-evaluation: criteria, their compared figures, the inputs and the rulebook. */
    List<DisputeReport.Compared> compared(Dispute d) throws Fault {
        VerdictView original = Diff.side(d.original()).verdict();
        YamlNode originalTree = YamlReader.read(d.original().entry().inputFile(), d.original().submission(), new Problems());
        Objection o = d.objection();
        YamlNode recheckedTree = o.hasCorrection() ? YamlReader.read(o.correctedFile(), o.corrected(), new Problems()) : originalTree;
        List<TreeDiff.Leaf> inputs = originalTree == null || recheckedTree == null ? null : TreeDiff.between(originalTree, recheckedTree);
        List<DisputeReport.Compared> out = new ArrayList<>();
        for (Recheck r : d.rechecks()) {
            Comparison c = r.available() ? Comparison.of(original, VerdictView.parse("recheck", r.verdictJson()), inputs) : null;
            out.add(new DisputeReport.Compared(r, c));
        }
        return out;
    }

    private Dispute load(long disputeId) throws Fault {
        List<DisputeStep> steps = guarded(() -> DisputeSteps.steps(archive, disputeId));
        if (steps.isEmpty()) throw new TextFault(Fault.Kind.NOT_FOUND, null, "没有异议 " + disputeId, "no dispute " + disputeId);
        return DisputeContent.read(record(steps.get(0).evaluationId()), steps);
    }

    private ArchivedEvaluation record(long id) throws Fault {
        return record(archive, id);
    }

    private static ArchivedEvaluation record(Archive archive, long id) throws Fault {
        return guarded(() -> archive.get(id)).orElseThrow(() -> new TextFault(Fault.Kind.NOT_FOUND, null,
                "档案库中没有记录 " + id, "no record " + id + " in the archive"));
    }

    private static void checkObjection(ArchivedEvaluation a, Objection o) throws Fault {
        if (o.criteria().isEmpty()) throw new TextFault(Fault.Kind.USAGE, null, "请列出有异议的条款（如 E1,E3）", "name the criteria objected to (e.g. E1,E3)");
        if (o.reason().isBlank()) throw new TextFault(Fault.Kind.USAGE, null, "异议须写明理由", "an objection needs its reasons");
        VerdictView v = Diff.side(a).verdict();
        List<String> unknown = o.criteria().stream().filter(id -> v.item(id) == null).toList();
        if (!unknown.isEmpty()) {
            List<String> ids = new ArrayList<>();
            v.gates().forEach(i -> ids.add(i.id()));
            v.criteria().forEach(i -> ids.add(i.id()));
            throw new TextFault(Fault.Kind.USAGE, null, "记录 " + a.entry().id() + " 的评价结果中没有条款 " + String.join(", ", unknown) + "；其条款有：" + String.join(", ", ids),
                    "record " + a.entry().id() + "'s verdict has no criterion " + String.join(", ", unknown) + "; its criteria are " + String.join(", ", ids));
        }
    }

    /** The submission to re-evaluate, with the original's options and its edition held fixed (the same rulebook version means the same edition). */
    private static Request recheckRequest(ArchivedEvaluation a, Objection o) throws Fault {
        Request stored = Application.request(a, a.lang());
        Settings s = stored.settings().withEdition(a.entry().edition());
        return o.hasCorrection() ? new Request(o.correctedFile(), o.corrected(), s) : new Request(stored.file(), stored.bytes(), s);
    }

    /** A correction corrects figures; it cannot move the objection to another facility, scheme or year. */
    private static void checkSameFacility(ArchivedEvaluation a, Evaluation now) throws Fault {
        var s = now.verdict().submission();
        var e = a.entry();
        if (!e.creditCode().equals(s.facility().creditCode()) || e.reportingYear() != s.reportingYear()) {
            throw new TextFault(Fault.Kind.USAGE, null, "更正后的申报材料须与记录 " + e.id() + " 为同一单位（" + e.creditCode() + "）、同一报告年度（" + e.reportingYear() + "）",
                    "the corrected submission must be of record " + e.id() + "'s facility (" + e.creditCode() + ") and reporting year (" + e.reportingYear() + ")");
        }
    }

    /** The rulebook the original verdict was evaluated under, compiled from the archive's snapshot; empty when none was stored. */
    private Optional<Application> original(String digest) throws Fault {
        Application known = originals.get(digest);
        if (known != null) return Optional.of(known);
        Optional<Map<String, byte[]>> files = guarded(() -> RulebookSnapshots.load(archive, digest));
        if (files.isEmpty()) return Optional.empty();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("verdant-rulebook-");
            Files.createDirectories(dir.resolve("rules"));
            Files.createDirectories(dir.resolve("scorecards"));
            for (Map.Entry<String, byte[]> f : files.get().entrySet()) {
                Path target = dir.resolve(f.getKey()).normalize();
                if (!target.startsWith(dir.resolve("rules")) && !target.startsWith(dir.resolve("scorecards"))) {
                    throw new TextFault(Fault.Kind.ARCHIVE, null, "规则库快照中的路径“" + f.getKey() + "”不在 rules/ 或 scorecards/ 下",
                            "the rulebook snapshot's path '" + f.getKey() + "' is not under rules/ or scorecards/");
                }
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            Application app = new Application(new CompiledRulebook(RulebookLoader.load(dir.resolve("rules"), dir.resolve("scorecards"))));
            originals.put(digest, app);
            return Optional.of(app);
        } catch (IOException e) {
            throw new TextFault(Fault.Kind.ARCHIVE, null, "无法重建原规则库：" + e.getMessage(), "cannot rebuild the original rulebook: " + e.getMessage());
        } catch (RulebookException e) {
            throw Faults.invalidRulebook(e);
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary copy left behind harms nothing; the rulebook is already read
        }
    }

    private interface Read<T> {
        T get();
    }

    private static <T> T guarded(Read<T> read) throws Fault {
        try {
            return read.get();
        } catch (ArchiveException e) {
            throw Faults.of(e);
        }
    }
}
