package org.verdant.record;

import com.fasterxml.jackson.databind.JsonNode;
import org.verdant.assessment.Assessment;
import org.verdant.assessment.AssessmentReader;
import org.verdant.evaluation.Evaluator;
import org.verdant.yaml.Problems;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.compare.VerdictDiff;
import org.verdant.verdict.VerdictJson;
import org.verdant.text.Messages;
import org.verdant.rulebook.CompiledRulebook;
import org.verdant.rulebook.RulebookException;
import org.verdant.verdict.Verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.verdant.text.Text;
import java.util.Map;

/** Re-runs a record's submission with its options against a rulebook and says what differs. */
public final class Verifier {
    private Verifier() {
    }

    /** A broken rulebook is not a difference in the record: it is reported as such (RulebookException). */
    public static Verification verify(EvaluationRecord r, CompiledRulebook rulebook) throws RulebookException {
        JsonNode v = r.verdict();
        String facility = v.path("facility").path("name").asText() + ", " + v.path("scheme").asText() + " " + v.path("edition").asText();
        String date = v.path("evaluation_date").asText();
        Text summary = new Text(
                facility + "，评价日期 " + date + "；选项："
                        + (r.edition() == null ? "按日期选版本" : "--edition \"" + r.edition() + "\"") + "，"
                        + (r.grading() == null ? "默认分级" : "--grading " + r.grading()) + "，--lang " + r.lang(),
                facility + ", evaluated " + date + "; options: "
                        + (r.edition() == null ? "edition by date" : "--edition \"" + r.edition() + "\"") + ", "
                        + (r.grading() == null ? "default grading" : "--grading " + r.grading()) + ", --lang " + r.lang());
        List<Text> damage = damage(r);
        String actualSha = Evaluator.sha256(r.submission());
        boolean intact = actualSha.equals(r.submissionSha256()) && actualSha.equals(v.path("input").path("digest").asText());
        List<String> recordedPaths = r.rulebookFiles().stream().map(EvaluationRecord.FileDigest::path).toList();
        if (!intact) {
            return new Verification(summary, damage, false, r.engineVersion(), Evaluator.version(), r.rulebookDigest(), null,
                    recordedPaths, List.of(), null, null, r.verdictSha256(), null, false);
        }
        Verdict verdict = null;
        Text rerunError = null;
        try {
            verdict = new Evaluator(rulebook).evaluate(r.submissionFile(), r.submission(),
                    new Evaluator.Options(r.edition(), r.table(), r.grading(), assessment(r)));
        } catch (InvalidSubmissionException e) {
            StringBuilder b = new StringBuilder();
            e.problems().forEach(p -> b.append('\n').append(p));
            rerunError = new Text("本规则库拒绝此申报材料（" + e.problems().size() + " 个问题）" + b,
                    "this rulebook refuses the submission (" + e.problems().size() + " problem(s))" + b);
        } catch (UsageException e) {
            // verify is the CLI's: the option is named as its flag, as the summary names the options
            String message = (e.option() == null ? "" : "--" + e.option().word() + ": ") + e.getMessage();
            rerunError = new Text(message, message);
        }
        List<String> nowPaths = verdict == null ? recordedPaths : verdict.rulebookFiles();
        List<EvaluationRecord.FileDigest> now = Records.fileDigests(nowPaths, rulebook.rulebook());
        List<Verification.FileChange> changes = changes(r.rulebookFiles(), now);
        if (verdict != null && verdict.rulebookDigest().equals(r.rulebookDigest())) {
            // The same rulebook digest covers the same file bytes: a file whose recorded digest differs was forged in the record.
            for (Verification.FileChange c : changes) {
                String recorded = r.rulebookFiles().stream().filter(f -> f.path().equals(c.path())).map(EvaluationRecord.FileDigest::sha256)
                        .findFirst().orElse("—");
                String actual = now.stream().filter(f -> f.path().equals(c.path())).map(EvaluationRecord.FileDigest::sha256).findFirst().orElse("—");
                damage.add(new Text("规则库：文件 " + c.path() + " 记录中的摘要为 " + recorded + "，而规则库摘要 " + r.rulebookDigest()
                        + " 所涵盖的该文件摘要为 " + actual + "（记录被改动）",
                        "rulebook: the record gives " + c.path() + " the digest " + recorded + ", but the file the rulebook digest "
                                + r.rulebookDigest() + " covers hashes to " + actual + " (the record was altered)"));
            }
            changes = List.of();
        }
        if (verdict == null) {
            return new Verification(summary, damage, true, r.engineVersion(), Evaluator.version(), r.rulebookDigest(), null,
                    nowPaths, changes, rerunError, null, r.verdictSha256(), null, false);
        }
        // a verdict reached without an archive said its cited files were not checked; the re-run says so again
        if (r.evidence() != null && !r.evidence().checked()) verdict = EvidenceBinding.unchecked(verdict, r.evidence().files().size());
        String text = VerdictJson.write(verdict, new Messages(r.lang()));
        String sha = Records.sha256(text);
        VerdictDiff diff = VerdictDiff.compare(v, Records.parse(text));
        boolean identical = damage.isEmpty() && sha.equals(r.verdictSha256());
        return new Verification(summary, damage, true, r.engineVersion(), Evaluator.version(), r.rulebookDigest(),
                verdict.rulebookDigest(), nowPaths, changes, null, diff, r.verdictSha256(), sha, identical);
    }

    /** The assessment the record was evaluated with, read again from its bytes; null for none. */
    private static Assessment assessment(EvaluationRecord r) throws InvalidSubmissionException {
        if (r.assessment() == null) return null;
        Problems problems = new Problems();
        Assessment a = AssessmentReader.read(r.assessment().file(), r.assessment().bytes(), problems);
        if (a == null) throw new InvalidSubmissionException(problems);
        return a;
    }

    /** Where the record disagrees with itself: the parts of a record repeat each other so an edit shows. */
    private static List<Text> damage(EvaluationRecord r) {
        List<Text> out = new ArrayList<>();
        JsonNode v = r.verdict();
        String actual = Evaluator.sha256(r.submission());
        if (!actual.equals(r.submissionSha256())) {
            out.add(new Text("申报材料：其字节的摘要为 " + actual + "，记录中为 " + r.submissionSha256(),
                    "submission: its bytes hash to " + actual + ", the record says " + r.submissionSha256()));
        }
        String inputDigest = v.path("input").path("digest").asText();
        if (!r.submissionSha256().equals(inputDigest)) {
            out.add(new Text("申报材料：记录中为 " + r.submissionSha256() + "，其结论的 input.digest 为 " + inputDigest,
                    "submission: the record says " + r.submissionSha256() + ", its verdict's input.digest " + inputDigest));
        }
        String verdictSha = Records.sha256(Records.verdictText(v));
        if (!verdictSha.equals(r.verdictSha256())) {
            out.add(new Text("结论：其文本的摘要为 " + verdictSha + "，verdict_sha256 为 " + r.verdictSha256() + "（记录后被改动）",
                    "verdict: its text hashes to " + verdictSha + ", verdict_sha256 says " + r.verdictSha256() + " (edited after recording)"));
        }
        String assessed = v.path("assessment").path("digest").asText(null);
        if (r.assessment() != null) {
            String bytes = Evaluator.sha256(r.assessment().bytes());
            if (!bytes.equals(r.assessment().sha256()) || !bytes.equals(assessed)) {
                out.add(new Text("评价意见：其字节的摘要为 " + bytes + "，记录中为 " + r.assessment().sha256() + "，其结论中为 " + assessed,
                        "assessment: its bytes hash to " + bytes + ", the record says " + r.assessment().sha256() + ", its verdict " + assessed));
            }
        } else if (assessed != null) {
            out.add(new Text("评价意见：结论依据评价意见 " + assessed + "，但记录中没有它", "assessment: the verdict relies on assessment " + assessed + " but the record has none"));
        }
        List<String> cited = citedDigests(r);
        List<String> bound = r.evidence() == null ? List.of() : r.evidence().files().stream().map(EvaluationRecord.EvidenceDigest::sha256).toList();
        if (cited != null && !cited.equals(bound)) {
            out.add(new Text("证据：申报材料引用的文件为 " + shown(cited) + "，记录中绑定的为 " + shown(bound),
                    "evidence: the submission cites " + shown(cited) + ", the record binds " + shown(bound)));
        }
        String verdictRulebook = v.path("rulebook").path("digest").asText();
        if (!r.rulebookDigest().equals(verdictRulebook)) {
            out.add(new Text("规则库：记录中的摘要 " + r.rulebookDigest() + " 不是其结论中的 " + verdictRulebook,
                    "rulebook: the record's digest " + r.rulebookDigest() + " is not its verdict's " + verdictRulebook));
        }
        List<String> verdictFiles = new ArrayList<>();
        v.path("rulebook").path("files").forEach(f -> verdictFiles.add(f.asText()));
        if (!verdictFiles.equals(r.rulebookFiles().stream().map(EvaluationRecord.FileDigest::path).toList())) {
            out.add(new Text("规则库：记录中的文件清单与其结论的 rulebook.files 不同", "rulebook: the record's file list is not its verdict's rulebook.files"));
        }
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (EvaluationRecord.FileDigest f : r.rulebookFiles()) {
            if (!paths.add(f.path())) {
                out.add(new Text("规则库：文件 " + f.path() + " 在记录中出现两次", "rulebook: the file " + f.path() + " is listed twice in the record"));
            }
            if (!f.sha256().matches("sha256:[0-9a-f]{64}")) {
                out.add(new Text("规则库：文件 " + f.path() + " 的摘要“" + f.sha256() + "”不是 sha256",
                        "rulebook: the digest '" + f.sha256() + "' of " + f.path() + " is not a sha256"));
            }
        }
        String inputFile = v.path("input").path("file").asText();
        if (!r.submissionFile().equals(inputFile)) {
            out.add(new Text("申报材料：记录中的文件名为 " + r.submissionFile() + "，其结论的 input.file 为 " + inputFile,
                    "submission: the record names the file " + r.submissionFile() + ", its verdict's input.file " + inputFile));
        }
        String verdictLang = v.path("lang").asText(null);
        if (verdictLang != null && !verdictLang.equals(r.lang())) {
            out.add(new Text("选项：记录中的语言为 " + r.lang() + "，其结论为 " + verdictLang,
                    "options: the record's lang is " + r.lang() + ", its verdict's " + verdictLang));
        }
        String verdictEngine = v.path("engine").path("version").asText();
        if (!r.engineVersion().equals(verdictEngine)) {
            out.add(new Text("引擎：记录中为 " + r.engineVersion() + "，其结论中为 " + verdictEngine,
                    "engine: the record says " + r.engineVersion() + ", its verdict " + verdictEngine));
        }
        return out;
    }

    /**
     * The distinct digests the record's submission cites, then those its assessment cites, in order
     * (as the record binds them); null when its bytes are not YAML (reported otherwise).
     */
    private static List<String> citedDigests(EvaluationRecord r) {
        org.verdant.yaml.YamlNode root = org.verdant.yaml.YamlReader.read(r.submissionFile(), r.submission(), new Problems());
        if (root == null) return null;
        List<String> cited = new ArrayList<>(org.verdant.submission.Evidences.cited(root).stream().map(org.verdant.submission.Evidences.Cited::sha256).toList());
        Assessment a = r.assessment() == null ? null : AssessmentReader.read(r.assessment().file(), r.assessment().bytes(), new Problems());
        if (a != null) a.claims().forEach(c -> c.evidence().forEach(f -> cited.add(f.sha256())));
        return cited.stream().distinct().toList();
    }

    private static String shown(List<String> digests) {
        return digests.isEmpty() ? "—" : String.join(", ", digests);
    }

    static List<Verification.FileChange> changes(List<EvaluationRecord.FileDigest> recorded, List<EvaluationRecord.FileDigest> now) {
        Map<String, String> before = new LinkedHashMap<>();
        recorded.forEach(f -> before.put(f.path(), f.sha256()));
        Map<String, String> after = new LinkedHashMap<>();
        now.forEach(f -> after.put(f.path(), f.sha256()));
        List<Verification.FileChange> out = new ArrayList<>();
        before.forEach((path, sha) -> {
            if (!after.containsKey(path)) out.add(new Verification.FileChange(path, Verification.Kind.REMOVED));
            else if (!after.get(path).equals(sha)) out.add(new Verification.FileChange(path, Verification.Kind.CHANGED));
        });
        after.keySet().stream().filter(p -> !before.containsKey(p)).forEach(p -> out.add(new Verification.FileChange(p, Verification.Kind.ADDED)));
        return out;
    }
}
