package org.verdant.app;

import org.verdant.archive.Archive;
import org.verdant.archive.ArchiveException;
import org.verdant.archive.EvidenceFile;
import org.verdant.archive.EvidenceRefused;
import org.verdant.archive.EvidenceStore;
import org.verdant.fault.Fault;
import org.verdant.text.Text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Evidence files in the archive, for every face: add one (checked by its bytes, at most
 * {@link EvidenceStore#MAX_SIZE} bytes), list them, fetch one by its digest. A file the archive
 * refuses is a usage fault; an unknown digest is not found.
 */
public final class EvidenceFiles {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    private EvidenceFiles() {
    }

    /** Stores {@code bytes} (named {@code name}, which must not claim another type than the bytes show) and returns it as stored. */
    public static EvidenceFile add(Archive archive, String name, byte[] bytes) throws Fault {
        try {
            return new EvidenceStore(archive).put(bytes, name);
        } catch (EvidenceRefused e) {
            throw new TextFault(Fault.Kind.USAGE, null, e.text());
        } catch (ArchiveException e) {
            throw Faults.of(e);
        }
    }

    public static List<EvidenceFile> list(Archive archive) throws Fault {
        try {
            return new EvidenceStore(archive).list();
        } catch (ArchiveException e) {
            throw Faults.of(e);
        }
    }

    /** The file stored under {@code digest} with its bytes. */
    public static EvidenceStore.Stored get(Archive archive, String digest) throws Fault {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new TextFault(Fault.Kind.USAGE, null, new Text("“" + digest + "”不是证据文件的摘要；请写 sha256: 加 64 位小写十六进制数",
                    "'" + digest + "' is not an evidence digest; write sha256: and 64 lower-case hex digits"));
        }
        try {
            return new EvidenceStore(archive).get(digest).orElseThrow(() -> new TextFault(Fault.Kind.NOT_FOUND, null,
                    new Text("档案中没有证据文件 " + digest, "the archive has no evidence file " + digest)));
        } catch (ArchiveException e) {
            throw Faults.of(e);
        }
    }

    /** An evidence file a stored evaluation cites: its digest, and the file when the archive has it. */
    public record Cited(String sha256, EvidenceFile file) {
    }

    /**
     * The evidence files {@code archived} cites by digest, each once, in the order written: its
     * submission's, then those of the assessment it was stored with and of every assessment given
     * of it since (an evaluator's judgement may rest on a file the applicant did not cite).
     */
    public static List<Cited> cited(Archive archive, org.verdant.archive.ArchivedEvaluation archived) throws Fault {
        java.util.Set<String> digests = new java.util.LinkedHashSet<>();
        org.verdant.yaml.YamlNode root = org.verdant.yaml.YamlReader.read(archived.entry().inputFile(), archived.submission(),
                new org.verdant.yaml.Problems());
        if (root != null) org.verdant.submission.Evidences.cited(root).forEach(c -> digests.add(c.sha256()));
        List<org.verdant.archive.EvidenceAssessment> assessments = new java.util.ArrayList<>();
        if (archived.assessment() != null) assessments.add(archived.assessment());
        EvidenceStore store = new EvidenceStore(archive);
        List<Cited> out = new java.util.ArrayList<>();
        try {
            for (var r : org.verdant.archive.AssessmentRevisions.of(archive, archived.entry().id())) assessments.add(r.assessment());
            for (var a : assessments) {
                var read = org.verdant.assessment.AssessmentReader.read(a.file(), a.bytes(), new org.verdant.yaml.Problems());
                if (read != null) read.claims().forEach(c -> c.evidence().forEach(f -> digests.add(f.sha256())));
            }
            for (String sha : digests) out.add(new Cited(sha, store.find(sha).orElse(null)));
        } catch (ArchiveException e) {
            throw Faults.of(e);
        }
        return out;
    }
}
