package org.verdant.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.verdant.text.Json;
import org.verdant.text.Text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between an archived verdict and a re-run of the same submission (paired by
 * {@link VerdictComparer}): identical bytes,
 * or each difference that matters to a reader (rulebook digest, engine version, edition,
 * eligibility, score, grade, category scores, and the status and points of every gate and
 * criterion), with anything else summed up as wording.
 */
public final class VerdictComparison {

    /**
     * One difference: what (the machine's English name, as JSON gives it), its archived value and
     * its value now ("—" for absent); {@code shown} is what in both languages, {@code values} the
     * two values where they are words rather than figures (null: as they are).
     */
    public record Difference(String what, String archived, String now, Text shown, List<Text> values) {
        public Difference(String what, String archived, String now) {
            this(what, archived, now, new Text(what, what), null);
        }

        @Override
        public String toString() {
            return what + ": " + archived + " → " + now;
        }

        /** The line a person reads, in {@code lang}. */
        public String in(String lang) {
            String a = values == null ? archived : values.get(0).in(lang);
            String b = values == null ? now : values.get(1).in(lang);
            return shown.in(lang) + ("en".equals(lang) ? ": " : "：") + a + " → " + b;
        }
    }

    /** The Chinese names of the headline fields, by path. */
    private static final Map<String, String> HEADLINE_ZH = Map.of("rulebook.digest", "规则库摘要", "engine.version", "引擎版本",
            "input.digest", "输入摘要", "edition", "版本", "eligible", "符合申报条件", "mandatory_met", "基本要求均满足", "score", "得分",
            "grade", "等级");
    private static final Map<String, String> KIND_ZH = Map.of("gate", "基本要求", "criterion", "指标", "category", "维度");
    private static final Map<String, String> PART_ZH = Map.of("status", "状态", "points", "得分", "max", "满分");

    /** The outcome: identical means byte-identical verdict JSON. */
    public record Result(boolean identical, List<Difference> differences) {
    }

    /** The headline fields compared, by path, with the names the differences give them. */
    private static final Map<String, String> HEADLINE = new LinkedHashMap<>();

    static {
        HEADLINE.put("rulebook.digest", "rulebook digest");
        HEADLINE.put("engine.version", "engine version");
        HEADLINE.put("input.digest", "input digest");
        for (String f : List.of("edition", "eligible", "mandatory_met", "score", "grade")) HEADLINE.put(f, f);
    }

    private VerdictComparison() {
    }

    public static Result compare(String archivedJson, String nowJson) {
        if (archivedJson.equals(nowJson)) return new Result(true, List.of());
        VerdictComparer.Pairs pairs = VerdictComparer.compare(parse(archivedJson), parse(nowJson));
        List<Difference> out = new ArrayList<>();
        HEADLINE.forEach((path, what) -> field(out, new Text(HEADLINE_ZH.get(path), what), pairs.headline(path).before(), pairs.headline(path).after()));
        for (VerdictComparer.Pair c : pairs.categories()) {
            field(out, new Text("维度 " + c.name() + " 得分", "category " + c.name() + " score"), c.before().path("score"), c.after().path("score"));
        }
        judged(out, pairs.gates());
        judged(out, pairs.criteria());
        if (pairs.warningsBefore() != pairs.warningsAfter()) {
            out.add(new Difference("warnings", String.valueOf(pairs.warningsBefore()), String.valueOf(pairs.warningsAfter()),
                    new Text("警告数", "warnings"), null));
        }
        if (out.isEmpty()) {
            String before = "the verdict JSON differs in text only (names, reasons, warnings or files listed)";
            out.add(new Difference("wording", before, "see the JSON", new Text("措辞", "wording"),
                    List.of(new Text("结论 JSON 仅文字不同（名称、理由、警告或所列文件）", before), new Text("见 JSON", "see the JSON"))));
        }
        return new Result(false, out);
    }

    private static void judged(List<Difference> out, List<VerdictComparer.Judged> judged) {
        for (VerdictComparer.Judged j : judged) {
            JsonNode x = j.pair().before();
            JsonNode y = j.pair().after();
            String name = j.kind() + " " + j.id();
            String zh = KIND_ZH.getOrDefault(j.kind(), j.kind()) + " " + j.id();
            if (x.isMissingNode() || y.isMissingNode()) {
                Text present = new Text("有", "present");
                Text absent = new Text("—", "—");
                out.add(new Difference(name, x.isMissingNode() ? "—" : "present", y.isMissingNode() ? "—" : "present", new Text(zh, name),
                        List.of(x.isMissingNode() ? absent : present, y.isMissingNode() ? absent : present)));
                continue;
            }
            for (String part : List.of("status", "points", "max")) {
                field(out, new Text(zh + " " + PART_ZH.get(part), name + " " + part), x.path(part), y.path(part));
            }
        }
    }

    private static void field(List<Difference> out, Text what, JsonNode a, JsonNode b) {
        String x = text(a);
        String y = text(b);
        if (!Objects.equals(x, y)) out.add(new Difference(what.en(), x, y, what, null));
    }

    private static String text(JsonNode n) {
        if (n.isMissingNode()) return "—";
        if (n.isNull()) return "null";
        if (n.isNumber()) return plain(n.decimalValue()).toPlainString();
        return n.asText();
    }

    /** 90.50 → 90.5, 100.0 → 100: a figure as the archive lists it. */
    private static java.math.BigDecimal plain(java.math.BigDecimal d) {
        java.math.BigDecimal b = d.stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
