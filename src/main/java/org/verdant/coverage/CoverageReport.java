package org.verdant.coverage;

import org.verdant.findings.Status;

import java.util.ArrayList;
import java.util.List;

/** The coverage as text: per scheme and edition, the criteria and the statuses no fixture exercises. */
public final class CoverageReport {
    private static final int WIDTH = 100;

    private CoverageReport() {
    }

    public static String render(Coverage coverage) {
        StringBuilder out = new StringBuilder();
        out.append("coverage: a criterion is covered when a fixture meets it and a fixture does not\n")
                .append("(unmet: not_met, partly_met or missing_data; not_applicable counts as neither)\n");
        long total = 0;
        long both = 0;
        long met = 0;
        long unmet = 0;
        for (Coverage.Group g : coverage.groups()) {
            int n = g.criteria().size();
            long covered = n - g.gaps().size();
            total += n;
            both += covered;
            met += g.metCovered();
            unmet += g.unmetCovered();
            out.append('\n').append(g.scheme()).append(' ').append(g.edition()).append(" (").append(g.scorecardId());
            if (!g.appliesTo().isEmpty()) out.append(", gates added to ").append(String.join(", ", g.appliesTo()));
            out.append("): ").append(n).append(" criteria, covered ").append(covered).append('/').append(n)
                    .append(" (met ").append(g.metCovered()).append(", unmet ").append(g.unmetCovered()).append(")\n");
            if (!g.gaps().isEmpty()) {
                out.append("  not covered:\n");
                for (Coverage.Criterion c : g.gaps()) {
                    String seen = c.statuses().isEmpty() ? "no fixture" : String.join(", ", c.statuses().stream().map(Status::code).toList());
                    String needs = !c.met() && !c.unmet() ? "met and unmet" : c.met() ? "unmet" : "met";
                    out.append(String.format("    %-8s seen: %-32s needs: %s%n", c.id(), seen, needs));
                }
            }
            out.append("  statuses no fixture produces:\n");
            for (Status s : Status.values()) {
                List<String> never = g.criteria().stream().filter(c -> !c.statuses().contains(s)).map(Coverage.Criterion::id).toList();
                if (never.isEmpty()) continue;
                out.append(wrap(String.format("    %-15s", s.code()), never.size() == n ? List.of("every criterion") : never));
            }
        }
        out.append('\n').append("total: ").append(both).append('/').append(total).append(" criteria covered (met ").append(met)
                .append('/').append(total).append(", unmet ").append(unmet).append('/').append(total).append(")\n");
        for (String u : coverage.unmatched()) out.append("not in this rulebook: ").append(u).append('\n');
        return out.toString();
    }

    private static String wrap(String prefix, List<String> ids) {
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder(prefix);
        String indent = " ".repeat(prefix.length());
        for (String id : ids) {
            if (line.length() + id.length() + 1 > WIDTH && line.length() > prefix.length()) {
                out.append(line.toString().stripTrailing()).append('\n');
                line = new StringBuilder(indent);
            }
            line.append(id).append(' ');
        }
        out.append(line.toString().stripTrailing()).append('\n');
        return out.toString();
    }

    /** The gaps as lines, for a test failure message. */
    public static List<String> gapLines(Coverage coverage) {
        List<String> out = new ArrayList<>();
        for (Coverage.Group g : coverage.groups()) {
            for (Coverage.Criterion c : g.gaps()) {
                out.add(g.scorecardId() + " " + c.id() + ": seen " + c.statuses().stream().map(Status::code).toList()
                        + ", needs " + (c.met() ? "an unmet outcome" : c.unmet() ? "a met outcome" : "a met and an unmet outcome"));
            }
        }
        return out;
    }
}
