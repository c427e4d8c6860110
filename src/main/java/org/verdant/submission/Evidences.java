package org.verdant.submission;

import org.verdant.yaml.Node;
import org.verdant.yaml.YamlNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads the evidence a submission cites for a claim or a figure. */
public final class Evidences {
    /** An uploaded file's digest as written: 64 hex digits, with or without the {@code sha256:} prefix. */
    private static final Pattern DIGEST = Pattern.compile("(sha256:)?[0-9a-fA-F]{64}");

    private Evidences() {
    }

    /** Evidence: a list of strings or {document, date, id, sha256} mappings (a document, a digest, or both). */
    static List<Submission.Evidence> read(Node n, String key) {
        List<Submission.Evidence> out = new ArrayList<>();
        YamlNode raw = n.value(key, false);
        if (raw == null) return out;
        List<YamlNode> items = raw instanceof YamlNode.Sequence seq ? seq.items() : List.of(raw);
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar s && s.type().equals("string") && !s.text().isBlank()) {
                out.add(new Submission.Evidence(s.text().strip(), null, null));
            } else if (item instanceof YamlNode.Mapping m) {
                Node e = Node.of(item, n.problems(), "document", "date", "id", "sha256");
                String sha256 = digest(e);
                String doc = e.text("document", sha256 == null && !m.has("sha256"));
                LocalDate date = e.date("date", false);
                String id = e.text("id", false);
                if (doc != null || sha256 != null) out.add(new Submission.Evidence(doc, date, id, sha256));
            } else {
                n.problems().say(item, "problem.reader.evidence", "{document, date, id, sha256}", Node.kind(item));
            }
        }
        return out;
    }

    /** The digest an evidence item cites, normalised to {@code sha256:} and lower case; null for none or a malformed one (reported). */
    private static String digest(Node e) {
        String text = e.text("sha256", false);
        if (text == null) return null;
        if (!DIGEST.matcher(text).matches()) {
            e.problems().say(e.raw("sha256"), "problem.evidence.digest", text);
            return null;
        }
        return normalise(text);
    }

    /** {@code sha256:} and 64 lower-case hex digits, from a digest written with or without the prefix. */
    public static String normalise(String digest) {
        String hex = digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest;
        return "sha256:" + hex.toLowerCase(Locale.ROOT);
    }

    /** An uploaded file a submission cites: its digest ({@code sha256:…}) and the node that wrote it. */
    public record Cited(String sha256, YamlNode node) {
    }

    /**
     * Every well-formed digest the submission's evidence items cite (under any {@code evidence} or
     * {@code proof} key), in the order written; a malformed one is the reader's to report.
     */
    public static List<Cited> cited(YamlNode root) {
        List<Cited> out = new ArrayList<>();
        collect(root, out, 0);
        return out;
    }

    private static void collect(YamlNode n, List<Cited> out, int depth) {
        if (depth > org.verdant.yaml.YamlReader.MAX_DEPTH) return;
        if (n instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) {
                if (e.key().equals("evidence") || e.key().equals("proof")) {
                    List<YamlNode> items = e.value() instanceof YamlNode.Sequence seq ? seq.items() : List.of(e.value());
                    for (YamlNode item : items) {
                        if (item instanceof YamlNode.Mapping im && im.get("sha256") instanceof YamlNode.Scalar s && isDigest(s.text().strip())) {
                            out.add(new Cited(normalise(s.text().strip()), s));
                        }
                    }
                } else {
                    collect(e.value(), out, depth + 1);
                }
            }
        } else if (n instanceof YamlNode.Sequence s) {
            for (YamlNode item : s.items()) collect(item, out, depth + 1);
        }
    }

    /** Whether {@code text} is a digest as a submission may write one. */
    public static boolean isDigest(String text) {
        return text != null && DIGEST.matcher(text).matches();
    }
}
