package org.verdant.batch;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import org.verdant.app.VerdictMarks;
import org.verdant.text.Json;
import org.verdant.text.Numbers;
import org.verdant.verdict.Verdict;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A verdict as one short line ({@code batch --lines short}): who was judged, under what, the score,
 * grade, each gate's and criterion's status (and a criterion's points), how many warnings of each
 * code, and the {@code verdant evaluate} command that gives the full verdict with every reason.
 * Every figure is the full verdict's, rounded as it rounds it, so the two never disagree
 * (ShortLineTest compares them for every fixture). Error records are the same as a full batch's.
 */
public final class ShortLine {
    public static final String FORMAT = "verdant.batch-short/1";

    /** What {@code verdant evaluate FILE} needs after FILE to give this batch's verdict: {@code --format json} and the batch's options. */
    private final String evaluateOptions;
    private final String lang;

    /**
     * {@code evaluateOptions}: the options after FILE, already quoted for a POSIX shell (see
     * {@link #quoted}); {@code lang}: the verdicts' language, written in the line.
     */
    public ShortLine(String evaluateOptions, String lang) {
        this.evaluateOptions = evaluateOptions;
        this.lang = lang;
    }

    /** The options part of the command for these batch options (null or blank: not given). */
    public static String evaluateOptions(String lang, String edition, String table, String grading, String rules, String scorecards,
                                         String archive) {
        StringBuilder s = new StringBuilder(" --format json");
        if (lang != null && !"zh".equals(lang)) s.append(" --lang ").append(quoted(lang));
        option(s, "--edition", edition);
        option(s, "--table", table);
        option(s, "--grading", grading);
        option(s, "--rules", rules);
        option(s, "--scorecards", scorecards);
        option(s, "--archive", archive);
        return s.toString();
    }

    private static void option(StringBuilder s, String name, String value) {
        if (value != null && !value.isBlank()) s.append(' ').append(name).append(' ').append(quoted(value));
    }

    /** {@code text} as one word for a POSIX shell: unchanged when it is plain, else in single quotes. */
    public static String quoted(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "/._-+:=,@%".indexOf(c) >= 0))) return text;
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /**
     * The command that reproduces {@code item}'s full verdict. A file is evaluated as it is. A
     * document of a stream is first written alone, under the stream's file name (the verdict
     * names the file by its name), into a new temporary directory: its lines, with the
     * {@code ---} that starts it replaced by three spaces as batch reads it.
     */
    public String command(Inputs.Item item) {
        if (!item.inStream()) return "verdant evaluate " + quoted(item.input()) + evaluateOptions;
        String name = java.nio.file.Path.of(item.input()).getFileName().toString();
        int last = item.firstLine() + lines(item.bytes()) - 1;
        String file = "\"$d\"/" + quoted(name);
        return "d=$(mktemp -d) && sed -n '" + item.firstLine() + "," + last + "p;" + last + "q' " + quoted(item.input())
                + " | sed '1s/^---/   /' > " + file + " && verdant evaluate " + file + evaluateOptions;
    }

    /** Lines in a document's bytes: its line breaks, and one more for a last line without one. */
    static int lines(byte[] bytes) {
        int n = 0;
        for (byte b : bytes) if (b == '\n') n++;
        if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') n++;
        return n;
    }

    /** The short line of {@code v}, the verdict of {@code item}, with its newline. */
    public byte[] line(Inputs.Item item, Verdict v) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2048);
        try (JsonGenerator g = Json.COMPACT.getFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeStringField("input", item.input());
            g.writeNumberField("document", item.document());
            g.writeNumberField("line", item.firstLine());
            g.writeStringField("status", Outcome.VALID);
            VerdictMarks marks = VerdictMarks.of(v);
            g.writeStringField("credit_code", marks.creditCode());
            g.writeStringField("name", marks.name());
            g.writeStringField("input_digest", v.inputDigest());
            g.writeStringField("scheme", v.scorecard().scheme());
            g.writeStringField("edition", v.scorecard().edition());
            g.writeStringField("lang", lang);
            g.writeFieldName("eligible");
            if (v.eligible() == null) g.writeNull(); else g.writeBoolean(v.eligible());
            g.writeBooleanField("mandatory_met", v.mandatoryMet());
            g.writeFieldName("score");
            if (v.hasScore()) g.writeNumber(Numbers.rounded(v.score(), 2)); else g.writeNull();
            g.writeStringField("grade", v.grade().label());
            g.writeFieldName("gates");
            g.writeStartObject();
            for (VerdictMarks.Mark m : marks.gates()) g.writeStringField(m.id(), m.status());
            g.writeEndObject();
            g.writeFieldName("criteria");
            g.writeStartObject();
            for (VerdictMarks.Mark m : marks.criteria()) {
                g.writeFieldName(m.id());
                g.writeStartArray();
                g.writeString(m.status());
                g.writeNumber(Numbers.rounded(m.points(), 4));
                g.writeNumber(Numbers.rounded(m.max(), 4));
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeFieldName("warnings");
            g.writeStartObject();
            for (Map.Entry<String, Integer> e : warningCounts(v.warnings()).entrySet()) g.writeNumberField(e.getKey(), e.getValue());
            g.writeEndObject();
            g.writeStringField("rulebook_digest", v.rulebookDigest());
            g.writeStringField("full_verdict", command(item));
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // into memory: cannot happen
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    /** Each warning code with the number of warnings of that code, in the order the codes first appear. */
    static Map<String, Integer> warningCounts(List<Verdict.Warning> warnings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Verdict.Warning w : warnings) counts.merge(w.code(), 1, Integer::sum);
        return counts;
    }
}
