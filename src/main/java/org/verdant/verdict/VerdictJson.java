package org.verdant.verdict;

import org.verdant.text.Messages;
import org.verdant.text.Numbers;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.findings.Finding;
import org.verdant.rulebook.Figure;
import org.verdant.submission.Submission;
import org.verdant.verdict.Verdict;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Stage 5 (machine-readable): the verdict as JSON, format verdant.verdict/1. Key order is fixed
 * and no clock time is written, so the same input and rulebook give byte-identical output.
 */
public final class VerdictJson {
    public static final String FORMAT = "verdant.verdict/1";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private VerdictJson() {
    }

    public static String write(Verdict v, Messages m) {
        return write(v, m, null);
    }

    /**
     * The verdict with a {@code trace} object in every gate and criterion ({@code traces}, by id,
     * as the explain package writes them; null: none, as without --trace).
     */
    public static String write(Verdict v, Messages m, Map<String, ? extends JsonNode> traces) {
        java.io.StringWriter out = new java.io.StringWriter(96 * 1024);
        try (JsonGenerator g = INDENTED.createGenerator(out)) {
            VerdictStream.write(g, MAPPER, v, m, traces, true);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.append('\n').toString();
    }

    /** The canonical text of a verdict-shaped tree: indented, plain decimals, one final newline. */
    public static String text(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toJson(Verdict v, Messages m) {
        return toJson(v, m, null);
    }

    private static final com.fasterxml.jackson.databind.ObjectWriter INDENTED = MAPPER.writer();
    private static final com.fasterxml.jackson.databind.ObjectWriter COMPACT = MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    /**
     * The verdict as one compact JSON line (no final newline), as {@code batch} writes each: the
     * same content as {@link #toJson}, streamed without building the tree.
     */
    public static byte[] compact(Verdict v, Messages m) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
        try (JsonGenerator g = COMPACT.createGenerator(out)) {
            VerdictStream.write(g, MAPPER, v, m, null, false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * {@link #compact}'s bytes and a newline, as {@code batch} writes each line: written into a
     * buffer the thread keeps, so a line costs one copy (its own array) instead of a fresh 64 kB
     * buffer, its copy, and a copy one byte longer for the newline (~2 % of a batch line's CPU).
     */
    public static byte[] compactLine(Verdict v, Messages m) {
        LineBuffer out = LINE_BUFFER.get();
        out.reset();
        try (JsonGenerator g = COMPACT.createGenerator(out)) {
            VerdictStream.write(g, MAPPER, v, m, null, false);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.write('\n');
        byte[] line = out.toByteArray();
        // an unusually long verdict's grown buffer is not kept for the thread's later, ordinary ones
        if (out.capacity() > LineBuffer.KEPT_MAX) LINE_BUFFER.remove();
        return line;
    }

    private static final ThreadLocal<LineBuffer> LINE_BUFFER = ThreadLocal.withInitial(LineBuffer::new);

    /** The thread's line buffer: sized for a verdict (~58 kB), kept while it stays below {@link #KEPT_MAX}. */
    private static final class LineBuffer extends java.io.ByteArrayOutputStream {
        static final int KEPT_MAX = 256 * 1024;

        LineBuffer() {
            super(64 * 1024);
        }

        int capacity() {
            return buf.length;
        }
    }

    /** A generator as {@link #write} makes one (indented, into characters), for a fragment written ahead. */
    static JsonGenerator generator(java.io.Writer out) throws java.io.IOException {
        return INDENTED.createGenerator(out);
    }

    /** A generator as {@link #compact} makes one (one line, into UTF-8), for a fragment written ahead. */
    static JsonGenerator generator(java.io.OutputStream out) throws java.io.IOException {
        return COMPACT.createGenerator(out);
    }

    public static ObjectNode toJson(Verdict v, Messages m, Map<String, ? extends JsonNode> traces) {
        Submission s = v.submission();
        ObjectNode root = NODES.objectNode();
        root.put("format", FORMAT);
        root.put("scheme", v.scorecard().scheme());
        root.put("edition", v.scorecard().edition());
        root.put("lang", m.lang());
        if (v.scorecard().table() != null) root.set("indicator_table", table(v));
        ObjectNode facility = root.putObject("facility");
        facility.put("name", s.facility().name());
        facility.put("credit_code", s.facility().creditCode());
        facility.put("industry", s.facility().industry());
        facility.put("province", s.facility().province());
        root.put("evaluation_date", s.evaluationDate().toString());
        root.put("reporting_year", s.reportingYear());
        if (s.evaluator() != null) {
            ObjectNode ev = root.putObject("evaluator");
            ev.put("organisation", s.evaluator().organisation());
            ev.put("kind", s.evaluator().kind());
            ev.put("lead", s.evaluator().lead());
        } else {
            root.putNull("evaluator");
        }
        if (v.eligible() != null) root.put("eligible", v.eligible()); else root.putNull("eligible");
        root.put("mandatory_met", v.mandatoryMet());
        if (v.hasScore()) root.put("score", round(v.score(), 2)); else root.putNull("score");
        if (v.grade().label() != null) root.put("grade", v.grade().label()); else root.putNull("grade");
        ObjectNode grading = root.putObject("grading");
        if (v.grade().tableId() != null) grading.put("table", v.grade().tableId()); else grading.putNull("table");
        if (v.grade().whyNone() != null) grading.put("reason", m.get(v.grade().whyNone()));
        ArrayNode cats = root.putArray("categories");
        for (Verdict.CategoryResult c : v.categories()) {
            ObjectNode o = cats.addObject();
            o.put("id", c.spec().id());
            o.put("name", c.spec().name().in(m.lang()));
            if (c.weighted() == null) continue; // nothing is scored: the category only groups its criteria
            if (c.spec().weight() != null) o.put("weight", round(c.spec().weight().number(), 4));
            o.put("points", round(c.points(), 4));
            o.put("max", round(c.max(), 4));
            if (c.score() != null) o.put("score", round(c.score(), 2));
            o.put("weighted_score", round(c.weighted(), 2));
        }
        if (v.greenIndex() != null) root.set("green_index", greenIndex(v.greenIndex()));
        ArrayNode gates = root.putArray("gates");
        for (Verdict.Judged g : v.gates()) gates.add(judged(g, m, false, traces == null ? null : traces.get(g.id())));
        ArrayNode criteria = root.putArray("criteria");
        for (Verdict.Judged c : v.criteria()) criteria.add(judged(c, m, true, traces == null ? null : traces.get(c.id())));
        ArrayNode warnings = root.putArray("warnings");
        for (Verdict.Warning w : v.warnings()) {
            ObjectNode o = warnings.addObject();
            o.put("code", w.code());
            if (w.criterion() != null) o.put("criterion", w.criterion());
            Figure f = w.figure();
            if (f != null) {
                o.put("figure", f.ref());
                o.set("value", value(f.value()));
                if (f.unit() != null) o.put("unit", f.unit());
                o.put("status", f.status());
                o.put("source", f.source());
            }
            o.put("message", warningText(w, m));
        }
        root.set("sources", VerdictSources.json(v, m));
        ObjectNode rulebook = root.putObject("rulebook");
        rulebook.put("digest", v.rulebookDigest());
        ArrayNode parts = rulebook.putArray("parts");
        v.rulebookParts().forEach(parts::add);
        ArrayNode files = rulebook.putArray("files");
        v.rulebookFiles().forEach(files::add);
        ObjectNode input = root.putObject("input");
        input.put("file", Path.of(s.file()).getFileName().toString());
        input.put("digest", v.inputDigest());
        if (v.assessment() != null) root.set("assessment", assessment(v.assessment()));
        ArrayNode collect = root.putArray("data_to_collect");
        for (org.verdant.verdict.DataToCollect.Item item : org.verdant.verdict.DataToCollect.of(v, m)) {
            ObjectNode o = collect.addObject();
            o.put("id", item.id());
            ArrayNode fields = o.putArray("fields");
            item.fields().forEach(fields::add);
        }
        root.putObject("engine").put("version", v.engineVersion());
        return root;
    }

    /**
     * Warnings about a scorecard's own figures (provisional weights, points, levels: about 80 in a
     * GB/T 36132-2018 verdict) read the same in every verdict under that scorecard, and rendering
     * each (its cited source shown in the reader's language) was about a sixth of writing a
     * verdict: their texts are kept by language, key and arguments. Only figure warnings (the
     * rulebook bounds them), and at most {@link #WARNING_TEXTS_MAX}; past that, rendered each time.
     */
    private static final Map<WarningText, String> WARNING_TEXTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int WARNING_TEXTS_MAX = 20_000;

    private record WarningText(String lang, String key, List<Object> args) {
    }

    static String warningText(Verdict.Warning w, Messages m) {
        if (w.figure() == null) return m.get(w.key(), w.args());
        WarningText key = new WarningText(m.lang(), w.key(), w.args());
        String known = WARNING_TEXTS.get(key);
        if (known != null) return known;
        String text = m.get(w.key(), w.args());
        if (WARNING_TEXTS.size() < WARNING_TEXTS_MAX) WARNING_TEXTS.put(key, text);
        return text;
    }

    /** The evaluator's assessment the verdict used: who, when, the document's digest and each judgement. */
    static ObjectNode assessment(org.verdant.assessment.Assessment a) {
        ObjectNode o = NODES.objectNode();
        o.put("file", Path.of(a.file()).getFileName().toString());
        o.put("digest", a.digest());
        o.put("organisation", a.organisation());
        if (a.lead() != null) o.put("lead", a.lead());
        o.put("date", a.date().toString());
        ArrayNode claims = o.putArray("claims");
        for (org.verdant.assessment.ClaimAssessment c : a.claims()) {
            ObjectNode x = claims.addObject();
            x.put("id", c.criterionId());
            x.put("accepted", c.accepted());
            if (c.degree() != null) x.set("degree", value(c.degree()));
            if (c.note() != null) x.put("note", c.note());
            if (!c.evidence().isEmpty()) c.evidence().forEach(f -> x.withArray("evidence").add(f.sha256()));
        }
        return o;
    }

    /** One gate or criterion as the verdict writes it, with its trace node when given. */
    public static ObjectNode judged(Verdict.Judged j, Messages m, boolean scored, JsonNode trace) {
        Finding f = j.finding();
        ObjectNode o = NODES.objectNode();
        o.put("id", j.id());
        if (scored) {
            o.put("category", j.category());
            o.put("type", j.type());
        } else if (!"gate".equals(j.type())) {
            o.put("kind", j.type());
        }
        o.put("name", j.name().in(m.lang()));
        o.put("status", f.status().code());
        if (scored) {
            o.put("points", round(f.points(), 4));
            o.put("max", round(f.max(), 4));
        }
        o.put("clause", j.clause());
        o.put("reason", m.get(f.reasonKey(), f.reasonArgs()));
        o.put("reason_code", f.reasonKey());
        ObjectNode values = o.putObject("values");
        for (Map.Entry<String, Object> e : f.values().entrySet()) {
            if (e.getValue() instanceof org.verdant.findings.FindingCollector.FormReason r) {
                values.put(e.getKey(), m.get(r.key(), r.arg()));
            } else {
                values.set(e.getKey(), value(org.verdant.findings.Values.inLanguage(e.getValue(), m)));
            }
        }
        ArrayNode evidence = o.putArray("evidence");
        f.evidence().forEach(evidence::add);
        if (!f.notes().isEmpty()) {
            ArrayNode notes = o.putArray("notes");
            f.notes().forEach(n -> notes.add(org.verdant.findings.Values.text(n, m)));
        }
        o.put("rule", f.rule());
        if (trace != null) o.set("trace", trace);
        return o;
    }

    /**
     * The indicator table the verdict was scored against (GB/T 36132-2025): which, which version,
     * its digest, how it was chosen, and its pass line (6.2: absent unless the table states one).
     */
    static ObjectNode table(Verdict v) {
        org.verdant.rulebook.IndicatorTable t = v.scorecard().table();
        ObjectNode o = NODES.objectNode();
        o.put("id", t.id());
        o.put("version", t.version());
        o.put("kind", t.kind().code());
        o.put("status", t.status());
        if (t.province() != null) o.put("province", t.province());
        o.put("digest", t.digest());
        o.put("chosen_by", v.scorecard().tableChoice());
        if (t.passLine() == null) {
            o.putNull("pass_line");
            o.putNull("meets_pass_line");
        } else {
            o.put("pass_line", round(t.passLine().number(), 2));
            if (v.hasScore()) o.put("meets_pass_line", round(v.score(), 2).doubleValue() >= t.passLine().number() - 1e-9);
            else o.putNull("meets_pass_line");
        }
        return o;
    }

    static ObjectNode greenIndex(org.verdant.verdict.GreenIndex gi) {
        ObjectNode o = NODES.objectNode();
        ObjectNode switches = o.putObject("switches");
        gi.switches().forEach(sw -> switches.put(sw.name(), sw.value()));
        ArrayNode years = o.putArray("years");
        for (org.verdant.verdict.GreenIndex.Year y : gi.years()) {
            ObjectNode yo = years.addObject();
            yo.put("year", y.year());
            yo.put("gi", round(y.gi(), 2));
            yo.put("indicators_assessed", y.assessed());
            yo.put("optional_reported", y.optionalReported());
            ArrayNode missing = yo.putArray("mandatory_missing");
            y.mandatoryMissing().forEach(missing::add);
            yo.put("complete", y.complete());
            if (y.passes() != null) yo.put("passes", y.passes()); else yo.putNull("passes");
        }
        return o;
    }

    /** A finding value as JSON: numbers to six decimals, maps as objects, lists (any collection) as arrays. */
    public static JsonNode value(Object v) {
        if (v == null) return NODES.nullNode();
        if (v instanceof Double d) return Double.isFinite(d) ? NODES.numberNode(round(d, 6)) : NODES.nullNode();
        if (v instanceof Integer i) return NODES.numberNode(i);
        if (v instanceof Long l) return NODES.numberNode(l);
        if (v instanceof Boolean b) return NODES.booleanNode(b);
        if (v instanceof Map<?, ?> map) {
            ObjectNode o = NODES.objectNode();
            map.forEach((k, x) -> o.set(String.valueOf(k), value(x)));
            return o;
        }
        if (v instanceof java.util.Collection<?> list) {
            ArrayNode a = NODES.arrayNode();
            list.forEach(x -> a.add(value(x)));
            return a;
        }
        return NODES.textNode(String.valueOf(v));
    }

    private static BigDecimal round(double d, int places) {
        return Numbers.round(d, places);
    }
}
