package org.verdant.archive;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.compare.VerdictComparison;
import org.verdant.text.Json;

import java.io.IOException;
import java.util.List;

/**
 * Archive records as JSON: {@code verdant.archive-list/1} for lists and histories,
 * {@code verdant.archive-record/1} for one record with its verdict.
 */
public final class ArchiveJson {
    public static final String LIST_FORMAT = "verdant.archive-list/1";
    public static final String RECORD_FORMAT = "verdant.archive-record/1";

    private ArchiveJson() {
    }

    public static final String INTEGRITY_FORMAT = "verdant.archive-integrity/1";

    /**
     * The whole archive's check ({@code archive verify --all}, {@code /api/archive/verify}):
     * {@code intact}, {@code records}, {@code last_id}, {@code head}, {@code heads} (every chained table's head, by name) and every break as
     * {@code {table, id, what, expected, found}}, first break first, and {@code first_by_table}: each
     * damaged table's first break (evaluation, then the other chained tables). The same in both languages.
     */
    public static String integrity(ArchiveIntegrity r) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", INTEGRITY_FORMAT);
        root.put("intact", r.intact());
        root.put("records", r.records());
        root.put("last_id", r.lastId());
        root.put("head", r.head());
        if (r.headAsked() != null) root.put("head_asked", r.headAsked()).put("head_found", r.headFound());
        ObjectNode heads = root.putObject("heads");
        r.heads().forEach(heads::put);
        breaks(root.putArray("breaks"), r.breaks());
        ObjectNode first = root.putObject("first_by_table");
        r.firstPerTable().forEach((table, b) -> {
            var o = first.putObject(table).put("id", b.id()).put("what", b.what()).put("expected", b.expected()).put("found", b.found());
            if (b.record() != null) o.put("record", b.record());
        });
        return write(root);
    }

    /** Breaks as {@code {table, id, what, expected, found}} (id: a record's id, or another table's chain_seq), and {@code record} for a binding's. */
    public static void breaks(ArrayNode into, List<ArchiveIntegrity.Break> breaks) {
        for (ArchiveIntegrity.Break b : breaks) {
            var o = into.addObject().put("table", b.table()).put("id", b.id()).put("what", b.what()).put("expected", b.expected()).put("found", b.found());
            if (b.record() != null) o.put("record", b.record());
        }
    }

    public static String list(List<ArchiveEntry> entries) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", LIST_FORMAT);
        ArrayNode records = root.putArray("records");
        entries.forEach(e -> entry(records.addObject(), e));
        return write(root);
    }

    /** One record: its entry, what was requested, and the verdict (parsed, as stored). */
    public static String record(ArchivedEvaluation a) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", RECORD_FORMAT);
        entry(root, a.entry());
        ObjectNode requested = root.putObject("requested");
        if (a.requestedEdition() != null) requested.put("edition", a.requestedEdition()); else requested.putNull("edition");
        if (a.requestedGrading() != null) requested.put("grading", a.requestedGrading()); else requested.putNull("grading");
        requested.put("lang", a.lang());
        root.put("submission_bytes", a.submission().length);
        try {
            root.set("verdict", Json.READER.readTree(a.verdictJson()));
        } catch (IOException e) {
            throw new ArchiveException("记录 " + a.entry().id() + " 保存的评价结果不是 JSON", "record " + a.entry().id() + " holds a verdict that is not JSON", e);
        }
        return write(root);
    }

    public static ObjectNode entry(ObjectNode o, ArchiveEntry e) {
        o.put("id", e.id());
        if (e.previousId() != null) o.put("previous_id", e.previousId()); else o.putNull("previous_id");
        o.put("evaluated_at", e.evaluatedAt().toString());
        o.put("scheme", e.scheme());
        o.put("edition", e.edition());
        o.put("credit_code", e.creditCode());
        o.put("facility", e.facilityName());
        if (e.industry() != null) o.put("industry", e.industry()); else o.putNull("industry");
        if (e.province() != null) o.put("province", e.province()); else o.putNull("province");
        o.put("reporting_year", e.reportingYear());
        if (e.eligible() != null) o.put("eligible", e.eligible()); else o.putNull("eligible");
        o.put("mandatory_met", e.mandatoryMet());
        if (e.score() != null) o.put("score", e.score()); else o.putNull("score");
        if (e.grade() != null) o.put("grade", e.grade()); else o.putNull("grade");
        o.put("input_file", e.inputFile());
        o.put("input_digest", e.inputDigest());
        o.put("rulebook_digest", e.rulebookDigest());
        o.put("engine_version", e.engineVersion());
        return o;
    }

    private static String write(ObjectNode root) {
        try {
            return Json.PRETTY.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final String VERIFY_FORMAT = "verdant.archive-verify/1";

    /** The outcome of re-running a stored evaluation ({@code archive verify}, POST /api/evaluations/{id}/verify). */
    public static ObjectNode verification(ArchiveEntry e, String verdictJsonNow, VerdictComparison.Result comparison) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", VERIFY_FORMAT);
        root.put("record", e.id());
        root.put("identical", comparison.identical());
        root.put("archived_rulebook_digest", e.rulebookDigest());
        root.put("rulebook_digest", rulebookDigestOf(verdictJsonNow));
        ArrayNode diffs = root.putArray("differences");
        for (VerdictComparison.Difference d : comparison.differences()) {
            diffs.addObject().put("what", d.what()).put("archived", d.archived()).put("now", d.now());
        }
        return root;
    }

    /** The rulebook digest a verdict JSON names ("?" when the text is not a verdict). */
    public static String rulebookDigestOf(String verdictJson) {
        try {
            return Json.READER.readTree(verdictJson).path("rulebook").path("digest").asText();
        } catch (IOException e) {
            return "?";
        }
    }
}
