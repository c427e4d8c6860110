package org.verdant.submission;

import org.verdant.yaml.Node;
import org.verdant.yaml.YamlNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the evidence a submission cites for a claim or a figure. */
final class Evidences {
    private Evidences() {
    }

    /** Evidence: a list of strings or {document, date, id} mappings. */
    static List<Submission.Evidence> read(Node n, String key) {
        List<Submission.Evidence> out = new ArrayList<>();
        YamlNode raw = n.value(key, false);
        if (raw == null) return out;
        List<YamlNode> items = raw instanceof YamlNode.Sequence seq ? seq.items() : List.of(raw);
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar s && s.type().equals("string") && !s.text().isBlank()) {
                out.add(new Submission.Evidence(s.text().strip(), null, null));
            } else if (item instanceof YamlNode.Mapping) {
                Node e = Node.of(item, n.problems(), "document", "date", "id");
                String doc = e.text("document", true);
                LocalDate date = e.date("date", false);
                String id = e.text("id", false);
                if (doc != null) out.add(new Submission.Evidence(doc, date, id));
            } else {
                n.problems().say(item, "problem.reader.evidence", "{document, date, id}", Node.kind(item));
            }
        }
        return out;
    }
}
