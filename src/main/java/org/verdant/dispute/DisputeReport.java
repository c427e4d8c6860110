package org.verdant.dispute;

import org.verdant.archive.ArchiveEntry;
import org.verdant.archive.DisputeStep;
import org.verdant.compare.Comparison;
import org.verdant.compare.TreeDiff;
import org.verdant.text.Messages;
import org.verdant.text.Numbers;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of a dispute, Markdown or HTML, in the reader's language: 原评价, 异议, 复核（原规则库 /
 * 现行规则库）, 逐项差异及原因, 裁定, and the steps with their sha256 chain. Built as a few blocks
 * (headings, paragraphs, lists, tables) that each format writes its own way.
 */
public final class DisputeReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** The comparison of the original verdict with one re-evaluation. */
    public record Compared(Recheck recheck, Comparison comparison) {
    }

    private sealed interface Block permits Heading, Para, Bullets, Table {
    }

    private record Heading(int level, String text) implements Block {
    }

    private record Para(String text) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private record Table(List<String> header, List<List<String>> rows) implements Block {
    }

    private final Messages m;
    private final List<Block> blocks = new ArrayList<>();

    private DisputeReport(Messages m) {
        this.m = m;
    }

    public static String markdown(Dispute d, List<Compared> compared, Messages m) {
        return markdown(new DisputeReport(m).build(d, compared).blocks);
    }

    public static String html(Dispute d, List<Compared> compared, Messages m) {
        DisputeReport r = new DisputeReport(m).build(d, compared);
        return html(r.blocks, m.get("dispute.report.title", d.id(), d.original().entry().id()), m.lang());
    }

    /** {@code dispute show}: the dispute in a few lines (the report has it all). */
    public static String summary(Dispute d, List<Compared> compared, Messages m) {
        ArchiveEntry e = d.original().entry();
        StringBuilder out = new StringBuilder();
        out.append(m.get("dispute.summary.head", d.id(), e.id(), e.facilityName(), e.creditCode(), m.get("dispute.status." + d.status()))).append('\n');
        out.append("  ").append(m.get("dispute.summary.original", e.score() == null ? "—" : e.score().toPlainString(),
                e.grade() == null ? m.get("label.none") : e.grade())).append('\n');
        out.append("  ").append(m.get("dispute.filed_by", d.objector(), TIME.format(d.filedAt()))).append('\n');
        out.append("  ").append(m.get("dispute.criteria", String.join(", ", d.objection().criteria()))).append('\n');
        out.append("  ").append(m.get("dispute.reason", d.objection().reason())).append('\n');
        for (Compared c : compared) {
            String which = m.get("dispute.rulebook." + c.recheck().rulebook().word());
            if (!c.recheck().available()) {
                out.append("  ").append(which).append(": ").append(m.get("dispute.recheck_unavailable")).append('\n');
                continue;
            }
            var k = c.comparison();
            out.append("  ").append(m.get("dispute.summary.recheck", which, Numbers.rounded(k.b().score(), 2, "—"),
                    k.b().grade() == null ? m.get("label.none") : k.b().grade(), k.items().size())).append('\n');
            for (Comparison.ItemChange i : k.items()) {
                out.append("    ").append(i.id()).append("  ").append(new DisputeReport(m).status(i.statusA())).append(" → ")
                        .append(new DisputeReport(m).status(i.statusB()));
                if (!i.gate()) out.append("  ").append(Numbers.rounded(i.pointsA(), 4, "—")).append(" → ").append(Numbers.rounded(i.pointsB(), 4, "—"));
                out.append("  ").append(i.name()).append('\n');
            }
        }
        if (d.decision() != null) {
            out.append("  ").append(m.get("dispute.ruling", m.get("dispute.status." + d.decision().ruling().word()), d.decision().actor(),
                    TIME.format(d.decision().at()))).append('\n');
            out.append("  ").append(m.get("dispute.reason", d.decision().reason())).append('\n');
        }
        out.append("  ").append(d.chainProblems().isEmpty() ? m.get("dispute.chain_ok") : m.get("dispute.chain_broken", String.join("; ", d.chainProblems()))).append('\n');
        return out.toString();
    }

    private DisputeReport build(Dispute d, List<Compared> compared) {
        ArchiveEntry e = d.original().entry();
        blocks.add(new Heading(1, m.get("dispute.report.title", d.id(), e.id())));
        blocks.add(new Para(m.get("dispute.report.status", word("dispute.status." + d.status()))));

        blocks.add(new Heading(2, m.get("dispute.section.original")));
        blocks.add(new Table(List.of(m.get("dispute.field"), m.get("dispute.value")), List.of(
                List.of(m.get("dispute.facility"), e.facilityName() + "（" + e.creditCode() + "）"),
                List.of(m.get("dispute.record"), e.id() + " · " + TIME.format(e.evaluatedAt())),
                List.of(m.get("dispute.scheme"), e.scheme() + " / " + e.edition() + " · " + e.reportingYear()),
                List.of(m.get("label.basic_requirements"), eligible(e.eligible())),
                List.of(m.get("label.score"), e.score() == null ? "—" : e.score().toPlainString()),
                List.of(m.get("label.grade"), e.grade() == null ? m.get("label.none") : e.grade()),
                List.of(m.get("dispute.rulebook_digest"), e.rulebookDigest()))));

        Objection o = d.objection();
        blocks.add(new Heading(2, m.get("dispute.section.objection")));
        blocks.add(new Para(m.get("dispute.filed_by", d.objector(), TIME.format(d.filedAt()))));
        blocks.add(new Para(m.get("dispute.criteria", String.join(", ", o.criteria()))));
        blocks.add(new Para(m.get("dispute.reason", o.reason())));
        blocks.add(new Para(o.evidence().isEmpty() ? m.get("dispute.evidence_none") : m.get("dispute.evidence")));
        if (!o.evidence().isEmpty()) blocks.add(new Bullets(o.evidence()));
        blocks.add(new Para(o.hasCorrection()
                ? m.get("dispute.corrected", o.correctedFile(), org.verdant.evaluation.Evaluator.sha256(o.corrected()))
                : m.get("dispute.corrected_none")));

        blocks.add(new Heading(2, m.get("dispute.section.recheck")));
        List<List<String>> rows = new ArrayList<>();
        for (Compared c : compared) {
            Recheck r = c.recheck();
            String which = m.get("dispute.rulebook." + r.rulebook().word());
            if (!r.available()) {
                rows.add(List.of(which, r.rulebookDigest(), m.get("dispute.recheck_unavailable"), "—", "—"));
                continue;
            }
            var v = c.comparison().b();
            String note = r.sameRulebook() ? "（" + m.get("dispute.same_rulebook") + "）" : "";
            rows.add(List.of(which + note, r.rulebookDigest(), eligible(v.eligible()), Numbers.rounded(v.score(), 2, "—"),
                    v.grade() == null ? m.get("label.none") : v.grade()));
        }
        blocks.add(new Table(List.of(m.get("dispute.rulebook"), m.get("dispute.rulebook_digest"), m.get("label.basic_requirements"),
                m.get("label.score"), m.get("label.grade")), rows));

        blocks.add(new Heading(2, m.get("dispute.section.diff")));
        for (Compared c : compared) {
            if (!c.recheck().available()) continue;
            Comparison k = c.comparison();
            blocks.add(new Heading(3, m.get("dispute.diff_under", m.get("dispute.rulebook." + c.recheck().rulebook().word()))));
            Double delta = k.scoreDelta();
            blocks.add(new Para(m.get("dispute.score_change", Numbers.rounded(k.a().score(), 2, "—"), Numbers.rounded(k.b().score(), 2, "—"),
                    delta == null ? "—" : Numbers.signed(delta, 2))));
            if (k.items().isEmpty()) {
                blocks.add(new Para(m.get("dispute.items_none", k.unchanged())));
            } else {
                List<List<String>> items = new ArrayList<>();
                for (Comparison.ItemChange i : k.items()) {
                    items.add(List.of(i.id(), i.name(), d.objection().criteria().contains(i.id()) ? m.get("dispute.objected") : "",
                            status(i.statusA()) + " → " + status(i.statusB()),
                            i.gate() ? "—" : Numbers.rounded(i.pointsA(), 4, "—") + " → " + Numbers.rounded(i.pointsB(), 4, "—"),
                            causes(i, k)));
                }
                blocks.add(new Table(List.of(m.get("dispute.item"), m.get("dispute.name"), m.get("dispute.objected_column"),
                        m.get("dispute.status"), m.get("dispute.points"), m.get("dispute.cause")), items));
            }
            List<String> untouched = d.objection().criteria().stream().filter(id -> k.items().stream().noneMatch(i -> i.id().equals(id))).toList();
            if (!untouched.isEmpty()) blocks.add(new Para(m.get("dispute.objected_unchanged", String.join(", ", untouched))));
            if (!k.inputs().isEmpty()) {
                blocks.add(new Para(m.get("dispute.inputs", k.inputs().size())));
                blocks.add(new Bullets(k.inputs().stream().map(l -> l.path() + ": " + side(l.a()) + " → " + side(l.b())).toList()));
            }
            List<Comparison.ParameterChange> rulebook = k.parameters().stream().filter(p -> !p.what().equals("engine")).toList();
            if (!rulebook.isEmpty()) {
                blocks.add(new Para(m.get("dispute.rulebook_changes")));
                // each row named in words, as diff names it (a figure by its reference, the rest by name), not by its code
                blocks.add(new Bullets(rulebook.stream().map(p -> org.verdant.compare.ComparisonReport.parameterLine(p, m,
                        k.a().sources().with(k.b().sources()))).toList()));
            }
        }

        blocks.add(new Heading(2, m.get("dispute.section.ruling")));
        if (d.decision() == null) {
            blocks.add(new Para(m.get("dispute.not_ruled")));
        } else {
            blocks.add(new Para(m.get("dispute.ruling", word("dispute.status." + d.decision().ruling().word()), d.decision().actor(),
                    TIME.format(d.decision().at()))));
            blocks.add(new Para(m.get("dispute.reason", d.decision().reason())));
        }

        blocks.add(new Heading(2, m.get("dispute.section.steps")));
        List<List<String>> steps = new ArrayList<>();
        for (DisputeStep s : d.steps()) {
            steps.add(List.of(String.valueOf(s.seq()), word("dispute.kind." + s.kind()), s.actor(), TIME.format(s.recordedAt()), s.contentSha256(),
                    s.previousSha256() == null ? "—" : s.previousSha256()));
        }
        blocks.add(new Table(List.of("#", m.get("dispute.kind"), m.get("dispute.actor"), m.get("dispute.time"), "sha256",
                m.get("dispute.previous")), steps));
        blocks.add(new Para(d.chainProblems().isEmpty() ? m.get("dispute.chain_ok") : m.get("dispute.chain_broken", String.join("; ", d.chainProblems()))));
        return this;
    }

    /** What explains a criterion's change ({@link Comparison#causes}), in words: at most six leaves. */
    private String causes(Comparison.ItemChange i, Comparison k) {
        List<String> out = new ArrayList<>();
        for (Comparison.Cause cause : k.causes(i)) {
            switch (cause.kind()) {
                case VALUES, INPUTS -> {
                    List<TreeDiff.Leaf> leaves = cause.leaves();
                    for (TreeDiff.Leaf l : leaves.subList(0, Math.min(6, leaves.size()))) out.add(l.path() + ": " + side(l.a()) + " → " + side(l.b()));
                    if (leaves.size() > 6) out.add(m.get("dispute.more", leaves.size() - 6));
                }
                case RULEBOOK -> out.add(m.get("dispute.cause_rulebook"));
                case OTHER_INPUTS -> out.add(m.get("dispute.cause_inputs"));
                case UNKNOWN -> out.add(m.get("dispute.cause_unknown"));
            }
        }
        return String.join("; ", out);
    }

    private String word(String key) {
        return m.get(key);
    }

    private String eligible(Boolean b) {
        return b == null ? m.get("dispute.undetermined") : m.get(b ? "dispute.eligible" : "dispute.not_eligible");
    }

    private String status(String code) {
        return code == null ? m.get("diff.absent") : m.get("status." + code);
    }

    private String side(String value) {
        return value == null ? m.get("diff.absent") : value;
    }

    // ---- writing ---------------------------------------------------------------------------

    private static String markdown(List<Block> blocks) {
        StringBuilder out = new StringBuilder();
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                out.append("#".repeat(h.level())).append(' ').append(md(h.text())).append("\n\n");
            } else if (b instanceof Para p) {
                out.append(md(p.text())).append("\n\n");
            } else if (b instanceof Bullets l) {
                l.items().forEach(i -> out.append("- ").append(md(i)).append('\n'));
                out.append('\n');
            } else if (b instanceof Table t) {
                out.append(row(t.header())).append('|').append(" --- |".repeat(t.header().size())).append('\n');
                t.rows().forEach(r -> out.append(row(r)));
                out.append('\n');
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String row(List<String> cells) {
        StringBuilder s = new StringBuilder("|");
        cells.forEach(c -> s.append(' ').append(md(c).replace("|", "\\|")).append(" |"));
        return s.append('\n').toString();
    }

    /** Text as Markdown shows it literally: the characters Markdown would read as markup are escaped. */
    private static String md(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("`", "\\`").replace("<", "&lt;")
                .replace("[", "\\[").replace("#", "\\#").replace("\n", " ");
    }

    private static String html(List<Block> blocks, String title, String lang) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(lang.equals("en") ? "en" : "zh-CN")
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}\n")
                .append("table{border-collapse:collapse;margin:0.5rem 0;width:100%}th,td{border:1px solid #bbb;padding:0.25rem 0.5rem;"
                        + "text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#eef3ee}\n")
                .append("</style>\n</head>\n<body>\n");
        for (Block b : blocks) {
            if (b instanceof Heading h) {
                out.append("<h").append(h.level()).append('>').append(esc(h.text())).append("</h").append(h.level()).append(">\n");
            } else if (b instanceof Para p) {
                out.append("<p>").append(esc(p.text())).append("</p>\n");
            } else if (b instanceof Bullets l) {
                out.append("<ul>\n");
                l.items().forEach(it -> out.append("<li>").append(esc(it)).append("</li>\n"));
                out.append("</ul>\n");
            } else if (b instanceof Table t) {
                out.append("<table>\n<tr>");
                t.header().forEach(c -> out.append("<th>").append(esc(c)).append("</th>"));
                out.append("</tr>\n");
                for (List<String> r : t.rows()) {
                    out.append("<tr>");
                    r.forEach(c -> out.append("<td>").append(esc(c)).append("</td>"));
                    out.append("</tr>\n");
                }
                out.append("</table>\n");
            }
        }
        return out.append("</body>\n</html>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
