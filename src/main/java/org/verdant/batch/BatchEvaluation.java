package org.verdant.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.app.Application;
import org.verdant.app.Evaluation;
import org.verdant.app.Faults;
import org.verdant.app.Request;
import org.verdant.app.Settings;
import org.verdant.fault.Fault;
import org.verdant.fault.InBoth;
import org.verdant.fault.Option;
import org.verdant.text.Json;
import org.verdant.text.Location;
import org.verdant.text.Messages;
import org.verdant.text.Numbers;
import org.verdant.verdict.Verdict;
import org.verdant.verdict.VerdictJson;
import org.verdant.yaml.Msg;
import org.verdant.yaml.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates one batch item into its output line. A verdict line is the verdict exactly as
 * {@code verdant evaluate FILE --format json} writes it, on one line; anything else is an error
 * record ({@code verdant.batch-error/1}) naming the input, the document, the line it starts on,
 * the status, the exit code {@code evaluate} would give, and every problem as
 * {@code file:line:column: path: message}, with lines counted in the file the document sits in.
 * Safe to call from several threads at once.
 */
public final class BatchEvaluation {
    public static final String ERROR_FORMAT = "verdant.batch-error/1";
    /** A valid submission's line under {@code --validate-only}: read and checked, not scored. */
    public static final String CHECK_FORMAT = "verdant.batch-check/1";

    private final Application application;
    private final Settings settings;
    private final boolean validateOnly;
    /**
     * One for the whole batch (it is safe to share between threads): each {@code Messages} parses
     * the patterns it is asked for once, so one per input, as {@link Evaluation#messages()} gives,
     * parsed them again for every input. The texts are the same.
     */
    private final Messages messages;
    /** Null: each verdict's line is the full verdict; else its short line ({@code --lines short}). */
    private final ShortLine shortLine;

    public BatchEvaluation(Application application, Settings settings) {
        this(application, settings, false);
    }

    /** {@code validateOnly}: each input is read and checked as {@code evaluate} checks it, and not scored. */
    public BatchEvaluation(Application application, Settings settings, boolean validateOnly) {
        this(application, settings, validateOnly, null);
    }

    /** {@code shortLine}: write each verdict as its short line (null: the full verdict). */
    public BatchEvaluation(Application application, Settings settings, boolean validateOnly, ShortLine shortLine) {
        this.application = application;
        this.settings = settings;
        this.validateOnly = validateOnly;
        this.messages = settings.messages();
        this.shortLine = shortLine;
    }

    public boolean validateOnly() {
        return validateOnly;
    }

    public Outcome evaluate(Inputs.Item item) {
        try {
            if (item.readError() != null) {
                return error(item, Outcome.ERROR, 2, List.of(new Problem(Location.unknown(item.input()), "", item.readError()).toString()));
            }
            if (item.tooLarge() != null) {
                return error(item, Outcome.INVALID, 3, List.of(new Problem(new Location(item.input(), item.firstLine(), 1), "", item.tooLarge()).toString()));
            }
            if (validateOnly) return checked(item, application.validate(new Request(item.input(), item.bytes(), settings)));
            Evaluation e = application.evaluate(new Request(item.input(), item.bytes(), settings));
            Verdict v = e.verdict();
            // streamed, not built as a tree first, with its newline: the same bytes (VerdictJsonStreamTest), a fraction of the cost
            byte[] line = shortLine != null ? shortLine.line(item, v) : VerdictJson.compactLine(v, messages);
            return new Outcome(item.seq(), item.input(), item.document(), item.inStream(), Outcome.VALID, 0, line,
                    v.scorecard().scheme(), v.scorecard().edition(), v.grade().label(), v.eligible(),
                    v.hasScore() ? Numbers.round(v.score(), 2) : null, null);
        } catch (Fault f) {
            return failed(item, f, settings.lang());
        } catch (RuntimeException | StackOverflowError e) {
            return internal(item, e, settings.lang());
        }
    }

    /** The one mapping of a failure to an error record: its status, the exit code evaluate would give, its problems. */
    private static Outcome failed(Inputs.Item item, Fault f, String lang) {
        return switch (f.kind()) {
            case INVALID_SUBMISSION -> error(item, Outcome.INVALID, 3, relocate(item, f.problems(), lang));
            case INVALID_RULEBOOK -> error(item, Outcome.ERROR, 4, f.problems().stream().map(p -> p.toString(lang)).toList());
            case INTERNAL -> internal(item, f instanceof Faults.Internal i ? i.bug() : f, lang);
            // batch is run from the command line: an option is named as its flag
            default -> error(item, Outcome.ERROR, 2, List.of(item.input() + ": " + flag(f.option()) + InBoth.message(f, lang)));
        };
    }

    private static String flag(Option option) {
        return option == null ? "" : "--" + option.word() + ": ";
    }

    /** An internal failure outside {@link #evaluate} (kept in order, like any other outcome). */
    public static Outcome internal(Inputs.Item item, Throwable t) {
        return internal(item, t, "zh");
    }

    /** The same, said in {@code lang}. */
    public static Outcome internal(Inputs.Item item, Throwable t, String lang) {
        return error(item, Outcome.ERROR, 1, List.of(Msg.of("batch.internal", item.input(), String.valueOf(t)).render(lang)));
    }

    /** A document's problems at their lines in the file the document sits in, in {@code lang}. */
    private static List<String> relocate(Inputs.Item item, List<Problem> problems, String lang) {
        int shift = item.inStream() ? item.firstLine() - 1 : 0;
        List<String> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            Location l = p.location();
            if (item.inStream() && l.file().equals(item.input())) {
                l = l.line() > 0 ? new Location(l.file(), l.line() + shift, l.column()) : new Location(l.file(), item.firstLine(), 1);
            }
            out.add(p.at(l).toString(lang));
        }
        return out;
    }

    /** A valid submission under {@code --validate-only}: where it is, and the scheme and edition it would be scored under. */
    private static Outcome checked(Inputs.Item item, Application.Validation v) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("format", CHECK_FORMAT);
        o.put("input", item.input());
        o.put("document", item.document());
        o.put("line", item.firstLine());
        o.put("status", Outcome.VALID);
        o.put("scheme", v.scheme());
        o.put("edition", v.edition());
        return new Outcome(item.seq(), item.input(), item.document(), item.inStream(), Outcome.VALID, 0, line(o),
                v.scheme(), v.edition(), null, null, null, null);
    }

    private static Outcome error(Inputs.Item item, String status, int exitCode, List<String> problems) {
        ObjectNode o = Json.NODES.objectNode();
        o.put("format", ERROR_FORMAT);
        o.put("input", item.input());
        o.put("document", item.document());
        o.put("line", item.firstLine());
        o.put("status", status);
        o.put("exit_code", exitCode);
        ArrayNode list = o.putArray("problems");
        problems.forEach(list::add);
        return new Outcome(item.seq(), item.input(), item.document(), item.inStream(), status, exitCode, line(o), null, null, null, null, null,
                problems.isEmpty() ? "" : problems.get(0));
    }

    private static byte[] line(ObjectNode json) {
        return line(Json.compact(json));
    }

    private static byte[] line(byte[] bytes) {
        byte[] line = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        line[bytes.length] = '\n';
        return line;
    }
}
