package org.verdant.cohort;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.archive.ArchiveEntry;

import org.verdant.text.Csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** A graded cohort as text, JSON ({@code verdant.cohort/1}) or CSV. No clock time is written. */
public final class CohortRenderer {
    public static final String FORMAT = "verdant.cohort/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private CohortRenderer() {
    }

    /** The cohort as text in {@code lang}: zh (the command line's default) or en. */
    public static String text(CohortReport r, String lang) {
        return "en".equals(lang) ? text(r) : textZh(r);
    }

    /** Reasons a unit gets no code, in Chinese. */
    private static String zh(CohortReport.Reason reason) {
        return switch (reason) {
            case INELIGIBLE -> "不符合条件";
            case UNDETERMINED -> "是否符合条件未确定";
            case NO_SCORE -> "没有得分";
            case NOT_FILED -> "未申报";
        };
    }

    /** The rule of {@link CohortRule#TEXT} in Chinese: the same figures, the same order. */
    static final String RULE_ZH = "按得分排名（保留 2 位小数，高分在前）；得分相同的单位并列，取该组的最好名次。"
            + "名次 <= ⌈n × 5%⌉ 为 A+，名次 <= ⌈n × 40%⌉ 为 A，其余为 B：跨越分界的并列取较高等级，"
            + "因此 A+ 和 A 可能多于 5% 和 35%。后 5%：名次 > n - ⌈n × 5%⌉（跨越该分界的并列不计入），"
            + "只在至少 " + CohortRule.MIN_COHORT + " 个排名单位的样本中判定；更小的样本照常分级，但标为小样本。"
            + "只有符合条件且有得分的单位参与排名；不符合条件、未确定和未申报的单位不赋码。";

    private static String textZh(CohortReport r) {
        StringBuilder s = new StringBuilder();
        s.append("样本：").append(r.scheme()).append("，报告年度 ").append(r.year())
                .append(r.industry() == null ? "" : "，行业 " + r.industry() + "*")
                .append(r.edition() == null ? "" : "，版本 " + r.edition())
                .append("（每个企业取最新的存档记录）\n");
        if (r.editions().size() > 1) {
            s.append("版本混合：").append(String.join("、", r.editions().entrySet().stream()
                            .map(x -> x.getKey() + "（" + x.getValue() + "）").toList()))
                    .append(" 一起排名；用 --edition 可只对一个版本的得分分级。\n");
        }
        s.append("规则：").append(RULE_ZH).append('\n');
        s.append("排名：").append(r.ranked()).append(" 个单位；A+ 至第 ").append(r.aPlusLimit())
                .append(" 名，A 至第 ").append(r.aLimit()).append(" 名。赋码：A+ ").append(r.aPlusCount())
                .append("，A ").append(r.aCount()).append("，B ").append(r.bCount()).append('\n');
        if (r.small()) {
            s.append("小样本：").append(r.ranked()).append(" 个排名单位，少于 ").append(CohortRule.MIN_COHORT)
                    .append("：5% 不足一个单位；等级照给但仅供参考，不判定后 5%。\n");
        }
        s.append('\n');
        if (!r.graded().isEmpty()) {
            List<CohortReport.WindowYear> w = r.years();
            String bottomHeading = "后5% " + w.get(0).year() % 100 + "/" + w.get(1).year() % 100 + "/" + w.get(2).year() % 100;
            s.append(pad("名次", 5)).append(' ').append(pad("绿码", 5)).append(' ').append(padLeft("得分", 8)).append("  ")
                    .append(pad("统一社会信用代码", 18)).append("  ").append(pad("行业", 8)).append(' ').append(padLeft("记录", 6)).append("  ")
                    .append(pad(bottomHeading, 18)).append("  ").append(r.scheme().contains("park") ? "园区名称" : "企业名称").append('\n');
            for (CohortReport.GradedUnit g : r.graded()) {
                ArchiveEntry e = g.entry();
                s.append(pad(String.valueOf(g.rank()), 5)).append(' ').append(pad(g.grade(), 5)).append(' ')
                        .append(padLeft(e.score().toPlainString(), 8)).append("  ").append(pad(e.creditCode(), 18)).append("  ")
                        .append(pad(dash(e.industry()), 8)).append(' ').append(padLeft(String.valueOf(e.id()), 6)).append("  ")
                        .append(pad(String.join("/", g.bottom().stream().map(x -> x == null ? "-" : x ? "是" : "否").toList()), 18)).append("  ")
                        .append(e.facilityName()).append(g.removalCandidate() ? "  [拟退出候选]" : "").append('\n');
            }
        }
        List<CohortReport.GradedUnit> candidates = r.graded().stream().filter(CohortReport.GradedUnit::removalCandidate).toList();
        s.append('\n').append("拟退出候选（").append(r.years().get(0).year()).append("、")
                .append(r.years().get(1).year()).append(" 和 ").append(r.years().get(2).year()).append(" 年均在后 5%）：");
        s.append(candidates.isEmpty() ? "无" : String.join("、", candidates.stream()
                .map(g -> g.entry().creditCode() + " " + g.entry().facilityName()).toList())).append('\n');
        s.append("观察期：");
        s.append(String.join("，", r.years().stream().map(y -> y.year() + " 年 n=" + y.ranked() + (y.small() ? "（小样本：不判定后 5%）" : "")).toList()));
        s.append('\n');
        s.append('\n').append("未赋码（").append(r.notGraded().size()).append("）：").append(r.notGraded().isEmpty() ? "无" : "").append('\n');
        for (CohortReport.NotGraded u : r.notGraded()) {
            ArchiveEntry e = u.entry();
            String what = u.reason() == CohortReport.Reason.NOT_FILED
                    ? r.year() + " 年未申报（最近一次申报 " + e.reportingYear() + " 年，记录 " + e.id() + "）"
                    : zh(u.reason()) + "（记录 " + e.id() + (e.score() == null ? "" : "，得分 " + e.score().toPlainString()) + "）";
            s.append("  ").append(pad(e.creditCode(), 18)).append("  ").append(e.facilityName()).append("：").append(what).append('\n');
        }
        if (r.parks() != null) {
            s.append('\n').append("绿色园区：新申报园区的得分须不低于其所在省份已有园区的平均分。\n");
            s.append("已有园区：报告年度在 ").append(r.year())
                    .append(" 年之前、符合条件且有得分的记录；按其截至 ").append(r.year()).append(" 年的最新记录计入，前提是该记录符合条件且有得分。\n");
            for (CohortReport.Region g : r.parks().regions()) {
                s.append("  ").append(g.province()).append("：计入 ").append(g.counted().size()).append(" 个已有园区，平均分 ")
                        .append(g.average() == null ? "—" : round2(g.average()))
                        .append(g.notCounted().isEmpty() ? "" : "；未计入（最新记录不符合条件或无得分）："
                                + String.join("、", g.notCounted().stream().map(ArchiveEntry::creditCode).toList())).append('\n');
            }
            if (r.parks().applicants().isEmpty()) s.append("  ").append(r.year()).append(" 年没有新申报园区\n");
            for (CohortReport.Applicant a : r.parks().applicants()) {
                ArchiveEntry e = a.entry();
                int counted = r.parks().regions().stream().filter(g -> g.province().equals(a.province())).mapToInt(g -> g.counted().size()).findFirst().orElse(0);
                String note = a.meets() != null ? (a.meets() ? "不低于" : "低于") + " " + a.province() + " " + counted + " 个已有园区的平均分"
                        : !e.rankable() ? "未比较：" + zh(Boolean.FALSE.equals(e.eligible()) ? CohortReport.Reason.INELIGIBLE
                        : e.eligible() == null ? CohortReport.Reason.UNDETERMINED : CohortReport.Reason.NO_SCORE) : "未比较：" + a.province() + " 没有已有园区";
                s.append("  申报园区 ").append(e.creditCode()).append(' ').append(e.facilityName()).append("（").append(a.province())
                        .append("）：得分 ").append(e.score() == null ? "—" : e.score().toPlainString()).append("：")
                        .append(a.meets() == null ? "" : a.meets() ? "达到，" : "未达到，").append(note).append('\n');
            }
        }
        return s.toString();
    }

    private static String pad(String text, int width) {
        return org.verdant.text.DisplayWidth.padRight(text, width);
    }

    private static String padLeft(String text, int width) {
        return org.verdant.text.DisplayWidth.padLeft(text, width);
    }

    public static String text(CohortReport r) {
        StringBuilder s = new StringBuilder();
        s.append("Cohort: ").append(r.scheme()).append(", reporting year ").append(r.year())
                .append(r.industry() == null ? "" : ", industry " + r.industry() + "*")
                .append(r.edition() == null ? "" : ", edition " + r.edition())
                .append(" (latest archived record per facility)\n");
        if (r.editions().size() > 1) {
            s.append("MIXED EDITIONS: ").append(String.join(", ", r.editions().entrySet().stream()
                            .map(x -> x.getKey() + " (" + x.getValue() + ")").toList()))
                    .append(" are ranked together; --edition grades one edition's scores alone.\n");
        }
        s.append("Rule: ").append(CohortRule.TEXT).append('\n');
        s.append("Ranked: ").append(r.ranked()).append(" unit(s); A+ up to rank ").append(r.aPlusLimit())
                .append(", A up to rank ").append(r.aLimit()).append(". Codes given: A+ ").append(r.aPlusCount())
                .append(", A ").append(r.aCount()).append(", B ").append(r.bCount()).append('\n');
        if (r.small()) {
            s.append("SMALL COHORT: ").append(r.ranked()).append(" ranked unit(s), fewer than ").append(CohortRule.MIN_COHORT)
                    .append(": 5 % is less than one unit; the grades are given but indicative, and no unit is put in the bottom 5 %.\n");
        }
        s.append('\n');
        if (!r.graded().isEmpty()) {
            List<CohortReport.WindowYear> w = r.years();
            s.append(String.format("%-5s %-5s %8s  %-18s  %-8s %6s  %-18s  %s%n", "RANK", "CODE", "SCORE", "CREDIT CODE", "INDUSTRY",
                    "RECORD", "BOTTOM 5% " + w.get(0).year() % 100 + "/" + w.get(1).year() % 100 + "/" + w.get(2).year() % 100, "FACILITY"));
            for (CohortReport.GradedUnit g : r.graded()) {
                ArchiveEntry e = g.entry();
                s.append(String.format("%-5d %-5s %8s  %-18s  %-8s %6d  %-18s  %s%s%n", g.rank(), g.grade(), e.score().toPlainString(),
                        e.creditCode(), dash(e.industry()), e.id(), bottoms(g.bottom()), e.facilityName(),
                        g.removalCandidate() ? "  [removal candidate]" : ""));
            }
        }
        List<CohortReport.GradedUnit> candidates = r.graded().stream().filter(CohortReport.GradedUnit::removalCandidate).toList();
        s.append('\n').append("Removal candidates (bottom 5 % in ").append(r.years().get(0).year()).append(", ")
                .append(r.years().get(1).year()).append(" and ").append(r.years().get(2).year()).append("): ");
        s.append(candidates.isEmpty() ? "none" : String.join(", ", candidates.stream()
                .map(g -> g.entry().creditCode() + " " + g.entry().facilityName()).toList())).append('\n');
        s.append("Window: ");
        s.append(String.join(", ", r.years().stream().map(y -> y.year() + " n=" + y.ranked() + (y.small() ? " (small: bottom 5 % not decided)" : "")).toList()));
        s.append('\n');
        s.append('\n').append("No code (").append(r.notGraded().size()).append("):").append(r.notGraded().isEmpty() ? " none" : "").append('\n');
        for (CohortReport.NotGraded u : r.notGraded()) {
            ArchiveEntry e = u.entry();
            String what = u.reason() == CohortReport.Reason.NOT_FILED
                    ? "did not file for " + r.year() + " (last filed " + e.reportingYear() + ", record " + e.id() + ")"
                    : u.reason().words + " (record " + e.id() + (e.score() == null ? "" : ", score " + e.score().toPlainString()) + ")";
            s.append(String.format("  %-18s  %s: %s%n", e.creditCode(), e.facilityName(), what));
        }
        if (r.parks() != null) {
            s.append('\n').append("Green parks: a new applicant must score at least the average of the existing parks of its province.\n");
            s.append("Existing park: an eligible, scored record for a reporting year before ").append(r.year())
                    .append("; it counts with its latest record up to ").append(r.year()).append(" if that is eligible with a score.\n");
            for (CohortReport.Region g : r.parks().regions()) {
                s.append(String.format("  %s: %d existing park(s) counted, average %s%s%n", g.province(), g.counted().size(),
                        g.average() == null ? "—" : round2(g.average()),
                        g.notCounted().isEmpty() ? "" : "; not counted (latest record ineligible or unscored): "
                                + String.join(", ", g.notCounted().stream().map(ArchiveEntry::creditCode).toList())));
            }
            if (r.parks().applicants().isEmpty()) s.append("  no new applicant for ").append(r.year()).append('\n');
            for (CohortReport.Applicant a : r.parks().applicants()) {
                ArchiveEntry e = a.entry();
                s.append(String.format("  applicant %s %s (%s): score %s: %s%s%n", e.creditCode(), e.facilityName(), a.province(),
                        e.score() == null ? "—" : e.score().toPlainString(),
                        a.meets() == null ? "" : a.meets() ? "MEETS, " : "BELOW, ", a.note()));
            }
        }
        return s.toString();
    }

    public static String json(CohortReport r) {
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("scheme", r.scheme());
        root.put("reporting_year", r.year());
        if (r.industry() != null) root.put("industry", r.industry()); else root.putNull("industry");
        if (r.edition() != null) root.put("edition", r.edition()); else root.putNull("edition");
        ObjectNode editions = root.putObject("editions");
        r.editions().forEach(editions::put);
        root.put("rule", CohortRule.TEXT);
        root.put("ranked", r.ranked());
        root.put("small_cohort", r.small());
        ObjectNode limits = root.putObject("limits");
        limits.put("a_plus_max_rank", r.aPlusLimit());
        limits.put("a_max_rank", r.aLimit());
        ObjectNode counts = root.putObject("counts");
        counts.put("A+", r.aPlusCount());
        counts.put("A", r.aCount());
        counts.put("B", r.bCount());
        ArrayNode window = root.putArray("window");
        for (CohortReport.WindowYear y : r.years()) {
            ObjectNode o = window.addObject();
            o.put("year", y.year());
            o.put("ranked", y.ranked());
            o.put("small_cohort", y.small());
        }
        ArrayNode units = root.putArray("graded");
        for (CohortReport.GradedUnit g : r.graded()) {
            ObjectNode o = unit(units.addObject(), g.entry());
            o.put("rank", g.rank());
            o.put("grade", g.grade());
            ObjectNode bottom = o.putObject("bottom_5_percent");
            for (int i = 0; i < 3; i++) {
                Boolean b = g.bottom().get(i);
                String key = String.valueOf(r.years().get(i).year());
                if (b == null) bottom.putNull(key); else bottom.put(key, b);
            }
            o.put("removal_candidate", g.removalCandidate());
        }
        ArrayNode none = root.putArray("not_graded");
        for (CohortReport.NotGraded u : r.notGraded()) {
            ObjectNode o = unit(none.addObject(), u.entry());
            o.put("reason", u.reason().name().toLowerCase());
        }
        ArrayNode candidates = root.putArray("removal_candidates");
        r.graded().stream().filter(CohortReport.GradedUnit::removalCandidate).forEach(g -> candidates.add(g.entry().creditCode()));
        if (r.parks() != null) {
            ObjectNode parks = root.putObject("parks");
            parks.put("existing", "a park with an eligible, scored record for a reporting year before " + r.year()
                    + "; counted with its latest record up to " + r.year() + " if that record is eligible with a score");
            ArrayNode regions = parks.putArray("regions");
            for (CohortReport.Region g : r.parks().regions()) {
                ObjectNode o = regions.addObject();
                o.put("province", g.province());
                ArrayNode c = o.putArray("counted");
                g.counted().forEach(e -> c.addObject().put("credit_code", e.creditCode()).put("record", e.id()).put("score", e.score()));
                ArrayNode nc = o.putArray("not_counted");
                g.notCounted().forEach(e -> nc.addObject().put("credit_code", e.creditCode()).put("record", e.id()));
                if (g.average() != null) o.put("average", round2(g.average())); else o.putNull("average");
            }
            ArrayNode applicants = parks.putArray("applicants");
            for (CohortReport.Applicant a : r.parks().applicants()) {
                ObjectNode o = unit(applicants.addObject(), a.entry());
                if (a.regionalAverage() != null) o.put("regional_average", round2(a.regionalAverage())); else o.putNull("regional_average");
                if (a.meets() != null) o.put("meets_regional_average", a.meets()); else o.putNull("meets_regional_average");
                o.put("note", a.note());
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One row per unit: graded ones by rank, then those with no code. */
    public static String csv(CohortReport r) {
        StringBuilder s = new StringBuilder().append(Csv.BOM);
        int y = r.year();
        s.append(Csv.row("status", "rank", "grade", "score", "credit_code", "facility", "industry", "province", "record", "reporting_year",
                "bottom_5_" + (y - 2), "bottom_5_" + (y - 1), "bottom_5_" + y,
                "removal_candidate", "regional_average", "meets_regional_average", "small_cohort"));
        for (CohortReport.GradedUnit g : r.graded()) {
            ArchiveEntry e = g.entry();
            CohortReport.Applicant a = applicant(r, e);
            row(s, "graded", String.valueOf(g.rank()), g.grade(), e, str(g.bottom().get(0)), str(g.bottom().get(1)), str(g.bottom().get(2)),
                    String.valueOf(g.removalCandidate()), a, r.small());
        }
        for (CohortReport.NotGraded u : r.notGraded()) {
            row(s, u.reason().name().toLowerCase(), "", "", u.entry(), "", "", "", "", applicant(r, u.entry()), r.small());
        }
        return s.toString();
    }

    private static void row(StringBuilder s, String status, String rank, String grade, ArchiveEntry e, String b2, String b1, String b0,
                            String candidate, CohortReport.Applicant a, boolean small) {
        List<String> cells = List.of(status, rank, grade, e.score() == null ? "" : e.score().toPlainString(), e.creditCode(),
                e.facilityName(), dashless(e.industry()), dashless(e.province()), String.valueOf(e.id()), String.valueOf(e.reportingYear()),
                b2, b1, b0, candidate, a == null || a.regionalAverage() == null ? "" : round2(a.regionalAverage()).toPlainString(),
                a == null || a.meets() == null ? "" : String.valueOf(a.meets()), String.valueOf(small));
        s.append(Csv.row(cells));
    }

    private static CohortReport.Applicant applicant(CohortReport r, ArchiveEntry e) {
        if (r.parks() == null) return null;
        return r.parks().applicants().stream().filter(a -> a.entry().id() == e.id()).findFirst().orElse(null);
    }

    private static ObjectNode unit(ObjectNode o, ArchiveEntry e) {
        o.put("credit_code", e.creditCode());
        o.put("facility", e.facilityName());
        if (e.industry() != null) o.put("industry", e.industry()); else o.putNull("industry");
        if (e.province() != null) o.put("province", e.province()); else o.putNull("province");
        o.put("record", e.id());
        o.put("reporting_year", e.reportingYear());
        if (e.eligible() != null) o.put("eligible", e.eligible()); else o.putNull("eligible");
        o.put("mandatory_met", e.mandatoryMet());
        if (e.score() != null) o.put("score", e.score()); else o.putNull("score");
        return o;
    }

    private static String bottoms(List<Boolean> b) {
        return String.join("/", b.stream().map(x -> x == null ? "-" : x ? "yes" : "no").toList());
    }

    private static String str(Boolean b) {
        return b == null ? "" : String.valueOf(b);
    }

    private static String dash(String s) {
        return s == null ? "-" : s;
    }

    private static String dashless(String s) {
        return s == null ? "" : s;
    }

    static BigDecimal round2(BigDecimal d) {
        BigDecimal b = d.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }
}
