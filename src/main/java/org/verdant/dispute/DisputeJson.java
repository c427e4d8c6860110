package org.verdant.dispute;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.archive.ArchiveJson;
import org.verdant.archive.DisputeStep;
import org.verdant.compare.ComparisonReport;
import org.verdant.text.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A dispute as JSON ({@code verdant.dispute/1}); a facility's history lists its disputes in brief. */
public final class DisputeJson {
    public static final String FORMAT = "verdant.dispute/1";

    private DisputeJson() {
    }

    /** {@code names}: each gate's and criterion's name in both languages, so a page can show them in its reader's. */
    public static String dispute(Dispute d, List<DisputeReport.Compared> compared, java.util.Map<String, org.verdant.text.Text> names) {
        ObjectNode root = Json.NODES.objectNode();
        root.put("format", FORMAT);
        brief(root, d);
        ObjectNode named = root.putObject("names");
        names.forEach((id, t) -> named.putObject(id).put("zh", t.zh()).put("en", t.en()));
        ArchiveJson.entry(root.putObject("original"), d.original().entry());
        try {
            ((ObjectNode) root.get("original")).set("verdict", Json.READER.readTree(d.original().verdictJson()));
        } catch (IOException e) {
            throw new IllegalStateException("record " + d.original().entry().id() + " holds a verdict that is not JSON", e);
        }
        Objection o = d.objection();
        ObjectNode obj = root.putObject("objection");
        obj.put("actor", d.objector());
        obj.put("filed_at", d.filedAt().toString());
        ArrayNode criteria = obj.putArray("criteria");
        o.criteria().forEach(criteria::add);
        obj.put("reason", o.reason());
        ArrayNode evidence = obj.putArray("evidence");
        o.evidence().forEach(evidence::add);
        if (o.hasCorrection()) {
            ObjectNode c = obj.putObject("corrected");
            c.put("file", o.correctedFile());
            c.put("yaml", new String(o.corrected(), StandardCharsets.UTF_8));
        } else {
            obj.putNull("corrected");
        }
        ArrayNode rechecks = root.putArray("reevaluations");
        for (DisputeReport.Compared c : compared) {
            Recheck r = c.recheck();
            ObjectNode n = rechecks.addObject();
            n.put("rulebook", r.rulebook().word());
            n.put("available", r.available());
            n.put("rulebook_digest", r.rulebookDigest());
            n.put("same_rulebook", r.sameRulebook());
            if (r.available()) {
                try {
                    n.set("verdict", Json.READER.readTree(r.verdictJson()));
                    n.set("diff", Json.READER.readTree(ComparisonReport.json(c.comparison(),
                            new ComparisonReport.Heading("record " + d.original().entry().id(), "original", r.rulebook().word(), List.of()))));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                n.putNull("verdict");
                n.putNull("diff");
            }
        }
        if (d.decision() == null) {
            root.putNull("ruling");
        } else {
            ObjectNode r = root.putObject("ruling");
            r.put("ruling", d.decision().ruling().word());
            r.put("reason", d.decision().reason());
            r.put("actor", d.decision().actor());
            r.put("at", d.decision().at().toString());
        }
        ArrayNode steps = root.putArray("steps");
        for (DisputeStep s : d.steps()) {
            ObjectNode n = steps.addObject();
            n.put("seq", s.seq());
            n.put("kind", s.kind());
            n.put("actor", s.actor());
            n.put("recorded_at", s.recordedAt().toString());
            n.put("sha256", s.contentSha256());
            if (s.previousSha256() == null) n.putNull("previous_sha256"); else n.put("previous_sha256", s.previousSha256());
        }
        root.put("chain_intact", d.chainProblems().isEmpty());
        ArrayNode problems = root.putArray("chain_problems");
        d.chainProblems().forEach(problems::add);
        return Json.pretty(root);
    }

    /** A dispute in brief: what a facility's history shows of it. */
    public static ObjectNode brief(ObjectNode o, Dispute d) {
        o.put("id", d.id());
        o.put("evaluation_id", d.original().entry().id());
        o.put("credit_code", d.creditCode());
        o.put("status", d.status());
        o.put("filed_at", d.filedAt().toString());
        o.put("actor", d.objector());
        ArrayNode criteria = o.putArray("criteria");
        d.objection().criteria().forEach(criteria::add);
        if (d.decision() == null) o.putNull("ruled_at"); else o.put("ruled_at", d.decision().at().toString());
        o.put("steps", d.steps().size());
        o.put("chain_intact", d.chainProblems().isEmpty());
        return o;
    }

    /** A history list ({@code verdant.archive-list/1}) with the facility's disputes added beside its records. */
    public static String history(String archiveListJson, List<Dispute> disputes) {
        try {
            ObjectNode root = (ObjectNode) Json.READER.readTree(archiveListJson);
            ArrayNode list = root.putArray("disputes");
            disputes.forEach(d -> brief(list.addObject(), d));
            return Json.pretty(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
