package org.verdant.batch;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import org.verdant.text.Csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch came to, counted as the outcomes go by, in memory that does not grow with the
 * number of inputs: counts per status, scheme, edition, grade and eligibility; scores as a count
 * per distinct value (verdict scores have two decimals, so at most 10 001 values between 0 and
 * 100), from which the minimum, quartiles, maximum and the 10-point histogram are exact; the
 * first failures for the terminal, and every failure streamed to a temporary file for the CSV.
 * Counts per scheme, edition, grade and eligibility are over the verdicts (valid inputs).
 */
public final class Summary implements AutoCloseable {
    /** Failures listed on the terminal; the CSV lists them all. */
    public static final int SHOWN_FAILURES = 20;

    private long total;
    private final Map<String, Long> status = new java.util.LinkedHashMap<>();
    private final Map<String, Long> schemes = new TreeMap<>();
    private final Map<String, Long> editions = new TreeMap<>();
    private final Map<String, Long> grades = new TreeMap<>();
    private final Map<String, Long> eligible = new TreeMap<>();
    private final TreeMap<BigDecimal, Long> scores = new TreeMap<>();
    private long scored;
    private long unscored;
    private long failures;
    private final java.util.Set<Integer> errorCodes = new java.util.TreeSet<>();
    private final List<String[]> shown = new ArrayList<>();
    private Path failureFile;
    private Writer failureRows;
    private boolean checkedOnly;

    public Summary() {
        for (String s : List.of(Outcome.VALID, Outcome.INVALID, Outcome.ERROR)) status.put(s, 0L);
    }

    /** Keep every failure (in a temporary file) so {@link #writeCsv} can list them all. */
    public Summary keepingAllFailures() throws IOException {
        failureFile = Files.createTempFile("verdant-batch-failures-", ".csv");
        failureFile.toFile().deleteOnExit();
        failureRows = new BufferedWriter(Files.newBufferedWriter(failureFile, StandardCharsets.UTF_8));
        return this;
    }

    /** The inputs were read and checked, not scored ({@code --validate-only}): no grades, eligibility or scores to count. */
    public Summary checkingOnly() {
        checkedOnly = true;
        return this;
    }

    public boolean checkedOnly() {
        return checkedOnly;
    }

    public void add(Outcome o) throws IOException {
        total++;
        status.merge(o.status(), 1L, Long::sum);
        if (o.failed()) {
            failures++;
            errorCodes.add(o.exitCode());
            String[] row = {"failed", o.label(), o.status(), o.firstProblem(), o.input()};
            if (shown.size() < SHOWN_FAILURES) shown.add(row);
            if (failureRows != null) failureRows.write(csvRow(java.util.Arrays.copyOf(row, 4)));
            return;
        }
        schemes.merge(o.scheme(), 1L, Long::sum);
        editions.merge(o.edition(), 1L, Long::sum);
        if (checkedOnly) return;
        grades.merge(o.grade() == null ? "(none)" : o.grade(), 1L, Long::sum);
        eligible.merge(String.valueOf(o.eligible()), 1L, Long::sum);
        if (o.score() == null) {
            unscored++;
        } else {
            scored++;
            scores.merge(o.score().stripTrailingZeros(), 1L, Long::sum);
        }
    }

    public long total() {
        return total;
    }

    public long count(String statusName) {
        return status.getOrDefault(statusName, 0L);
    }

    /** The exit codes {@code evaluate} would have given the failed inputs. */
    public java.util.Set<Integer> errorCodes() {
        return errorCodes;
    }

    public long failures() {
        return failures;
    }

    public Map<String, Long> schemes() {
        return schemes;
    }

    public Map<String, Long> editions() {
        return editions;
    }

    public Map<String, Long> grades() {
        return grades;
    }

    /** The score at quantile {@code q} (0..1), interpolating linearly between neighbouring ranks; null with no score. */
    public BigDecimal quantile(double q) {
        if (scored == 0) return null;
        double rank = q * (scored - 1);
        long lo = (long) Math.floor(rank);
        long hi = (long) Math.ceil(rank);
        BigDecimal a = atRank(lo);
        BigDecimal b = hi == lo ? a : atRank(hi);
        BigDecimal frac = BigDecimal.valueOf(rank - lo);
        return a.add(b.subtract(a).multiply(frac)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    private BigDecimal atRank(long rank) {
        long seen = 0;
        for (Map.Entry<BigDecimal, Long> e : scores.entrySet()) {
            seen += e.getValue();
            if (rank < seen) return e.getKey();
        }
        return scores.lastKey();
    }

    /** Counts per 10-point bin: [0,10), [10,20), …, [90,100] (100 falls in the last), plus below 0 and above 100 when any. */
    public Map<String, Long> histogram() {
        Map<String, Long> bins = new java.util.LinkedHashMap<>();
        long below = 0;
        long above = 0;
        long[] counts = new long[10];
        for (Map.Entry<BigDecimal, Long> e : scores.entrySet()) {
            double s = e.getKey().doubleValue();
            if (s < 0) below += e.getValue();
            else if (s > 100) above += e.getValue();
            else counts[Math.min(9, (int) Math.floor(s / 10))] += e.getValue();
        }
        if (below > 0) bins.put("<0", below);
        for (int i = 0; i < 10; i++) bins.put((i * 10) + "-" + (i * 10 + 10), counts[i]);
        if (above > 0) bins.put(">100", above);
        return bins;
    }

    /** The summary for a person: counts, score distribution, the first failures. */
    public String text() {
        return text("en");
    }

    /** The summary for a terminal in {@code lang} (zh or en): statuses and eligibility labelled, codes (schemes, editions) as they are. */
    public String text(String lang) {
        boolean en = "en".equals(lang);
        java.util.function.UnaryOperator<String> label = en ? x -> x : Summary::zh;
        StringBuilder b = new StringBuilder();
        b.append(row(en ? "inputs" : "输入", String.valueOf(total)));
        b.append(row(en ? "status" : "状态", join(status, label) + (checkedOnly ? (en ? " (checked, not scored)" : "（只检查，未评分）") : "")));
        if (!schemes.isEmpty()) {
            b.append(row(en ? "scheme" : "评价体系", join(schemes, x -> x)));
            b.append(row(en ? "edition" : "版本", join(editions, x -> x)));
        }
        if (!schemes.isEmpty() && !checkedOnly) {
            b.append(row(en ? "grade" : "等级", join(grades, label)));
            b.append(row(en ? "eligible" : "符合条件", join(eligible, label)));
        }
        if (scored > 0) {
            b.append(row(en ? "score" : "得分", en
                    ? String.format("n %d, min %s, q1 %s, median %s, q3 %s, max %s%s", scored, plain(scores.firstKey()), plain(quantile(0.25)),
                    plain(quantile(0.5)), plain(quantile(0.75)), plain(scores.lastKey()), unscored > 0 ? " (" + unscored + " verdicts without a score)" : "")
                    : String.format("n %d，最低 %s，下四分位 %s，中位数 %s，上四分位 %s，最高 %s%s", scored, plain(scores.firstKey()), plain(quantile(0.25)),
                    plain(quantile(0.5)), plain(quantile(0.75)), plain(scores.lastKey()), unscored > 0 ? "（" + unscored + " 份结论没有得分）" : "")));
            long max = histogram().values().stream().mapToLong(Long::longValue).max().orElse(1);
            for (Map.Entry<String, Long> e : histogram().entrySet()) {
                int bar = max == 0 ? 0 : (int) Math.round(40.0 * e.getValue() / max);
                b.append(String.format("%-10s %7s %s %d%n", "", e.getKey(), "#".repeat(bar), e.getValue()));
            }
        } else if (unscored > 0) {
            b.append(row(en ? "score" : "得分", en ? "none (" + unscored + " verdicts without a score)" : "无（" + unscored + " 份结论没有得分）"));
        }
        if (failures > 0) {
            b.append(en ? "failed (first error):\n" : "未完成（第一个错误）：\n");
            for (String[] r : shown) {
                // the first error names the file (and the line, in a stream); the label only when it does not
                boolean named = r[3].startsWith(r[4] + ":") && r[1].equals(r[4]);
                b.append("  [").append(label.apply(r[2])).append("] ").append(named ? "" : r[1] + ": ").append(r[3]).append('\n');
            }
            if (failures > shown.size()) {
                b.append(en ? "  … and " + (failures - shown.size()) + " more (every one in the results, and in the --summary CSV)\n"
                        : "  … 另有 " + (failures - shown.size()) + " 个（全部见结果，以及 --summary 的 CSV）\n");
            }
        }
        return b.toString();
    }

    /** A heading padded to ten columns by display width (a Chinese heading is two columns a character), then the value. */
    private static String row(String heading, String value) {
        return org.verdant.text.DisplayWidth.padRight(heading, 10) + " " + value + "\n";
    }

    /** The Chinese for a status, an eligibility or the no-grade mark; anything else (a grade such as ★★★) as it is. */
    private static String zh(String word) {
        return switch (word) {
            case Outcome.VALID -> "有效";
            case Outcome.INVALID -> "无效";
            case Outcome.ERROR -> "内部错误";
            case "true" -> "是";
            case "false" -> "否";
            case "null" -> "未确定";
            case "(none)" -> "（无）";
            default -> word;
        };
    }

    /** The summary as CSV: {@code section,key,value,detail}; the same for any number of threads. */
    public void writeCsv(Path file) throws IOException {
        if (failureRows != null) failureRows.flush();
        try (org.verdant.files.SafeFile.Pending pending = org.verdant.files.SafeFile.open(file);
             Writer w = new BufferedWriter(new java.io.OutputStreamWriter(pending, StandardCharsets.UTF_8))) {
            w.write(Csv.BOM);
            w.write(Csv.row("section", "key", "value", "detail"));
            w.write(csvRow(new String[]{"inputs", "total", String.valueOf(total), ""}));
            rows(w, "status", status);
            rows(w, "scheme", schemes);
            rows(w, "edition", editions);
            if (checkedOnly) w.write(csvRow(new String[]{"inputs", "checked_only", "true", ""}));
            rows(w, "grade", grades);
            rows(w, "eligible", eligible);
            if (!checkedOnly) {
                w.write(csvRow(new String[]{"score", "count", String.valueOf(scored), ""}));
                w.write(csvRow(new String[]{"score", "without_score", String.valueOf(unscored), ""}));
            }
            if (scored > 0) {
                w.write(csvRow(new String[]{"score", "min", plain(scores.firstKey()), ""}));
                w.write(csvRow(new String[]{"score", "q1", plain(quantile(0.25)), ""}));
                w.write(csvRow(new String[]{"score", "median", plain(quantile(0.5)), ""}));
                w.write(csvRow(new String[]{"score", "q3", plain(quantile(0.75)), ""}));
                w.write(csvRow(new String[]{"score", "max", plain(scores.lastKey()), ""}));
            }
            if (!checkedOnly) rows(w, "histogram", histogram());
            if (failureFile != null) {
                try (var r = Files.newBufferedReader(failureFile, StandardCharsets.UTF_8)) {
                    r.transferTo(w);
                }
            } else {
                for (String[] row : shown) w.write(csvRow(java.util.Arrays.copyOf(row, 4)));
            }
            w.flush();
            pending.commit();
        }
    }

    @Override
    public void close() throws IOException {
        if (failureRows != null) {
            failureRows.close();
            failureRows = null;
            Files.deleteIfExists(failureFile);
        }
    }

    private static void rows(Writer w, String section, Map<String, Long> counts) throws IOException {
        for (Map.Entry<String, Long> e : counts.entrySet()) w.write(csvRow(new String[]{section, e.getKey(), String.valueOf(e.getValue()), ""}));
    }

    static String csvRow(String[] fields) {
        return Csv.row(fields);
    }

    private static String join(Map<String, Long> counts, java.util.function.UnaryOperator<String> label) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (b.length() > 0) b.append(" · ");
            b.append(label.apply(e.getKey())).append(' ').append(e.getValue());
        }
        return b.toString();
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
