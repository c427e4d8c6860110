package org.verdant.dispute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.archive.ArchiveException;
import org.verdant.archive.ArchivedEvaluation;
import org.verdant.archive.DisputeStep;
import org.verdant.evaluation.Evaluator;
import org.verdant.text.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The JSON each dispute step stores ({@code verdant.dispute-step/1}), and a {@link Dispute} read
 * back from its steps with the sha256 chain checked. Every step repeats the previous step's
 * sha256, so its own sha256 covers the link.
 */
public final class DisputeContent {
    public static final String FORMAT = "verdant.dispute-step/1";

    private DisputeContent() {
    }

    public static String objection(String previous, long recordId, Objection o) {
        ObjectNode n = head(DisputeStep.OBJECTION, previous);
        n.put("evaluation_id", recordId);
        ArrayNode criteria = n.putArray("criteria");
        o.criteria().forEach(criteria::add);
        n.put("reason", o.reason());
        ArrayNode evidence = n.putArray("evidence");
        o.evidence().forEach(evidence::add);
        if (o.hasCorrection()) {
            ObjectNode c = n.putObject("corrected");
            c.put("file", o.correctedFile());
            c.put("sha256", Evaluator.sha256(o.corrected()));
            c.put("yaml", new String(o.corrected(), StandardCharsets.UTF_8));
        } else {
            n.putNull("corrected");
        }
        return write(n);
    }

    public static String recheck(String previous, Recheck r) {
        ObjectNode n = head(DisputeStep.REEVALUATION, previous);
        n.put("rulebook", r.rulebook().word());
        n.put("available", r.available());
        n.put("rulebook_digest", r.rulebookDigest());
        n.put("same_rulebook", r.sameRulebook());
        if (r.verdictJson() == null) {
            n.putNull("verdict");
        } else {
            try {
                n.set("verdict", Json.READER.readTree(r.verdictJson()));
            } catch (IOException e) {
                throw new IllegalStateException("the engine wrote a verdict that is not JSON", e);
            }
        }
        return write(n);
    }

    public static String ruling(String previous, Ruling ruling, String reason) {
        ObjectNode n = head(DisputeStep.RULING, previous);
        n.put("ruling", ruling.word());
        n.put("reason", reason);
        return write(n);
    }

    /** The dispute its steps tell (steps in order, the first an objection), the chain checked. */
    public static Dispute read(ArchivedEvaluation original, List<DisputeStep> steps) {
        List<String> problems = new ArrayList<>();
        Objection objection = null;
        List<Recheck> rechecks = new ArrayList<>();
        Dispute.Decision decision = null;
        String previous = null;
        for (int i = 0; i < steps.size(); i++) {
            DisputeStep s = steps.get(i);
            String sha = Evaluator.sha256(s.content().getBytes(StandardCharsets.UTF_8));
            if (!sha.equals(s.contentSha256())) problems.add("step " + s.seq() + ": content sha256 " + sha + " ≠ stored " + s.contentSha256());
            if (s.seq() != i + 1) problems.add("step " + s.seq() + ": expected step " + (i + 1));
            if (!Objects.equals(previous, s.previousSha256())) problems.add("step " + s.seq() + ": previous sha256 " + s.previousSha256() + " ≠ step before " + previous);
            JsonNode n = parse(s);
            if (!Objects.equals(previous, text(n, "previous_sha256"))) problems.add("step " + s.seq() + ": content names previous " + text(n, "previous_sha256"));
            previous = s.contentSha256();
            switch (s.kind()) {
                case DisputeStep.OBJECTION -> {
                    List<String> criteria = new ArrayList<>();
                    n.path("criteria").forEach(c -> criteria.add(c.asText()));
                    List<String> evidence = new ArrayList<>();
                    n.path("evidence").forEach(c -> evidence.add(c.asText()));
                    JsonNode c = n.path("corrected");
                    boolean corrected = c.isObject();
                    objection = new Objection(criteria, n.path("reason").asText(""), evidence, corrected ? c.path("file").asText() : null,
                            corrected ? c.path("yaml").asText().getBytes(StandardCharsets.UTF_8) : null);
                }
                case DisputeStep.REEVALUATION -> {
                    JsonNode v = n.path("verdict");
                    String json = v.isObject() ? Json.pretty(v) : null;
                    rechecks.add(new Recheck(Recheck.Rulebook.of(n.path("rulebook").asText()), n.path("available").asBoolean(),
                            text(n, "rulebook_digest"), json, n.path("same_rulebook").asBoolean()));
                }
                case DisputeStep.RULING -> decision = new Dispute.Decision(Ruling.of(n.path("ruling").asText()).orElse(Ruling.REJECTED),
                        n.path("reason").asText(""), s.actor(), s.recordedAt());
                default -> problems.add("step " + s.seq() + ": unknown kind " + s.kind());
            }
        }
        if (steps.isEmpty() || objection == null) throw new ArchiveException("异议没有异议书", "the dispute has no objection");
        DisputeStep first = steps.get(0);
        return new Dispute(first.disputeId(), original, steps, first.actor(), first.recordedAt(), objection, rechecks, decision, problems);
    }

    private static ObjectNode head(String kind, String previous) {
        ObjectNode n = Json.NODES.objectNode();
        n.put("format", FORMAT);
        n.put("kind", kind);
        if (previous == null) n.putNull("previous_sha256"); else n.put("previous_sha256", previous);
        return n;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static JsonNode parse(DisputeStep s) {
        try {
            return Json.READER.readTree(s.content());
        } catch (IOException e) {
            throw new ArchiveException("异议 " + s.disputeId() + " 第 " + s.seq() + " 步不是 JSON", "step " + s.seq() + " of dispute " + s.disputeId() + " is not JSON", e);
        }
    }

    private static String write(ObjectNode n) {
        return new String(Json.compact(n), StandardCharsets.UTF_8);
    }
}
