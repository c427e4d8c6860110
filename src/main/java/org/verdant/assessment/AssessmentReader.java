package org.verdant.assessment;

import org.verdant.submission.Evidences;
import org.verdant.units.Quantity;
import org.verdant.yaml.Bound;
import org.verdant.yaml.Node;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/** Reads an assessment document ({@code verdant.assessment/1}); every problem is located in it. */
public final class AssessmentReader {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    private AssessmentReader() {
    }

    /** The assessment, or null when {@code problems} has any. */
    public static Assessment read(String file, byte[] bytes, Problems problems) {
        int before = problems.count();
        YamlNode root = YamlReader.read(file, bytes, problems);
        if (root == null) return null;
        Node doc = Node.of(root, problems, "format", "evaluator", "date", "submission", "criteria");
        if (doc == null) return null;
        String format = doc.text("format", true);
        if (format != null && !format.equals(Assessment.FORMAT)) problems.say(doc.raw("format"), "problem.assessment.format", format, Assessment.FORMAT);
        Node evaluator = doc.child("evaluator", true, "organisation", "lead");
        String organisation = evaluator == null ? null : evaluator.text("organisation", true);
        String lead = evaluator == null ? null : evaluator.text("lead", false);
        LocalDate date = doc.date("date", true);
        String submission = doc.text("submission", false);
        if (submission != null && !DIGEST.matcher(submission).matches()) problems.say(doc.raw("submission"), "problem.assessment.digest", submission);
        List<ClaimAssessment> claims = new ArrayList<>();
        YamlNode criteria = doc.value("criteria", true);
        if (criteria instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) {
                ClaimAssessment c = claim(e, problems);
                if (c != null) claims.add(c);
            }
            if (m.entries().isEmpty()) problems.say(criteria, "problem.assessment.no_criteria");
        } else if (criteria != null) {
            problems.say(criteria, "problem.expected_mapping", Node.kind(criteria));
        }
        if (problems.count() > before) return null;
        return new Assessment(file, bytes, sha256(bytes), organisation, lead, date, submission, claims);
    }

    private static ClaimAssessment claim(YamlNode.Entry e, Problems problems) {
        Node c = Node.of(e.value(), problems, "accepted", "note", "degree", "evidence");
        if (c == null) return null;
        Boolean accepted = c.bool("accepted", true);
        String note = c.text("note", false);
        Double degree = null;
        if (c.has("degree")) {
            // a fraction or a percentage, as a submission's claimed degree
            Quantity q = c.quantity("degree", "1", false, Bound.ANY);
            if (q != null && (q.base() <= 0 || q.base() > 1)) problems.say(c.raw("degree"), "problem.assessment.degree_range", q.text());
            else if (q != null) degree = q.base();
        }
        List<ClaimAssessment.CitedFile> evidence = evidence(c, problems);
        if (accepted == null) return null;
        // a claim turned down, or found met to another degree, must say why: the finding shows the evaluator's note
        if ((!accepted || degree != null) && note == null) problems.say(e.value(), "problem.assessment.note_required", e.key());
        if (!accepted && degree != null) problems.say(c.raw("degree"), "problem.assessment.degree_rejected", e.key());
        return new ClaimAssessment(e.key(), accepted, note, degree, e.keyLocation(), evidence);
    }

    /**
     * {@code evidence: [sha256:…]}: the uploaded files the judgement rests on, each a digest as a
     * submission writes one (64 hex digits, sha256: may come first); a single digest may stand alone.
     */
    private static List<ClaimAssessment.CitedFile> evidence(Node c, Problems problems) {
        List<ClaimAssessment.CitedFile> out = new ArrayList<>();
        YamlNode raw = c.value("evidence", false);
        if (raw == null) return out;
        List<YamlNode> items = raw instanceof YamlNode.Sequence seq ? seq.items() : List.of(raw);
        for (YamlNode item : items) {
            if (!(item instanceof YamlNode.Scalar s) || !s.type().equals("string")) {
                problems.say(item, "problem.assessment.evidence", Node.kind(item));
            } else if (!Evidences.isDigest(s.text().strip())) {
                problems.say(item, "problem.evidence.digest", s.text());
            } else {
                String sha = Evidences.normalise(s.text().strip());
                if (out.stream().noneMatch(f -> f.sha256().equals(sha))) out.add(new ClaimAssessment.CitedFile(sha, item.location(), item.path()));
            }
        }
        return out;
    }

    static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
