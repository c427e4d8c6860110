package org.verdant.verdict;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.verdant.findings.Finding;
import org.verdant.findings.FindingCollector;
import org.verdant.rulebook.Figure;
import org.verdant.rulebook.Scorecard;
import org.verdant.submission.Submission;
import org.verdant.text.Messages;
import org.verdant.text.Numbers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * {@link VerdictJson#toJson}'s fields streamed, for {@link VerdictJson#write} and
 * {@link VerdictJson#compact}. Most of a verdict's 58 kB are the same texts in every verdict under
 * one rulebook (the ~80 figure warnings with their sources, criterion names, clauses, rule names),
 * mostly Chinese: encoding them (char by char to UTF-8, escapes checked) was a third of writing the
 * JSON. They are written from {@link #constant} texts kept encoded, and every field name is too.
 * {@code VerdictJsonStreamTest} holds the stream to the tree's bytes.
 */
final class VerdictStream {
    private VerdictStream() {
    }

    /**
     * Texts of the rulebook (never of a submission), each with its quoted UTF-8 and characters,
     * encoded on first use. The rulebook bounds them; past {@link #CONSTANTS_MAX} (rulebooks read
     * again and again, as a server may), texts are encoded each time. A text holding a character
     * outside the BMP is never kept: the generator writes those as two escapes in UTF-8
     * ({@code \uD83C\uDF31}), a kept text would write its four bytes.
     */
    private static final Map<String, SerializedString> CONSTANTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int CONSTANTS_MAX = 50_000;
    /** Kept for a text that must be written as it is (see {@link #CONSTANTS}). */
    private static final SerializedString AS_IT_IS = new SerializedString("");

    /** {@code text} (null: JSON null) as {@link JsonGenerator#writeString(String)} writes it, from its kept encoding. */
    static void writeConstant(JsonGenerator g, String text) throws IOException {
        if (text == null) {
            g.writeNull();
            return;
        }
        SerializedString s = CONSTANTS.get(text);
        if (s == null) {
            s = hasSurrogate(text) ? AS_IT_IS : new SerializedString(text);
            if (CONSTANTS.size() < CONSTANTS_MAX) CONSTANTS.put(text, s);
        }
        if (s == AS_IT_IS) g.writeString(text); else g.writeString(s);
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) if (Character.isSurrogate(text.charAt(i))) return true;
        return false;
    }

    private static SerializedString name(String n) {
        return new SerializedString(n);
    }

    private static final SerializedString FORMAT = name("format"), SCHEME = name("scheme"), EDITION = name("edition"),
            LANG = name("lang"), INDICATOR_TABLE = name("indicator_table"), FACILITY = name("facility"), NAME = name("name"),
            CREDIT_CODE = name("credit_code"), INDUSTRY = name("industry"), PROVINCE = name("province"),
            EVALUATION_DATE = name("evaluation_date"), REPORTING_YEAR = name("reporting_year"), EVALUATOR = name("evaluator"),
            ORGANISATION = name("organisation"), KIND = name("kind"), LEAD = name("lead"), ELIGIBLE = name("eligible"),
            MANDATORY_MET = name("mandatory_met"), SCORE = name("score"), GRADE = name("grade"), GRADING = name("grading"),
            TABLE = name("table"), REASON = name("reason"), CATEGORIES = name("categories"), ID = name("id"),
            WEIGHT = name("weight"), POINTS = name("points"), MAX = name("max"), WEIGHTED_SCORE = name("weighted_score"),
            GREEN_INDEX = name("green_index"), GATES = name("gates"), CRITERIA = name("criteria"), WARNINGS = name("warnings"),
            CODE = name("code"), CRITERION = name("criterion"), FIGURE = name("figure"), VALUE = name("value"),
            UNIT = name("unit"), STATUS = name("status"), SOURCE = name("source"), MESSAGE = name("message"),
            SOURCES = name("sources"), RULEBOOK = name("rulebook"), DIGEST = name("digest"), PARTS = name("parts"),
            FILES = name("files"), INPUT = name("input"), FILE = name("file"), ASSESSMENT = name("assessment"),
            DATA_TO_COLLECT = name("data_to_collect"), FIELDS = name("fields"), ENGINE = name("engine"),
            VERSION = name("version"), CATEGORY = name("category"), TYPE = name("type"), CLAUSE = name("clause"),
            REASON_CODE = name("reason_code"), VALUES = name("values"), EVIDENCE = name("evidence"), NOTES = name("notes"),
            RULE = name("rule"), TRACE = name("trace"), TITLE = name("title"), SEE = name("see"), STATUSES = name("statuses"),
            CITED_AS = name("cited_as");
    private static final SerializedString FORMAT_TEXT = name(VerdictJson.FORMAT);

    /**
     * The scorecard's own figure warnings ({@link VerdictConstants#figureWarning}: the same
     * instances in every verdict under one scorecard), each written once per language and form
     * into a generator like the verdict's and then copied in raw: about half of a compact line.
     * Held strongly, so bounded like {@code Scorecard}'s memos: a rulebook read again (a server
     * reloading) brings new instances, and past {@link #KEPT_MAX} the kept ones start afresh, so
     * old rulebooks' warnings do not stay reachable from here (one not kept is written field by field).
     */
    private static final Map<Scorecard.Same, Encoded> KEPT = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int KEPT_MAX = 16_384;

    /** A warning's JSON object by language, as the indented and the compact generator write it. */
    private static final class Encoded {
        final Map<String, SerializedString> indented = new java.util.concurrent.ConcurrentHashMap<>(2);
        final Map<String, SerializedString> compact = new java.util.concurrent.ConcurrentHashMap<>(2);
    }

    /** {@code w} is a kept instance: its JSON may be written once and copied. */
    static void keep(Verdict.Warning w) {
        if (KEPT.size() >= KEPT_MAX) KEPT.clear();
        KEPT.putIfAbsent(new Scorecard.Same(w), new Encoded());
    }

    /**
     * {@code w}'s object exactly as {@link #warning} writes it into a generator of this form at
     * this depth: written after two placeholders into the same root object and array, and cut
     * out after the separator the second placeholder shows (the pretty printer's, or a comma).
     */
    private static SerializedString encoded(Verdict.Warning w, Messages m, boolean indented) throws IOException {
        java.io.StringWriter chars = new java.io.StringWriter(1024);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1024);
        int[] at = new int[3];
        try (JsonGenerator g = indented ? VerdictJson.generator(chars) : VerdictJson.generator(bytes)) {
            g.writeStartObject();
            g.writeFieldName(WARNINGS);
            g.writeStartArray();
            g.writeNumber(0);
            g.flush();
            at[0] = indented ? chars.getBuffer().length() : bytes.size();
            g.writeNumber(0);
            g.flush();
            at[1] = indented ? chars.getBuffer().length() : bytes.size();
            warning(g, w, m);
            g.flush();
            at[2] = indented ? chars.getBuffer().length() : bytes.size();
        }
        int from = at[1] + (at[1] - at[0] - 1); // past the separator before a value ("0" is one character)
        String text = indented ? chars.getBuffer().substring(from, at[2])
                : new String(bytes.toByteArray(), from, at[2] - from, java.nio.charset.StandardCharsets.UTF_8);
        return new SerializedString(text);
    }

    private static void warnings(JsonGenerator g, Verdict v, Messages m, boolean indented) throws IOException {
        for (Verdict.Warning w : v.warnings()) {
            Encoded kept = KEPT.get(new Scorecard.Same(w));
            if (kept == null) {
                warning(g, w, m);
                continue;
            }
            Map<String, SerializedString> byLang = indented ? kept.indented : kept.compact;
            SerializedString raw = byLang.get(m.lang());
            if (raw == null) {
                raw = encoded(w, m, indented);
                byLang.put(m.lang(), raw);
            }
            g.writeRawValue(raw);
        }
    }

    private static void warning(JsonGenerator g, Verdict.Warning w, Messages m) throws IOException {
        g.writeStartObject();
        constantField(g, CODE, w.code());
        if (w.criterion() != null) constantField(g, CRITERION, w.criterion());
        Figure f = w.figure();
        if (f != null) {
            constantField(g, FIGURE, f.ref());
            g.writeFieldName(VALUE);
            value(g, f.value(), null, true); // as the rulebook wrote it: no phrase to put in words
            if (f.unit() != null) constantField(g, UNIT, f.unit());
            constantField(g, STATUS, f.status());
            constantField(g, SOURCE, f.source());
            // a figure warning's text is the rulebook's (VerdictJson.warningText keeps it)
            constantField(g, MESSAGE, VerdictJson.warningText(w, m));
        } else {
            field(g, MESSAGE, VerdictJson.warningText(w, m));
        }
        g.writeEndObject();
    }

    /** {@code indented}: {@code g} is the indented generator of {@link VerdictJson#write} (else the compact line's). */
    static void write(JsonGenerator g, ObjectMapper mapper, Verdict v, Messages m, Map<String, ? extends JsonNode> traces,
                      boolean indented) throws IOException {
        Submission s = v.submission();
        g.writeStartObject();
        g.writeFieldName(FORMAT);
        g.writeString(FORMAT_TEXT);
        constantField(g, SCHEME, v.scorecard().scheme());
        constantField(g, EDITION, v.scorecard().edition());
        constantField(g, LANG, m.lang());
        if (v.scorecard().table() != null) {
            g.writeFieldName(INDICATOR_TABLE);
            mapper.writeTree(g, VerdictJson.table(v));
        }
        g.writeFieldName(FACILITY);
        g.writeStartObject();
        field(g, NAME, s.facility().name());
        field(g, CREDIT_CODE, s.facility().creditCode());
        field(g, INDUSTRY, s.facility().industry());
        field(g, PROVINCE, s.facility().province());
        g.writeEndObject();
        field(g, EVALUATION_DATE, s.evaluationDate().toString());
        g.writeFieldName(REPORTING_YEAR);
        g.writeNumber(s.reportingYear());
        g.writeFieldName(EVALUATOR);
        if (s.evaluator() != null) {
            g.writeStartObject();
            field(g, ORGANISATION, s.evaluator().organisation());
            field(g, KIND, s.evaluator().kind());
            field(g, LEAD, s.evaluator().lead());
            g.writeEndObject();
        } else {
            g.writeNull();
        }
        g.writeFieldName(ELIGIBLE);
        if (v.eligible() == null) g.writeNull(); else g.writeBoolean(v.eligible());
        g.writeFieldName(MANDATORY_MET);
        g.writeBoolean(v.mandatoryMet());
        if (v.hasScore()) {
            number(g, SCORE, v.score(), 2);
        } else {
            g.writeFieldName(SCORE);
            g.writeNull();
        }
        constantField(g, GRADE, v.grade().label());
        g.writeFieldName(GRADING);
        g.writeStartObject();
        constantField(g, TABLE, v.grade().tableId());
        if (v.grade().whyNone() != null) constantField(g, REASON, m.get(v.grade().whyNone()));
        g.writeEndObject();
        g.writeFieldName(CATEGORIES);
        g.writeStartArray();
        for (Verdict.CategoryResult c : v.categories()) {
            g.writeStartObject();
            constantField(g, ID, c.spec().id());
            constantField(g, NAME, c.spec().name().in(m.lang()));
            if (c.weighted() != null) { // else nothing is scored: the category only groups its criteria
                if (c.spec().weight() != null) number(g, WEIGHT, c.spec().weight().number(), 4);
                number(g, POINTS, c.points(), 4);
                number(g, MAX, c.max(), 4);
                if (c.score() != null) number(g, SCORE, c.score(), 2);
                number(g, WEIGHTED_SCORE, c.weighted(), 2);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        if (v.greenIndex() != null) {
            g.writeFieldName(GREEN_INDEX);
            mapper.writeTree(g, VerdictJson.greenIndex(v.greenIndex()));
        }
        g.writeFieldName(GATES);
        g.writeStartArray();
        for (Verdict.Judged j : v.gates()) judged(g, mapper, j, m, false, traces == null ? null : traces.get(j.id()));
        g.writeEndArray();
        g.writeFieldName(CRITERIA);
        g.writeStartArray();
        for (Verdict.Judged j : v.criteria()) judged(g, mapper, j, m, true, traces == null ? null : traces.get(j.id()));
        g.writeEndArray();
        g.writeFieldName(WARNINGS);
        g.writeStartArray();
        warnings(g, v, m, indented);
        g.writeEndArray();
        g.writeFieldName(SOURCES);
        sources(g, v, m);
        g.writeFieldName(RULEBOOK);
        g.writeStartObject();
        constantField(g, DIGEST, v.rulebookDigest());
        constants(g, PARTS, v.rulebookParts());
        constants(g, FILES, v.rulebookFiles());
        g.writeEndObject();
        g.writeFieldName(INPUT);
        g.writeStartObject();
        field(g, FILE, Path.of(s.file()).getFileName().toString());
        field(g, DIGEST, v.inputDigest());
        g.writeEndObject();
        if (v.assessment() != null) {
            g.writeFieldName(ASSESSMENT);
            mapper.writeTree(g, VerdictJson.assessment(v.assessment()));
        }
        g.writeFieldName(DATA_TO_COLLECT);
        g.writeStartArray();
        for (DataToCollect.Item item : DataToCollect.of(v, m)) {
            g.writeStartObject();
            constantField(g, ID, item.id());
            strings(g, FIELDS, item.fields());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName(ENGINE);
        g.writeStartObject();
        constantField(g, VERSION, v.engineVersion());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void judged(JsonGenerator g, ObjectMapper mapper, Verdict.Judged j, Messages m, boolean scored, JsonNode trace)
            throws IOException {
        Finding f = j.finding();
        g.writeStartObject();
        constantField(g, ID, j.id());
        if (scored) {
            constantField(g, CATEGORY, j.category());
            constantField(g, TYPE, j.type());
        } else if (!"gate".equals(j.type())) {
            constantField(g, KIND, j.type());
        }
        constantField(g, NAME, j.name().in(m.lang()));
        constantField(g, STATUS, f.status().code());
        if (scored) {
            number(g, POINTS, f.points(), 4);
            number(g, MAX, f.max(), 4);
        }
        constantField(g, CLAUSE, j.clause());
        field(g, REASON, m.get(f.reasonKey(), f.reasonArgs()));
        constantField(g, REASON_CODE, f.reasonKey());
        g.writeFieldName(VALUES);
        g.writeStartObject();
        for (Map.Entry<String, Object> e : f.values().entrySet()) {
            g.writeFieldName(e.getKey());
            if (e.getValue() instanceof FindingCollector.FormReason r) {
                g.writeString(m.get(r.key(), r.arg()));
            } else {
                value(g, e.getValue(), m, false);
            }
        }
        g.writeEndObject();
        strings(g, EVIDENCE, f.evidence());
        if (!f.notes().isEmpty()) {
            g.writeFieldName(NOTES);
            g.writeStartArray();
            for (Object n : f.notes()) g.writeString(org.verdant.findings.Values.text(n, m));
            g.writeEndArray();
        }
        constantField(g, RULE, f.rule());
        if (trace != null) {
            g.writeFieldName(TRACE);
            mapper.writeTree(g, trace);
        }
        g.writeEndObject();
    }

    /** The {@code sources} section as {@link VerdictSources#json} builds it. */
    private static void sources(JsonGenerator g, Verdict v, Messages m) throws IOException {
        g.writeStartArray();
        for (VerdictSources.Cited c : VerdictSources.cited(v)) {
            g.writeStartObject();
            constantField(g, ID, c.source().id());
            constantField(g, TITLE, c.source().title().in(m.lang()));
            if (c.source().see() != null) constantField(g, SEE, c.source().see());
            constants(g, STATUSES, VerdictSources.sorted(c.statuses()));
            constants(g, CITED_AS, c.citations());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A text of the submission or of this verdict alone: encoded as it is written. */
    private static void field(JsonGenerator g, SerializableString name, String text) throws IOException {
        g.writeFieldName(name);
        g.writeString(text);
    }

    /** A text of the rulebook or the message bundles, the same in many verdicts. */
    private static void constantField(JsonGenerator g, SerializableString name, String text) throws IOException {
        g.writeFieldName(name);
        writeConstant(g, text);
    }

    private static void strings(JsonGenerator g, SerializableString name, Collection<String> items) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String item : items) g.writeString(item);
        g.writeEndArray();
    }

    private static void constants(JsonGenerator g, SerializableString name, Collection<String> items) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String item : items) writeConstant(g, item);
        g.writeEndArray();
    }

    /**
     * A rounded figure as the tree writes it (its BigDecimal in plain digits), without making the
     * BigDecimal where the figure needs no rounding.
     */
    private static void number(JsonGenerator g, SerializableString name, double d, int places) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(Numbers.rounded(d, places));
    }

    /**
     * {@link VerdictJson#value} of {@code Values.inLanguage(v, m)} (of {@code v} itself when
     * {@code m} is null), streamed: each phrase written out where it stands, with no copy of the
     * maps and lists around it. A scorecard figure's value ({@code constant}) is the rulebook's text.
     */
    private static void value(JsonGenerator g, Object v, Messages m, boolean constant) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (m != null && v instanceof Messages.Phrase p) {
            g.writeString(m.get(p.key(), p.args()));
        } else if (v instanceof Double d) {
            if (Double.isFinite(d)) g.writeNumber(Numbers.rounded(d, 6)); else g.writeNull();
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue(), m, constant);
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> list) {
            g.writeStartArray();
            for (Object x : list) value(g, x, m, constant);
            g.writeEndArray();
        } else if (constant) {
            writeConstant(g, String.valueOf(v));
        } else {
            g.writeString(String.valueOf(v));
        }
    }

}
