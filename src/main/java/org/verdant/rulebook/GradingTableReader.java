package org.verdant.rulebook;

import org.verdant.yaml.Node;
import org.verdant.yaml.YamlNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a grading table (format verdant.grading/1): which scheme and edition it grades, what it
 * requires, its bands, its province (regional tables) and the dates it applies.
 */
final class GradingTableReader {
    private final ScorecardReader reader;

    GradingTableReader(ScorecardReader reader) {
        this.reader = reader;
    }

    GradingTable read(String file, Node top) {
        List<GradingTable.AppliesTo> applies = new ArrayList<>();
        for (YamlNode a : reader.list(top, "applies_to")) {
            Node n = Node.of(a, reader.problems, "scheme", "edition");
            if (n != null) applies.add(new GradingTable.AppliesTo(n.text("scheme", true), n.text("edition", false)));
        }
        List<String> requires = reader.strings(top, "requires");
        for (String req : requires) {
            if (!Set.of("eligible", "mandatory_met").contains(req)) {
                reader.problems.add(top.raw("requires"), "requires lists eligible and/or mandatory_met, found '" + req + "'");
            }
        }
        List<GradingTable.Band> bands = new ArrayList<>();
        for (YamlNode b : reader.list(top, "bands")) {
            Node n = Node.of(b, reader.problems, "label", "min", "below");
            if (n == null) continue;
            Double min = reader.number(n, "min", true);
            Double below = reader.number(n, "below", false);
            String label = n.text("label", true);
            if (min != null && label != null) bands.add(new GradingTable.Band(label, min, below));
        }
        for (int i = 0; i < bands.size(); i++) {
            for (int j = i + 1; j < bands.size(); j++) {
                GradingTable.Band a = bands.get(i);
                GradingTable.Band b = bands.get(j);
                double aTop = a.below() == null ? Double.MAX_VALUE : a.below();
                double bTop = b.below() == null ? Double.MAX_VALUE : b.below();
                if (a.min() < bTop && b.min() < aTop) {
                    reader.problems.add(top.raw("bands").location(), "bands", "bands '" + a.label() + "' and '" + b.label() + "' overlap");
                }
            }
        }
        // Every table states when it took effect, so no grade is given by a table not yet in force.
        Node effective = top.child("applies", true, "from", "until");
        java.time.LocalDate from = effective == null ? null : effective.date("from", true);
        java.time.LocalDate until = effective == null ? null : effective.date("until", false);
        if (from != null && until != null && !until.isAfter(from)) {
            reader.problems.add(top.raw("applies"), "applies.until must be after applies.from");
        }
        return new GradingTable(file, top.text("id", true), reader.text(top, "title", true), applies, requires,
                top.choice("status", true, ScorecardReader.STATUSES), reader.source(top), reader.strings(top, "notes"), bands,
                top.text("province", false), from, until);
    }
}
