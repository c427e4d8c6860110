package org.verdant.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.verdant.text.Json;

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

    /** One difference: what, its archived value and its value now ("—" for absent). */
    public record Difference(String what, String archived, String now) {
        @Override
        public String toString() {
            return what + ": " + archived + " → " + now;
        }
    }

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
        HEADLINE.forEach((path, what) -> field(out, what, pairs.headline(path).before(), pairs.headline(path).after()));
        for (VerdictComparer.Pair c : pairs.categories()) {
            field(out, "category " + c.name() + " score", c.before().path("score"), c.after().path("score"));
        }
        judged(out, pairs.gates());
        judged(out, pairs.criteria());
        if (pairs.warningsBefore() != pairs.warningsAfter()) {
            out.add(new Difference("warnings", String.valueOf(pairs.warningsBefore()), String.valueOf(pairs.warningsAfter())));
        }
        if (out.isEmpty()) {
            out.add(new Difference("wording", "the verdict JSON differs in text only (names, reasons, warnings or files listed)", "see the JSON"));
        }
        return new Result(false, out);
    }

    private static void judged(List<Difference> out, List<VerdictComparer.Judged> judged) {
        for (VerdictComparer.Judged j : judged) {
            JsonNode x = j.pair().before();
            JsonNode y = j.pair().after();
            String name = j.kind() + " " + j.id();
            if (x.isMissingNode() || y.isMissingNode()) {
                out.add(new Difference(name, x.isMissingNode() ? "—" : "present", y.isMissingNode() ? "—" : "present"));
                continue;
            }
            field(out, name + " status", x.path("status"), y.path("status"));
            field(out, name + " points", x.path("points"), y.path("points"));
            field(out, name + " max", x.path("max"), y.path("max"));
        }
    }

    private static void field(List<Difference> out, String what, JsonNode a, JsonNode b) {
        String x = text(a);
        String y = text(b);
        if (!Objects.equals(x, y)) out.add(new Difference(what, x, y));
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
