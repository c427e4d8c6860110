package org.verdant.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * GB/T 36132-2025 4.4.3 from a cohort of evaluations: per quantitative indicator and form,
 * B = the cohort's mean and L = the value that covers the best 5 % (rank ceil(0.05·n) from the
 * better end), after leaving out the values beyond Tukey's far fences. The definitions, with a
 * worked example, are in docs/indicator-tables.md, "Calibration (4.4.3)".
 */
public final class Calibration {
    public static final int DEFAULT_MIN_COHORT = 20;
    static final BigDecimal TOP_SHARE = new BigDecimal("0.05");
    static final BigDecimal FENCE = BigDecimal.valueOf(3);
    /** Decimals kept of a mean (the L is an observed value, kept as it is). */
    static final int MEAN_SCALE = 4;
    /** The rules whose B and L are the industry's levels; banded bands and count B/L are the table's own choice. */
    static final List<String> CALIBRATED_RULES = List.of("linear", "range", "step");

    private Calibration() {
    }

    /** One verdict as given: where it came from (file:line, archive record) and its JSON text. */
    public record Input(String where, String json) {
    }

    /** Which evaluations make the cohort; null filters are not applied. */
    public record Filter(String industry, Integer year, int minCohort) {
    }

    /** A message in both languages (Chinese is the default). */
    public record Text(String zh, String en) {
        String in(String lang) {
            return "en".equals(lang) ? en : zh;
        }
    }

    /** A value left out, with why. */
    public record Outlier(String facility, BigDecimal value, Text reason) {
    }

    /** The figures for one form of one indicator, or why it was not calibrated. */
    public record Indicator(String id, String name, String formula, String unit, boolean lowerIsBetter, int total,
                            List<BigDecimal> kept, List<Outlier> outliers, BigDecimal q1, BigDecimal median, BigDecimal q3,
                            BigDecimal baseline, BigDecimal leading, int leadingRank, Text skipped) {
    }

    /** The calibrated table and what was computed. */
    public record Result(ObjectNode table, String sourceId, int cohort, int skippedOtherTable, int skippedErrors,
                         int replaced, String digest, List<Indicator> indicators) {
    }

    private record Verdict(String where, String creditCode, String name, JsonNode json, String text) {
    }

    public static Result calibrate(ObjectNode table, List<Input> inputs, Filter filter) throws TableInputException, CohortTooSmallException {
        String tableId = TableTree.text(table, "id");
        if (tableId == null) throw new TableInputException("table: no id");
        List<String> problems = new ArrayList<>();
        int otherTable = 0;
        int errors = 0;
        Map<String, Verdict> byFacility = new LinkedHashMap<>();
        int replaced = 0;
        for (Input in : inputs) {
            JsonNode v;
            try {
                v = TableTree.JSON.readTree(in.json());
            } catch (JsonProcessingException e) {
                problems.add(notJson(in.where(), e));
                continue;
            }
            if (v == null || !v.isObject()) {
                problems.add(in.where() + ": 不是判定结果（JSON 对象）");
                continue;
            }
            String format = v.path("format").asText();
            if (!format.equals("verdant.verdict/1")) {
                // batch writes an error record for an input it could not evaluate: no figures to learn from
                if (format.equals("verdant.batch-error/1")) {
                    errors++;
                    continue;
                }
                problems.add(in.where() + ": format「" + format + "」：应为 verdant.verdict/1");
                continue;
            }
            if (!tableId.equals(v.path("indicator_table").path("id").asText(null))) {
                otherTable++;
                continue;
            }
            String industry = v.path("facility").path("industry").asText("");
            if (filter.industry() != null && !industry.startsWith(filter.industry())) continue;
            if (filter.year() != null && v.path("reporting_year").asInt(-1) != filter.year()) continue;
            String code = v.path("facility").path("credit_code").asText(in.where());
            // the latest evaluation of a facility for a year stands for it, as in 'verdant cohort'
            String key = code + "|" + v.path("reporting_year").asText();
            if (byFacility.put(key, new Verdict(in.where(), code, v.path("facility").path("name").asText(code), v, in.json())) != null) replaced++;
        }
        if (!problems.isEmpty()) throw new TableInputException(problems);
        List<Verdict> cohort = new ArrayList<>(byFacility.values());
        String scope = scope(tableId, filter);
        if (cohort.size() < filter.minCohort()) {
            throw new CohortTooSmallException("队列只有 " + cohort.size() + " 份评价（" + scope + "），少于最小队列 " + filter.minCohort()
                    + "（--min-cohort）：未作校准。cohort of " + cohort.size() + " evaluation(s) is below the minimum of " + filter.minCohort());
        }
        String digest = digest(cohort);
        String shortDigest = digest.substring("sha256:".length(), "sha256:".length() + 8);
        String sourceId = "cohort-" + (filter.industry() == null ? "all" : filter.industry()) + "-"
                + (filter.year() == null ? "all" : filter.year()) + "-" + shortDigest;

        ObjectNode out = table.deepCopy();
        List<Indicator> report = new ArrayList<>();
        for (JsonNode dim : out.path("dimensions")) {
            for (JsonNode ind : dim.path("indicators")) {
                if (ind instanceof ObjectNode o) calibrateIndicator(o, cohort, filter, sourceId, report);
            }
        }
        String version = TableTree.text(table, "version");
        ObjectNode header = TableTree.NODES.objectNode();
        ObjectNode from = TableTree.NODES.objectNode().put("table", tableId).put("version", version);
        ObjectNode c = from.putObject("cohort").put("count", cohort.size());
        if (filter.year() == null) c.putNull("year");
        else c.put("year", filter.year());
        c.put("industry", filter.industry()).put("digest", digest);
        for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext(); ) {
            var e = it.next();
            switch (e.getKey()) {
                case "version" -> header.put("version", version + "+cal." + shortDigest);
                case "kind" -> {
                    header.put("kind", "calibrated");
                    header.set("calibrated_from", from);
                }
                case "status" -> header.put("status", "calibrated");
                case "calibrated_from" -> {
                    // a table calibrated again: the new cohort replaces the old one
                }
                default -> header.set(e.getKey(), e.getValue());
            }
        }
        if (!header.has("calibrated_from")) header.set("calibrated_from", from);
        ObjectNode sources = header.path("sources") instanceof ObjectNode s ? s : header.putObject("sources");
        ObjectNode src = sources.putObject(sourceId);
        // a source's title is one text, as the rulebook reads it (every verdict prints it as the figure's provenance)
        // both languages, as every source title of the rulebook: a verdict prints it beside the figure in the reader's language
        src.putObject("title").put("zh", "行业对标队列：" + cohort.size() + " 份评价（" + scope + "），输入摘要 " + digest)
                .put("en", "industry cohort: " + cohort.size() + " evaluation(s) (" + scopeEn(tableId, filter) + "), inputs digest " + digest);
        src.put("see", "docs/indicator-tables.md#calibration-443");
        return new Result(header, sourceId, cohort.size(), otherTable, errors, replaced, digest, report);
    }

    /** A scoring rule (the YAML's {@code rule:} code) in the words of Table A.1's 评分规则 column (as the sheet reader knows them); an unknown code as written. */
    static String ruleZh(String rule) {
        String words = switch (rule == null ? "" : rule) {
            case "linear" -> "线性比例法";
            case "step" -> "达到即得分";
            case "range" -> "极差法";
            case "banded" -> "分档赋分";
            case "count" -> "按项计分";
            case "evidence" -> "有证据得满分";
            case "degree" -> "根据已开展情况赋分";
            default -> rule;
        };
        return "「" + words + "」";
    }

    /**
     * A verdict that is not JSON, located: {@code where} (file or file:line of a JSON-lines file) and
     * the parser's line and column in its text; the parser's own words (English) only quoted as a detail.
     */
    static String notJson(String where, JsonProcessingException e) {
        com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
        String place;
        if (at == null || at.getLineNr() < 1) place = where;
        else if (where.matches(".*:\\d+$") && at.getLineNr() == 1) place = where + ":" + at.getColumnNr(); // one line of a .jsonl
        else place = where + ":" + at.getLineNr() + ":" + at.getColumnNr();
        String detail = e.getOriginalMessage() == null ? "" : e.getOriginalMessage().lines().findFirst().orElse("");
        return place + ": 不是有效的 JSON：" + (detail.isEmpty() ? "无法解析" : "解析器原文：“" + detail + "”");
    }

    private static String scope(String tableId, Filter f) {
        return "指标表 " + tableId + "，行业 " + (f.industry() == null ? "全部" : f.industry()) + "，年度 " + (f.year() == null ? "全部" : f.year());
    }

    private static String scopeEn(String tableId, Filter f) {
        return "table " + tableId + ", industry " + (f.industry() == null ? "all" : f.industry()) + ", year " + (f.year() == null ? "all" : f.year());
    }

    private static void calibrateIndicator(ObjectNode ind, List<Verdict> cohort, Filter filter, String sourceId, List<Indicator> report) {
        String type = TableTree.text(ind, "type");
        if (!Vocabulary.quantitative(type)) return;
        String id = TableTree.text(ind, "id");
        String name = ind.path("name").path("zh").asText(id);
        boolean lower = type.equals("negative_quantitative");
        String rule = TableTree.text(ind, "rule");
        List<ObjectNode> forms = new ArrayList<>();
        boolean multi = ind.path("forms").isArray() && !ind.path("forms").isEmpty();
        if (multi) ind.get("forms").forEach(f -> {
            if (f instanceof ObjectNode o) forms.add(o);
        });
        else forms.add(ind);
        for (ObjectNode form : forms) {
            String formula = TableTree.text(form, "formula");
            String unit = TableTree.text(form, "unit");
            if (!CALIBRATED_RULES.contains(rule)) {
                report.add(skipped(id, name, formula, unit, lower, new Text("评分规则为" + ruleZh(rule) + "：其引领值、基准值由指标表规定，不按行业水平校准",
                        "rule " + rule + ": its leading value and baseline are the table's own, not the industry's")));
                continue;
            }
            Text fixed = fixedReference(form.get("leading"));
            if (fixed == null) fixed = fixedReference(form.get("baseline"));
            if (fixed != null) {
                report.add(skipped(id, name, formula, unit, lower, fixed));
                continue;
            }
            List<BigDecimal> values = new ArrayList<>();
            List<String> facilities = new ArrayList<>();
            for (Verdict v : cohort) {
                for (JsonNode c : v.json().path("criteria")) {
                    if (!id.equals(c.path("id").asText())) continue;
                    JsonNode values1 = c.path("values");
                    if (!values1.path("value").isNumber()) continue;
                    if (!formMatches(values1, formula, unit, multi)) continue;
                    values.add(values1.get("value").decimalValue());
                    facilities.add(v.name() + " (" + v.creditCode() + ")");
                }
            }
            report.add(calibrateForm(form, id, name, formula, unit, lower, values, facilities, filter, sourceId));
        }
    }

    private static boolean formMatches(JsonNode values, String formula, String unit, boolean multi) {
        String form = values.path("form").asText(null);
        if (multi && form != null && formula != null && form.equals(formula)) return true;
        String u = values.path("unit").asText(null);
        return Objects.equals(u == null || u.isEmpty() ? null : u, unit == null || unit.isEmpty() ? null : unit);
    }

    /** Why a figure is not the industry's to set: a national standard's level, a tiered or stated figure. */
    private static Text fixedReference(JsonNode figure) {
        if (figure == null || figure.isNull()) return new Text("没有引领值或基准值", "no leading value or baseline");
        String ref = TableTree.text(figure, "ref");
        if ("energy_limit".equals(ref)) return new Text("引用能耗限额标准（4.4.2）：保留原引用", "cites the energy-limit standard (4.4.2): kept");
        if ("water_quota".equals(ref)) return new Text("引用用水定额（4.4.2）：保留原引用", "cites the water-intake quota (4.4.2): kept");
        if ("submission".equals(ref)) return new Text("引用申报材料中的水平：保留原引用", "a level the submission states: kept");
        if (figure.has("by")) return new Text("按年综合能耗分档的数值：保留原分档", "tiered by annual energy: the tiers are kept");
        if (ref != null && !ref.startsWith("industry_")) return new Text("引用 " + ref + "：保留原引用", "cites " + ref + ": kept");
        return null;
    }

    private static Indicator skipped(String id, String name, String formula, String unit, boolean lower, Text why) {
        return new Indicator(id, name, formula, unit, lower, 0, List.of(), List.of(), null, null, null, null, null, 0, why);
    }

    static Indicator calibrateForm(ObjectNode form, String id, String name, String formula, String unit, boolean lower,
                                   List<BigDecimal> values, List<String> facilities, Filter filter, String sourceId) {
        int total = values.size();
        if (total == 0) return new Indicator(id, name, formula, unit, lower, 0, List.of(), List.of(), null, null, null, null, null, 0,
                new Text("队列中没有该指标在此单位下的数值", "no evaluation of the cohort reports this indicator in this unit"));
        List<BigDecimal> sorted = values.stream().sorted().toList();
        BigDecimal q1 = quantile(sorted, new BigDecimal("0.25"));
        BigDecimal q3 = quantile(sorted, new BigDecimal("0.75"));
        BigDecimal iqr = q3.subtract(q1);
        BigDecimal low = q1.subtract(FENCE.multiply(iqr));
        BigDecimal high = q3.add(FENCE.multiply(iqr));
        List<BigDecimal> kept = new ArrayList<>();
        List<Outlier> outliers = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            BigDecimal x = values.get(i);
            if (x.compareTo(low) < 0) outliers.add(new Outlier(facilities.get(i), x,
                    new Text("低于远端栅栏 Q1 − 3·IQR = " + plain(low), "below the far fence Q1 − 3·IQR = " + plain(low))));
            else if (x.compareTo(high) > 0) outliers.add(new Outlier(facilities.get(i), x,
                    new Text("高于远端栅栏 Q3 + 3·IQR = " + plain(high), "above the far fence Q3 + 3·IQR = " + plain(high))));
            else kept.add(x);
        }
        kept.sort(Comparator.naturalOrder());
        int n = kept.size();
        BigDecimal kq1 = quantile(kept, new BigDecimal("0.25"));
        BigDecimal kmed = quantile(kept, new BigDecimal("0.5"));
        BigDecimal kq3 = quantile(kept, new BigDecimal("0.75"));
        // the minimum is on the evaluations that report the value; the outliers left out are listed, not held against it
        if (total < filter.minCohort()) {
            return new Indicator(id, name, formula, unit, lower, total, kept, outliers, kq1, kmed, kq3, null, null, 0,
                    new Text("只有 " + total + " 份评价有此数值，少于最小队列 " + filter.minCohort() + "：保留原值",
                            "only " + total + " evaluation(s) report it, fewer than the minimum of " + filter.minCohort() + ": kept as it was"));
        }
        BigDecimal sum = kept.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MEAN_SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        int rank = TOP_SHARE.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
        BigDecimal leading = lower ? kept.get(rank - 1) : kept.get(n - rank);
        form.set("leading", figure(leading, unit, sourceId, "前 5 %（第 " + rank + " 名 / " + n + "，" + (lower ? "自低起" : "自高起") + "）"));
        form.set("baseline", figure(mean, unit, sourceId, "均值（n = " + n + "）"));
        return new Indicator(id, name, formula, unit, lower, total, kept, outliers, kq1, kmed, kq3, mean, leading, rank, null);
    }

    private static ObjectNode figure(BigDecimal value, String unit, String sourceId, String detail) {
        ObjectNode f = TableTree.NODES.objectNode();
        f.set("value", TableTree.number(value));
        if (unit != null) f.put("unit", unit);
        f.put("status", "calibrated");
        f.put("source", sourceId);
        f.put("detail", detail);
        return f;
    }

    /** Linear interpolation between closest ranks (Excel QUARTILE.INC): h = (n − 1)·p. */
    static BigDecimal quantile(List<BigDecimal> sorted, BigDecimal p) {
        if (sorted.isEmpty()) return null;
        BigDecimal h = BigDecimal.valueOf(sorted.size() - 1L).multiply(p);
        int lo = h.setScale(0, RoundingMode.FLOOR).intValueExact();
        BigDecimal frac = h.subtract(BigDecimal.valueOf(lo));
        BigDecimal x = sorted.get(lo);
        if (frac.signum() == 0 || lo + 1 >= sorted.size()) return x.stripTrailingZeros();
        return x.add(frac.multiply(sorted.get(lo + 1).subtract(x))).round(MathContext.DECIMAL64).stripTrailingZeros();
    }

    /** SHA-256 over the sorted SHA-256 digests (hex, one per line) of the cohort's verdict texts: independent of input order. */
    static String digest(List<Verdict> cohort) {
        try {
            List<String> each = new ArrayList<>();
            for (Verdict v : cohort) each.add(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v.text().getBytes(StandardCharsets.UTF_8))));
            each.sort(Comparator.naturalOrder());
            byte[] all = MessageDigest.getInstance("SHA-256").digest((String.join("\n", each) + "\n").getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(all);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String plain(BigDecimal d) {
        return d == null ? "—" : d.stripTrailingZeros().toPlainString();
    }

    /** The printed account in Chinese. */
    public static String text(Result r) {
        return text(r, "zh");
    }

    /** The printed account: per indicator n, quartiles, outliers, B and L, and a 10-bin histogram; lang zh or en. */
    public static String text(Result r, String lang) {
        boolean en = "en".equals(lang);
        StringBuilder s = new StringBuilder();
        s.append(en ? "cohort: " : "队列：").append(r.cohort()).append(en ? " evaluation(s); inputs digest " : " 份评价；输入摘要 ")
                .append(r.digest()).append(en ? "; source " : "；来源 ").append(r.sourceId()).append('\n');
        if (r.replaced() > 0) s.append(en ? "  earlier evaluations of a facility and year replaced by its latest: " : "  同一企业同一年度的较早评价被最新一份取代：")
                .append(r.replaced()).append('\n');
        if (r.skippedOtherTable() > 0) s.append(en ? "  evaluations of another table (or none) left out: " : "  其他指标表（或未注明指标表）的评价未计入：")
                .append(r.skippedOtherTable()).append('\n');
        if (r.skippedErrors() > 0) s.append(en ? "  batch error records left out: " : "  批量评价的错误记录未计入：").append(r.skippedErrors()).append('\n');
        for (Indicator i : r.indicators()) {
            s.append('\n').append(i.id()).append(' ').append(i.name());
            if (i.formula() != null) s.append(" · ").append(i.formula());
            if (i.unit() != null && !i.unit().isEmpty()) s.append(" · ").append(i.unit());
            s.append(i.lowerIsBetter() ? (en ? " (lower is better)" : "（越低越好）") : (en ? " (higher is better)" : "（越高越好）")).append('\n');
            if (i.total() > 0) {
                s.append("  n = ").append(i.kept().size()).append(" / ").append(i.total())
                        .append(en ? ", Q1 = " : "，Q1 = ").append(plain(i.q1())).append(en ? ", median = " : "，中位数 = ").append(plain(i.median()))
                        .append(en ? ", Q3 = " : "，Q3 = ").append(plain(i.q3())).append('\n');
                for (Outlier o : i.outliers())
                    s.append(en ? "  outlier left out " : "  剔除离群值 ").append(plain(o.value())).append(en ? ": " : "：").append(o.facility())
                            .append(en ? ", " : "，").append(o.reason().in(lang)).append('\n');
            }
            if (i.skipped() != null) {
                s.append(en ? "  not calibrated: " : "  未校准：").append(i.skipped().in(lang)).append('\n');
            } else {
                String u = i.unit() == null || i.unit().isEmpty() ? "" : " " + i.unit();
                String from = i.lowerIsBetter() ? (en ? ", from the lowest" : "，自低起") : (en ? ", from the highest" : "，自高起");
                if (en) s.append("  baseline B = mean = ").append(plain(i.baseline())).append(u)
                        .append("; leading value L = best 5 % (rank ").append(i.leadingRank()).append(" of ").append(i.kept().size()).append(from)
                        .append(") = ").append(plain(i.leading())).append(u).append('\n');
                else s.append("  基准值 B = 均值 = ").append(plain(i.baseline())).append(u)
                        .append("；引领值 L = 前 5 %（第 ").append(i.leadingRank()).append(" 名 / ").append(i.kept().size()).append(from)
                        .append("）= ").append(plain(i.leading())).append(u).append('\n');
            }
            if (!i.kept().isEmpty()) histogram(s, i.kept(), en);
        }
        return s.toString();
    }

    static void histogram(StringBuilder s, List<BigDecimal> sorted, boolean en) {
        BigDecimal min = sorted.get(0);
        BigDecimal max = sorted.get(sorted.size() - 1);
        int bins = 10;
        int[] counts = new int[bins];
        BigDecimal width = max.subtract(min).divide(BigDecimal.valueOf(bins), MathContext.DECIMAL64);
        for (BigDecimal x : sorted) {
            int b = width.signum() == 0 ? 0 : x.subtract(min).divide(width, MathContext.DECIMAL64).setScale(0, RoundingMode.FLOOR).intValue();
            counts[Math.min(b, bins - 1)]++;
        }
        s.append(en ? "  distribution (10 bins, the last one closed):\n" : "  分布（10 组，最后一组含上限）:\n");
        List<String> labels = new ArrayList<>();
        int shown = width.signum() == 0 ? 1 : bins;
        for (int b = 0; b < shown; b++) {
            BigDecimal from = min.add(width.multiply(BigDecimal.valueOf(b)));
            BigDecimal to = b == bins - 1 || width.signum() == 0 ? max : min.add(width.multiply(BigDecimal.valueOf(b + 1L)));
            labels.add("[" + round(from) + ", " + round(to) + (b == shown - 1 ? "]" : ")"));
        }
        int labelWidth = labels.stream().mapToInt(String::length).max().orElse(0);
        for (int b = 0; b < shown; b++) {
            // 20 marks for the whole cohort; a bin with anything in it shows at least one
            int marks = counts[b] == 0 ? 0 : Math.max(1, counts[b] * 20 / sorted.size());
            s.append("    ").append(labels.get(b)).append(" ".repeat(labelWidth - labels.get(b).length() + 1))
                    .append(String.format(java.util.Locale.ROOT, "%-20s %d%n", "#".repeat(marks), counts[b]));
        }
    }

    private static String round(BigDecimal d) {
        return d.round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

}
