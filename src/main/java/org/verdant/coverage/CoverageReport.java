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
        return render(coverage, "en");
    }

    /** The coverage account in {@code lang} (zh or en); ids and status codes are the scorecards' own. */
    public static String render(Coverage coverage, String lang) {
        boolean en = "en".equals(lang);
        StringBuilder out = new StringBuilder();
        out.append(en ? "coverage: a criterion is covered when a fixture meets it and a fixture does not\n"
                        + "(unmet: not_met, partly_met or missing_data; not_applicable counts as neither)\n"
                : "覆盖：一项指标有样例符合、也有样例不符合时，才算被覆盖\n"
                        + "（不符合指 not_met、partly_met 或 missing_data；not_applicable 两者都不算）\n");
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
            out.append('\n').append(g.scheme()).append(' ').append(g.edition()).append(en ? " (" : "（").append(g.scorecardId());
            if (!g.appliesTo().isEmpty()) out.append(en ? ", gates added to " : "，作为门槛加到 ").append(String.join(", ", g.appliesTo()));
            out.append(en ? "): " + n + " criteria, covered " + covered + "/" + n + " (met " + g.metCovered() + ", unmet " + g.unmetCovered() + ")\n"
                    : "）：" + n + " 项指标，覆盖 " + covered + "/" + n + "（符合 " + g.metCovered() + "，不符合 " + g.unmetCovered() + "）\n");
            if (!g.gaps().isEmpty()) {
                out.append(en ? "  not covered:\n" : "  未覆盖：\n");
                for (Coverage.Criterion c : g.gaps()) {
                    String seen = c.statuses().isEmpty() ? (en ? "no fixture" : "无样例") : String.join(", ", c.statuses().stream().map(Status::code).toList());
                    String needs = !c.met() && !c.unmet() ? (en ? "met and unmet" : "符合和不符合") : c.met() ? (en ? "unmet" : "不符合") : (en ? "met" : "符合");
                    out.append("    ").append(org.verdant.text.DisplayWidth.padRight(c.id(), 8)).append(en ? " seen: " : " 已见：")
                            .append(org.verdant.text.DisplayWidth.padRight(seen, 32)).append(en ? " needs: " : " 还需：").append(needs).append('\n');
                }
            }
            out.append(en ? "  statuses no fixture produces:\n" : "  没有样例产生的状态：\n");
            for (Status s : Status.values()) {
                List<String> never = g.criteria().stream().filter(c -> !c.statuses().contains(s)).map(Coverage.Criterion::id).toList();
                if (never.isEmpty()) continue;
                out.append(wrap(String.format("    %-15s", s.code()), never.size() == n ? List.of(en ? "every criterion" : "全部指标") : never));
            }
        }
        out.append('\n').append(en ? "total: " + both + "/" + total + " criteria covered (met " + met + "/" + total + ", unmet " + unmet + "/" + total + ")\n"
                : "合计：覆盖 " + both + "/" + total + " 项指标（符合 " + met + "/" + total + "，不符合 " + unmet + "/" + total + "）\n");
        for (String u : coverage.unmatched()) out.append(en ? "not in this rulebook: " : "不在本规则库中：").append(u).append('\n');
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
