package org.verdant.cohort;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.archive.ArchiveEntry;

import org.verdant.text.Csv;
import org.verdant.yaml.Msg;

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

    /** The cohort as text in {@code lang}: zh (the command line's default) or en; every word from the message bundles (cohort.*). */
    public static String text(CohortReport r, String lang) {
        return new Words(lang).text(r);
    }

    /** The cohort as text in English. */
    public static String text(CohortReport r) {
        return text(r, "en");
    }

    /** The rule of {@link CohortRule#TEXT} in Chinese: the same figures, the same order. */
    static final String RULE_ZH = "按得分排名（保留 2 位小数，高分在前）；得分相同的单位并列，取该组的最好名次。"
            + "名次 <= ⌈n × 5%⌉ 为 A+，名次 <= ⌈n × 40%⌉ 为 A，其余为 B：跨越分界的并列取较高等级，"
            + "因此 A+ 和 A 可能多于 5% 和 35%。后 5%：名次 > n - ⌈n × 5%⌉（跨越该分界的并列不计入），"
            + "只在至少 " + CohortRule.MIN_COHORT + " 个排名单位的样本中判定；更小的样本照常分级，但标为小样本。"
            + "只有符合条件且有得分的单位参与排名；不符合条件、未确定和未申报的单位不赋码。";

    /**
     * The text in one language. Arguments go into the messages as written (Msg), not as figures for
     * people: scores, years and record numbers are the archive's exact values.
     */
    private record Words(String lang) {
        String t(String key, Object... args) {
            return Msg.of("cohort." + key, args).render(lang);
        }

        String reason(CohortReport.Reason reason) {
            return t("reason." + reason.name().toLowerCase(java.util.Locale.ROOT));
        }

        String list(List<String> items) {
            return String.join(t("list.separator"), items);
        }

        String text(CohortReport r) {
            StringBuilder s = new StringBuilder();
            s.append(t("heading", r.scheme(), String.valueOf(r.year()), r.industry() == null ? "" : t("heading.industry", r.industry()),
                    r.edition() == null ? "" : t("heading.edition", r.edition()))).append('\n');
            if (r.editions().size() > 1) {
                s.append(t("mixed", list(r.editions().entrySet().stream().map(x -> t("mixed.edition", x.getKey(), String.valueOf(x.getValue()))).toList())))
                        .append('\n');
            }
            s.append(t("rule", "en".equals(lang) ? CohortRule.TEXT : RULE_ZH)).append('\n');
            s.append(t("ranked", r.ranked(), r.aPlusLimit(), r.aLimit(), r.aPlusCount(), r.aCount(), r.bCount())).append('\n');
            if (r.small()) s.append(t("small", r.ranked(), CohortRule.MIN_COHORT)).append('\n');
            s.append('\n');
            if (!r.graded().isEmpty()) {
                List<CohortReport.WindowYear> w = r.years();
                String bottomHeading = t("column.bottom", w.get(0).year() % 100, w.get(1).year() % 100, w.get(2).year() % 100);
                s.append(pad(t("column.rank"), 5)).append(' ').append(pad(t("column.code"), 5)).append(' ').append(padLeft(t("column.score"), 8)).append("  ")
                        .append(pad(t("column.credit_code"), 18)).append("  ").append(pad(t("column.industry"), 8)).append(' ')
                        .append(padLeft(t("column.record"), 6)).append("  ").append(pad(bottomHeading, 18)).append("  ")
                        .append(t(r.scheme().contains("park") ? "column.park" : "column.facility")).append('\n');
                for (CohortReport.GradedUnit g : r.graded()) {
                    ArchiveEntry e = g.entry();
                    s.append(pad(String.valueOf(g.rank()), 5)).append(' ').append(pad(g.grade(), 5)).append(' ')
                            .append(padLeft(e.score().toPlainString(), 8)).append("  ").append(pad(e.creditCode(), 18)).append("  ")
                            .append(pad(dash(e.industry()), 8)).append(' ').append(padLeft(String.valueOf(e.id()), 6)).append("  ")
                            .append(pad(String.join("/", g.bottom().stream().map(x -> x == null ? "-" : t(x ? "yes" : "no")).toList()), 18)).append("  ")
                            .append(e.facilityName()).append(g.removalCandidate() ? "  " + t("removal_mark") : "").append('\n');
                }
            }
            List<CohortReport.GradedUnit> candidates = r.graded().stream().filter(CohortReport.GradedUnit::removalCandidate).toList();
            s.append('\n').append(t("candidates", r.years().get(0).year(), r.years().get(1).year(), r.years().get(2).year(),
                    candidates.isEmpty() ? t("none") : list(candidates.stream().map(g -> g.entry().creditCode() + " " + g.entry().facilityName()).toList())));
            s.append('\n');
            s.append(t("window", String.join(t("window.separator"), r.years().stream()
                    .map(y -> t("window.year", y.year(), y.ranked(), y.small() ? t("window.small") : "")).toList())));
            s.append('\n');
            s.append('\n').append(t("not_graded", r.notGraded().size(), r.notGraded().isEmpty() ? t("not_graded.none") : "")).append('\n');
            for (CohortReport.NotGraded u : r.notGraded()) {
                ArchiveEntry e = u.entry();
                String what = u.reason() == CohortReport.Reason.NOT_FILED
                        ? t("not_filed", r.year(), e.reportingYear(), e.id())
                        : t("not_graded.why", reason(u.reason()), e.id(), e.score() == null ? "" : t("not_graded.score", e.score().toPlainString()));
                s.append("  ").append(pad(e.creditCode(), 18)).append("  ").append(t("unit_said", e.facilityName(), what)).append('\n');
            }
            if (r.parks() != null) parks(r, s);
            return s.toString();
        }

        private void parks(CohortReport r, StringBuilder s) {
            s.append('\n').append(t("parks.rule")).append('\n');
            s.append(t("parks.existing", r.year())).append('\n');
            for (CohortReport.Region g : r.parks().regions()) {
                s.append("  ").append(t("parks.region", province(g.province()), g.counted().size(), g.average() == null ? "—" : round2(g.average()).toString(),
                        g.notCounted().isEmpty() ? "" : t("parks.not_counted", list(g.notCounted().stream().map(ArchiveEntry::creditCode).toList()))))
                        .append('\n');
            }
            if (r.parks().applicants().isEmpty()) s.append("  ").append(t("parks.no_applicant", r.year())).append('\n');
            for (CohortReport.Applicant a : r.parks().applicants()) {
                ArchiveEntry e = a.entry();
                s.append("  ").append(t("parks.applicant", e.creditCode(), e.facilityName(), province(a.province()), e.score() == null ? "—" : e.score().toPlainString(),
                        a.meets() == null ? "" : t(a.meets() ? "parks.meets" : "parks.falls_below"), note(r, a))).append('\n');
            }
        }

        /** How an applicant park compares with the existing parks of its province, in words. */
        String note(CohortReport r, CohortReport.Applicant a) {
            ArchiveEntry e = a.entry();
            int counted = r.parks().regions().stream().filter(g -> g.province().equals(a.province())).mapToInt(g -> g.counted().size()).findFirst().orElse(0);
            return a.meets() != null ? t(a.meets() ? "parks.at_or_above" : "parks.below", counted, province(a.province()))
                    : !e.rankable() ? t("parks.not_compared", reason(Boolean.FALSE.equals(e.eligible()) ? CohortReport.Reason.INELIGIBLE
                    : e.eligible() == null ? CohortReport.Reason.UNDETERMINED : CohortReport.Reason.NO_SCORE))
                    : t("parks.not_compared", t("parks.no_existing", province(a.province())));
        }

        /** A province as the records name it; a record without one grouped under {@link CohortGrader#NO_PROVINCE}, said in words. */
        String province(String province) {
            return CohortGrader.NO_PROVINCE.equals(province) ? t("no_province") : province;
        }
    }

    private static String pad(String text, int width) {
        return org.verdant.text.DisplayWidth.padRight(text, width);
    }

    private static String padLeft(String text, int width) {
        return org.verdant.text.DisplayWidth.padLeft(text, width);
    }

    public static String json(CohortReport r) {
        return json(r, "zh");
    }

    /** The cohort as JSON; its texts (the parks' rule and each applicant's note) in {@code lang}, its codes and figures as they are. */
    public static String json(CohortReport r, String lang) {
        Words words = new Words(lang);
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
            parks.put("existing", words.t("parks.existing", r.year()));
            ArrayNode regions = parks.putArray("regions");
            for (CohortReport.Region g : r.parks().regions()) {
                ObjectNode o = regions.addObject();
                if (CohortGrader.NO_PROVINCE.equals(g.province())) o.putNull("province"); else o.put("province", g.province());
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
                o.put("note", words.note(r, a));
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
