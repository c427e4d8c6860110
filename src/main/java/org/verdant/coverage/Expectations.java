package org.verdant.coverage;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.ParseException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.verdant.text.Suggest;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Node;
import org.verdant.yaml.Problem;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The figures a reviewer checks in a fixture's verdict, written by hand from the fixture's hand
 * computation (format {@value #FORMAT}, documented in fixtures/README.md), and their check against
 * the JSON verdict. Only what the file names is checked, so a changed figure fails exactly the
 * expectations that depend on it, each as one line {@code file:line:column: path: message}.
 *
 * <p>Numbers may be written as arithmetic ({@code "301080 / 3.12e6 * 1000"}). An expected number
 * matches when it is within: half a unit of the 4th decimal for points, max, weight, ratio and
 * weight_share (the verdict rounds them so); of the 2nd for score, weighted_score and gi; for other
 * values a relative 1e-6, or half a unit of the 6th decimal the verdict writes, whichever is larger;
 * or an explicit {@code {value: …, margin: …}}.
 */
public final class Expectations {
    public static final String FORMAT = "verdant.expect/1";

    private static final List<String> TOP = List.of("format", "eligible", "mandatory_met", "score", "grade",
            "gates", "categories", "criteria", "green_index");
    private static final List<String> STATUSES = List.of("met", "partly_met", "not_met", "missing_data", "not_applicable");
    /** Fields of a gate or criterion itself; every other key names one of its values. */
    private static final Set<String> ENTRY_FIELDS = Set.of("status", "points", "max");
    private static final Map<String, Integer> ROUNDED_TO = Map.of("points", 4, "max", 4, "weight", 4, "ratio", 4,
            "weight_share", 4, "score", 2, "weighted_score", 2, "gi", 2);
    private static final int VALUE_DECIMALS = 6;
    private static final BigDecimal RELATIVE = new BigDecimal("1e-6");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final Problems problems = new Problems();

    private Expectations() {
    }

    /**
     * Checks the expectation file {@code file} (its bytes) against a JSON verdict: every figure
     * that differs and every problem of the file itself, in file order; empty when all hold.
     */
    public static List<Problem> check(String file, byte[] bytes, String verdictJson) {
        Expectations e = new Expectations();
        YamlNode root = YamlReader.read(file, bytes, e.problems);
        if (root != null) {
            JsonNode verdict;
            try {
                verdict = JSON.readTree(verdictJson);
            } catch (Exception ex) {
                verdict = null;
            }
            if (verdict == null || !verdict.isObject()) {
                e.problems.add(root.location(), "", Msg.of("expect.no_verdict"));
            } else {
                e.document(root, verdict);
            }
        }
        return e.problems.sorted();
    }

    private void document(YamlNode root, JsonNode verdict) {
        Node doc = Node.of(root, problems, TOP);
        if (doc == null) return;
        YamlNode format = doc.raw("format");
        if (!(format instanceof YamlNode.Scalar s) || !FORMAT.equals(s.text())) {
            problems.add(format != null ? format.location() : root.location(), "format",
                    Msg.of("expect.format", FORMAT, format == null ? "" : Msg.of("expect.format_found", text(format))));
        }
        for (String flag : List.of("eligible", "mandatory_met")) {
            if (doc.mapping().has(flag)) flag(doc.raw(flag), verdict.get(flag), flag);
        }
        if (doc.mapping().has("score")) figure(doc.raw("score"), verdict.get("score"), "score", "score");
        if (doc.mapping().has("grade")) grade(doc.raw("grade"), verdict.get("grade"));
        if (doc.mapping().has("gates")) judged(doc.raw("gates"), verdict.path("gates"), "gate");
        if (doc.mapping().has("criteria")) judged(doc.raw("criteria"), verdict.path("criteria"), "criterion");
        if (doc.mapping().has("categories")) categories(doc.raw("categories"), verdict.path("categories"));
        if (doc.mapping().has("green_index")) greenIndex(doc.raw("green_index"), verdict.path("green_index").path("years"));
    }

    private void flag(YamlNode expected, JsonNode actual, String path) {
        if (!(expected instanceof YamlNode.Scalar s) || !(s.isNull() || s.type().equals("bool"))) {
            problems.add(expected, Msg.of("expect.flag"));
            return;
        }
        String want = s.isNull() ? "null" : s.text().toLowerCase();
        String have = actual == null ? "absent" : actual.isNull() ? "null" : actual.asText();
        if (!want.equals(have)) fail(expected, path, want, have);
    }

    private void grade(YamlNode expected, JsonNode actual) {
        if (!(expected instanceof YamlNode.Scalar s)) {
            problems.add(expected, Msg.of("expect.grade"));
            return;
        }
        String want = s.isNull() ? "null" : s.text();
        String have = actual == null ? "absent" : actual.isNull() ? "null" : actual.asText();
        if (!want.equals(have)) fail(expected, "grade", want, have);
    }

    /** Gates or criteria by id: a status alone, or a mapping of status, points, max and values. */
    private void judged(YamlNode section, JsonNode list, String kind) {
        if (!(section instanceof YamlNode.Mapping m)) {
            problems.add(section, Msg.of("expect.ids_" + kind));
            return;
        }
        for (YamlNode.Entry e : m.entries().values()) {
            String path = e.value().path();
            JsonNode entry = byKey(list, "id", e.key());
            if (entry == null) {
                problems.add(e.keyLocation(), path, Msg.of("expect.no_" + kind, e.key()));
                continue;
            }
            if (e.value() instanceof YamlNode.Scalar s) {
                status(s, entry, path);
                continue;
            }
            if (!(e.value() instanceof YamlNode.Mapping fields)) {
                problems.add(e.value(), Msg.of("expect.item"));
                continue;
            }
            for (YamlNode.Entry f : fields.entries().values()) {
                if (f.key().equals("status")) {
                    status(f.value(), entry, f.value().path());
                } else if (ENTRY_FIELDS.contains(f.key())) {
                    compare(f.value(), entry.get(f.key()), f.key(), f.value().path());
                } else {
                    compare(f.value(), entry.path("values").get(f.key()), f.key(), f.value().path());
                }
            }
        }
    }

    private void status(YamlNode expected, JsonNode entry, String path) {
        String statusPath = path.endsWith(".status") ? path : path + ".status";
        if (!(expected instanceof YamlNode.Scalar s) || s.isNull() || !STATUSES.contains(s.text())) {
            String typed = text(expected);
            problems.add(expected.location(), statusPath, Msg.of("expect.not_status", typed, Suggest.nearest(typed, STATUSES)
                    .map(x -> Msg.of("expect.did_you_mean", x)).orElse(Msg.of("expect.one_of", String.join(", ", STATUSES)))));
            return;
        }
        String have = entry.path("status").asText();
        if (!s.text().equals(have)) fail(expected, statusPath, s.text(), have);
    }

    private void categories(YamlNode section, JsonNode list) {
        if (!(section instanceof YamlNode.Mapping m)) {
            problems.add(section, Msg.of("expect.ids_category"));
            return;
        }
        for (YamlNode.Entry e : m.entries().values()) {
            JsonNode category = byKey(list, "id", e.key());
            if (category == null) {
                problems.add(e.keyLocation(), e.value().path(), Msg.of("expect.no_category", e.key()));
            } else if (!(e.value() instanceof YamlNode.Mapping)) {
                problems.add(e.value(), Msg.of("expect.category", "{points: …, max: …}"));
            } else {
                compare(e.value(), category, e.key(), e.value().path());
            }
        }
    }

    /** Years of the park green index: the GI alone, or a mapping of the year's fields. */
    private void greenIndex(YamlNode section, JsonNode years) {
        if (!(section instanceof YamlNode.Mapping m)) {
            problems.add(section, Msg.of("expect.years"));
            return;
        }
        for (YamlNode.Entry e : m.entries().values()) {
            JsonNode year = byKey(years, "year", e.key());
            if (year == null) {
                problems.add(e.keyLocation(), e.value().path(), Msg.of("expect.no_year", e.key()));
            } else if (e.value() instanceof YamlNode.Mapping) {
                compare(e.value(), year, e.key(), e.value().path());
            } else {
                figure(e.value(), year.get("gi"), "gi", e.value().path() + ".gi");
            }
        }
    }

    /** Compares an expected node with the verdict's, by the verdict's type: number, text, true/false, list or object. */
    private void compare(YamlNode expected, JsonNode actual, String key, String path) {
        if (actual == null || actual.isMissingNode()) {
            problems.add(expected.location(), path, Msg.of("expect.no_value", shown(expected)));
        } else if (actual.isNumber()) {
            figure(expected, actual, key, path);
        } else if (actual.isArray()) {
            if (!(expected instanceof YamlNode.Sequence seq)) {
                fail(expected, path, shown(expected), Msg.of("expect.a_list", actual.size()));
            } else if (seq.items().size() != actual.size()) {
                fail(expected, path, Msg.of("expect.items", seq.items().size()), Msg.of("expect.items", actual.size()));
            } else {
                for (int i = 0; i < actual.size(); i++) compare(seq.items().get(i), actual.get(i), key, seq.items().get(i).path());
            }
        } else if (actual.isObject()) {
            if (!(expected instanceof YamlNode.Mapping m)) {
                fail(expected, path, shown(expected), Msg.of("expect.a_mapping"));
                return;
            }
            for (YamlNode.Entry e : m.entries().values()) compare(e.value(), actual.get(e.key()), e.key(), e.value().path());
        } else {
            String have = actual.isNull() ? "null" : actual.asText();
            String want = expected instanceof YamlNode.Scalar s ? (s.isNull() ? "null" : s.text()) : shown(expected);
            if (!want.equals(have)) fail(expected, path, want, have);
        }
    }

    /** A number: plain, arithmetic, or {value, margin}, within the tolerance of {@code key}. */
    private void figure(YamlNode expected, JsonNode actual, String key, String path) {
        if (expected instanceof YamlNode.Scalar s && s.isNull()) {
            if (actual != null && !actual.isNull()) fail(expected, path, "null", actual.asText());
            return;
        }
        YamlNode valueNode = expected;
        BigDecimal margin = null;
        if (expected instanceof YamlNode.Mapping m) {
            Node n = Node.of(m, problems, "value", "margin");
            valueNode = m.get("value");
            if (valueNode == null || m.get("margin") == null) {
                problems.add(m, Msg.of("expect.margin", "{value: …, margin: …}"));
                return;
            }
            margin = number(m.get("margin"));
            if (margin == null || n == null) return;
            margin = margin.abs();
        }
        BigDecimal want = number(valueNode);
        if (want == null) return;
        if (actual == null || actual.isNull() || !actual.isNumber()) {
            fail(valueNode, path, shown(valueNode) + tolerance(margin), actual == null ? Msg.of("expect.no_such_value") : actual.isNull() ? "null" : actual.asText());
            return;
        }
        BigDecimal have = actual.decimalValue();
        BigDecimal allowed = margin != null ? margin : tolerance(key, want);
        if (have.subtract(want).abs().compareTo(allowed) > 0) {
            fail(valueNode, path, shown(valueNode) + tolerance(margin), have.toPlainString());
        }
    }

    private static BigDecimal tolerance(String key, BigDecimal want) {
        Integer places = ROUNDED_TO.get(key);
        BigDecimal half = BigDecimal.valueOf(5, (places == null ? VALUE_DECIMALS : places) + 1);
        // The verdict rounds half-up from a double: a hand value exactly on the half may land either side.
        half = half.add(BigDecimal.valueOf(1, 12));
        return places != null ? half : half.max(want.abs().multiply(RELATIVE));
    }

    private static String tolerance(BigDecimal margin) {
        return margin == null ? "" : " ± " + margin.toPlainString();
    }

    /** The number a scalar stands for (a plain number or arithmetic), or null with the problem recorded. */
    private BigDecimal number(YamlNode node) {
        if (!(node instanceof YamlNode.Scalar s) || s.isNull() || s.type().equals("bool")) {
            problems.add(node, Msg.of("expect.number"));
            return null;
        }
        try {
            EvaluationValue v = new Expression(s.text()).evaluate();
            if (!v.isNumberValue()) {
                problems.add(node, Msg.of("expect.not_number", s.text()));
                return null;
            }
            return v.getNumberValue();
        } catch (ParseException | EvaluationException e) {
            problems.add(node, Msg.of("expect.not_arithmetic", s.text(), String.valueOf(e.getMessage())));
            return null;
        }
    }

    /** How an expected value reads in a failure: arithmetic with its result, else as written. */
    private static String shown(YamlNode node) {
        if (!(node instanceof YamlNode.Scalar s)) return text(node);
        if (s.isNull() || s.type().equals("bool") || isPlainNumber(s.text())) return s.text();
        try {
            EvaluationValue v = new Expression(s.text()).evaluate();
            if (v.isNumberValue()) {
                BigDecimal r = v.getNumberValue().round(new MathContext(10, RoundingMode.HALF_UP)).stripTrailingZeros();
                return s.text() + " = " + r.toPlainString();
            }
        } catch (ParseException | EvaluationException e) {
            // shown as written; the problem itself is reported where the number is read
        }
        return s.text();
    }

    private static boolean isPlainNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String text(YamlNode node) {
        if (node == null) return "";
        if (node instanceof YamlNode.Scalar s) return s.isNull() ? "null" : s.text();
        return node.kind();
    }

    /** {@code expected} and {@code actual}: a value as written, or words (a {@link Msg}) put in the reader's language where shown. */
    private void fail(YamlNode at, String path, Object expected, Object actual) {
        problems.add(at.location(), path, Msg.of("expect.differs", expected, actual));
    }

    private static JsonNode byKey(JsonNode list, String field, String key) {
        for (JsonNode n : list) {
            if (n.path(field).asText().equals(key)) return n;
        }
        return null;
    }
}
