package org.verdant.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.evaluation.Evaluator;
import org.verdant.evaluation.InvalidSubmissionException;
import org.verdant.evaluation.UsageException;
import org.verdant.verdict.VerdictJson;
import org.verdant.text.Messages;
import org.verdant.rulebook.RulebookException;
import org.verdant.verdict.Verdict;
import org.verdant.text.Location;
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
    /** The verdict writer's number format, without the indentation. */
    private static final ObjectMapper COMPACT = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Evaluator evaluator;
    private final Evaluator.Options options;
    private final Messages messages;

    public BatchEvaluation(Evaluator evaluator, Evaluator.Options options, Messages messages) {
        this.evaluator = evaluator;
        this.options = options;
        this.messages = messages;
    }

    public Outcome evaluate(Inputs.Item item) {
        try {
            if (item.readError() != null) {
                return error(item, Outcome.ERROR, 2, List.of(new Problem(Location.unknown(item.input()), "", item.readError()).toString()));
            }
            if (item.tooLarge() != null) {
                return error(item, Outcome.INVALID, 3, List.of(new Problem(new Location(item.input(), item.firstLine(), 1), "", item.tooLarge()).toString()));
            }
            Verdict v = evaluator.evaluate(item.input(), item.bytes(), options);
            ObjectNode json = VerdictJson.toJson(v, messages);
            byte[] line = line(json);
            JsonNode score = json.get("score");
            return new Outcome(item.seq(), item.input(), item.document(), item.inStream(), Outcome.VALID, 0, line,
                    v.scorecard().scheme(), v.scorecard().edition(), v.grade().label(), v.eligible(),
                    score == null || score.isNull() ? null : score.decimalValue(), null);
        } catch (InvalidSubmissionException e) {
            return error(item, Outcome.INVALID, 3, relocate(item, e.problems()));
        } catch (UsageException e) {
            return error(item, Outcome.ERROR, 2, List.of(item.input() + ": " + e.getMessage()));
        } catch (RulebookException e) {
            return error(item, Outcome.ERROR, 4, e.problems().stream().map(Problem::toString).toList());
        } catch (RuntimeException | StackOverflowError e) {
            return error(item, Outcome.ERROR, 1, List.of(item.input() + ": internal error: " + e + " (please report this with the input that caused it)"));
        }
    }

    /** An internal failure outside {@link #evaluate} (kept in order, like any other outcome). */
    public static Outcome internal(Inputs.Item item, Throwable t) {
        return error(item, Outcome.ERROR, 1, List.of(item.input() + ": internal error: " + t + " (please report this with the input that caused it)"));
    }

    /** A document's problems at their lines in the file the document sits in. */
    private static List<String> relocate(Inputs.Item item, List<Problem> problems) {
        int shift = item.inStream() ? item.firstLine() - 1 : 0;
        List<String> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            Location l = p.location();
            if (item.inStream() && l.file().equals(item.input())) {
                l = l.line() > 0 ? new Location(l.file(), l.line() + shift, l.column()) : new Location(l.file(), item.firstLine(), 1);
            }
            out.add(new Problem(l, p.path(), p.message()).toString());
        }
        return out;
    }

    private static Outcome error(Inputs.Item item, String status, int exitCode, List<String> problems) {
        ObjectNode o = NODES.objectNode();
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
        try {
            byte[] bytes = COMPACT.writeValueAsBytes(json);
            byte[] line = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            line[bytes.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
