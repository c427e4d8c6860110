package org.verdant.app;

import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveException;
import org.verdant.archive.EvidenceFile;
import org.verdant.archive.EvidenceStore;
import org.verdant.assessment.Assessment;
import org.verdant.assessment.ClaimAssessment;
import org.verdant.evaluation.Evaluator;
import org.verdant.fault.Fault;
import org.verdant.record.EvaluationRecord;
import org.verdant.record.EvidenceBinding;
import org.verdant.record.Verification;
import org.verdant.submission.Evidences;
import org.verdant.text.Text;
import org.verdant.verdict.Verdict;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The uploaded evidence files a submission cites by digest: looked up in the archive's evidence
 * store when there is one (a digest it lacks is a located problem of the submission), else
 * accepted with a warning in the verdict; bound into a record by digest and size, and checked
 * again against the store when the record is verified.
 */
final class EvidenceReferences {
    private EvidenceReferences() {
    }

    /**
     * Puts a problem at every digest {@code archive} has no file for, whether the submission or the
     * evaluator's assessment ({@code assessment}, may be null) cites it; returns the files cited,
     * each once, with their sizes (null sizes, unchecked, without an archive), or null when none is
     * cited; puts each file found into {@code found}.
     */
    static EvaluationRecord.Evidence check(YamlNode root, Assessment assessment, Archive archive, Problems problems,
                                           Map<String, EvidenceFile> found) throws Fault {
        List<Citation> cited = new ArrayList<>();
        for (Evidences.Cited c : Evidences.cited(root)) {
            cited.add(new Citation(c.sha256(), () -> problems.say(c.node(), "problem.evidence.not_in_archive", c.sha256())));
        }
        if (assessment != null) {
            for (ClaimAssessment claim : assessment.claims()) {
                for (ClaimAssessment.CitedFile f : claim.evidence()) {
                    cited.add(new Citation(f.sha256(), () -> problems.say(f.location(), f.path(), "problem.evidence.not_in_archive", f.sha256())));
                }
            }
        }
        if (cited.isEmpty()) return null;
        Map<String, Long> sizes = new LinkedHashMap<>();
        EvidenceStore store = archive == null ? null : new EvidenceStore(archive);
        for (Citation c : cited) {
            if (store == null) {
                sizes.putIfAbsent(c.sha256(), null);
                continue;
            }
            EvidenceFile known = found.get(c.sha256());
            Optional<EvidenceFile> file = known != null ? Optional.of(known) : find(store, c.sha256());
            if (file.isEmpty()) c.missing().run();
            else {
                sizes.put(c.sha256(), file.get().size());
                found.put(c.sha256(), file.get());
            }
        }
        List<EvaluationRecord.EvidenceDigest> files = new ArrayList<>();
        sizes.forEach((sha, size) -> files.add(new EvaluationRecord.EvidenceDigest(sha, size)));
        return new EvaluationRecord.Evidence(store != null, List.copyOf(files));
    }

    /**
     * Evidence named in a list outside any YAML document (an objection's new evidence): every item
     * written as a digest must be in {@code archive}, else it is a problem located at
     * {@code document}'s {@code path}[i], as a submission's would be.
     */
    static void requireInArchive(List<String> evidence, String document, String path, Archive archive) throws Fault {
        if (archive == null) return;
        Problems problems = new Problems();
        EvidenceStore store = new EvidenceStore(archive);
        for (int i = 0; i < evidence.size(); i++) {
            String item = evidence.get(i) == null ? "" : evidence.get(i).strip();
            if (!Evidences.isDigest(item)) continue; // a named document, not an uploaded file
            String sha = Evidences.normalise(item);
            if (find(store, sha).isEmpty()) {
                problems.say(org.verdant.text.Location.unknown(document), path + "[" + i + "]", "problem.evidence.not_in_archive", sha);
            }
        }
        if (!problems.isEmpty()) throw new org.verdant.evaluation.InvalidSubmissionException(problems);
    }

    /** The items of {@code evidence} with every digest written as the archive names it ({@code sha256:}, lower case); names unchanged. */
    static List<String> normalised(List<String> evidence) {
        return evidence.stream().map(item -> item != null && Evidences.isDigest(item.strip()) ? Evidences.normalise(item.strip()) : item).toList();
    }

    /** A digest cited somewhere, and how to say where when the archive lacks it. */
    private record Citation(String sha256, Runnable missing) {
    }

    /** The files found, as the report's 附件 describes them. */
    static Map<String, org.verdant.report.document.ReportModel.AttachedFile> attached(Map<String, EvidenceFile> found) {
        Map<String, org.verdant.report.document.ReportModel.AttachedFile> out = new LinkedHashMap<>();
        found.forEach((sha, f) -> out.put(sha, new org.verdant.report.document.ReportModel.AttachedFile(
                new Text(f.type().zh(), f.type().en()), f.size())));
        return out;
    }

    /** The verdict as it must read for {@code evidence}: warned when its files were not checked. */
    static Verdict warned(Verdict verdict, EvaluationRecord.Evidence evidence) {
        if (evidence == null || evidence.checked()) return verdict;
        return EvidenceBinding.unchecked(verdict, evidence.files().size());
    }

    /** {@code verify RECORD} with an archive: every bound file must be there, with the bytes its digest and size name. */
    static Verification verify(Verification v, EvaluationRecord record, Archive archive) throws Fault {
        if (record.evidence() == null || record.evidence().files().isEmpty()) return v;
        List<EvaluationRecord.EvidenceDigest> files = record.evidence().files();
        if (archive == null) {
            return v.withEvidence(new Text("记录绑定了 " + files.size() + " 个证据文件，未核对（未指定档案库：请加 --archive）",
                    files.size() + " evidence file(s) bound, not checked (no archive given: add --archive)"), List.of());
        }
        EvidenceStore store = new EvidenceStore(archive);
        List<Text> damage = new ArrayList<>();
        for (EvaluationRecord.EvidenceDigest d : files) {
            Optional<EvidenceStore.Stored> stored;
            try {
                stored = store.get(d.sha256());
            } catch (ArchiveException e) {
                throw Faults.of(e);
            }
            if (stored.isEmpty()) {
                damage.add(new Text("证据：文件 " + d.sha256() + " 不在档案中", "evidence: the file " + d.sha256() + " is not in the archive"));
                continue;
            }
            byte[] bytes = stored.get().bytes();
            String actual = Evaluator.sha256(bytes);
            if (!actual.equals(d.sha256())) {
                damage.add(new Text("证据：文件 " + d.sha256() + " 在档案中的字节摘要为 " + actual + "（文件被改动）",
                        "evidence: the archive's bytes of " + d.sha256() + " hash to " + actual + " (the file was changed)"));
            } else if (d.size() != null && d.size() != bytes.length) {
                damage.add(new Text("证据：文件 " + d.sha256() + " 记录中为 " + d.size() + " 字节，档案中为 " + bytes.length + " 字节",
                        "evidence: the record gives " + d.sha256() + " " + d.size() + " bytes, the archive " + bytes.length));
            }
        }
        Text status = damage.isEmpty()
                ? new Text(files.size() + " 个证据文件与记录一致（" + archive.location().describe() + "）",
                files.size() + " evidence file(s) as recorded (" + archive.location().describe() + ")")
                : new Text(files.size() + " 个证据文件中 " + damage.size() + " 个已改动或缺失", damage.size() + " of " + files.size() + " evidence file(s) changed or missing");
        return v.withEvidence(status, damage);
    }

    private static Optional<EvidenceFile> find(EvidenceStore store, String sha256) throws Fault {
        try {
            return store.find(sha256);
        } catch (ArchiveException e) {
            throw Faults.of(e);
        }
    }
}
