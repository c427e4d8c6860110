package org.verdant.serve;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.verdant.app.Application;
import org.verdant.rulebook.GradingTable;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;
import org.verdant.text.Json;
import org.verdant.text.Text;
import org.verdant.yaml.Problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The service's own JSON documents: errors, the schemes, the preview; everything else is an existing format. */
final class ApiJson {
    static final String SCHEMES_FORMAT = "verdant.schemes/1";
    static final String PREVIEW_FORMAT = "verdant.preview/1";
    static final String ERROR_FORMAT = "verdant.error/1";
    static final JsonNodeFactory NODES = Json.NODES;

    private ApiJson() {
    }

    static String write(ObjectNode root) {
        return Json.pretty(root);
    }

    /** {@code {"error", "message"[, "problems"][, "count"][, "details"]}}, the message in {@code lang}. */
    static String error(ApiException e, String lang) {
        ObjectNode root = NODES.objectNode();
        root.put("error", e.error());
        root.put("message", e.message().in(lang));
        if (e.problems() != null) root.set("problems", problems(e.problems(), lang));
        if (e.details() != null) root.set("details", Json.PRETTY.valueToTree(e.details()));
        return write(root);
    }

    /** Each problem as {@code {file, line, column, path, message}}; line and column are null where unknown. */
    static ArrayNode problems(List<Problem> problems, String lang) {
        ArrayNode a = NODES.arrayNode();
        for (Problem p : problems) {
            ObjectNode o = a.addObject();
            o.put("file", p.location().file());
            if (p.location().line() > 0) o.put("line", p.location().line()); else o.putNull("line");
            if (p.location().line() > 0) o.put("column", p.location().column()); else o.putNull("column");
            o.put("path", p.path() == null ? "" : p.path());
            o.put("message", p.message(lang));
        }
        return a;
    }

    /** A preview: the verdict and the plan exactly as the CLI writes them, and the report's radar chart. */
    static String preview(String verdictJson, String planJson, String radarSvg) {
        ObjectNode root = NODES.objectNode();
        root.put("format", PREVIEW_FORMAT);
        root.putRawValue("verdict", new RawValue(verdictJson.strip()));
        if (planJson != null) root.putRawValue("plan", new RawValue(planJson.strip())); else root.putNull("plan");
        if (radarSvg != null) root.put("radar_svg", radarSvg); else root.putNull("radar_svg");
        return write(root);
    }

    /** What {@code verdant schemes} lists, as JSON: schemes and their editions, eligibility rules, grading tables, templates. */
    static String schemes(Rulebook r, boolean tokenRequired) {
        ObjectNode root = NODES.objectNode();
        root.put("format", SCHEMES_FORMAT);
        root.putObject("engine").put("version", Application.version());
        root.putObject("rulebook").put("digest", r.digest());
        ObjectNode service = root.putObject("service");
        service.put("token_required_for_writes", tokenRequired);
        service.put("max_request_bytes", SubmissionRequest.MAX_BYTES);
        ArrayNode types = service.putArray("content_types");
        SubmissionRequest.MEDIA_TYPES.stream().sorted().forEach(types::add);
        Map<String, List<Scorecard>> byScheme = new LinkedHashMap<>();
        for (Scorecard s : r.scorecards().values()) {
            if (!s.isOverlay()) byScheme.computeIfAbsent(s.scheme(), k -> new ArrayList<>());
        }
        ArrayNode schemes = root.putArray("schemes");
        for (String scheme : byScheme.keySet()) {
            ObjectNode o = schemes.addObject();
            o.put("scheme", scheme);
            ArrayNode editions = o.putArray("editions");
            for (Scorecard s : r.editions(scheme)) {
                ObjectNode e = editions.addObject();
                e.put("edition", s.edition());
                e.put("scorecard", s.id());
                e.put("version", s.version());
                text(e.putObject("title"), s.title());
                date(e, "applies_from", s.appliesFrom());
                date(e, "applies_until", s.appliesUntil());
                e.put("scoring", s.scoring());
                if (s.defaultGrading() != null) e.put("default_grading", s.defaultGrading()); else e.putNull("default_grading");
                ArrayNode gradings = e.putArray("gradings");
                r.gradings().values().stream().filter(g -> g.appliesTo(s.scheme(), s.edition())).forEach(g -> gradings.add(g.id()));
            }
            ArrayNode templates = o.putArray("templates");
            for (Templates.Template t : Templates.all()) {
                if (t.scheme().equals(scheme)) {
                    templates.addObject().put("name", t.name()).put("edition", t.edition()).put("url", "/api/templates/" + t.name());
                }
            }
        }
        ArrayNode overlays = root.putArray("eligibility_rules");
        for (Scorecard s : r.scorecards().values()) {
            if (!s.isOverlay()) continue;
            ObjectNode o = overlays.addObject();
            o.put("edition", s.edition());
            o.put("scorecard", s.id());
            o.put("version", s.version());
            text(o.putObject("title"), s.title());
            date(o, "applies_from", s.appliesFrom());
            ArrayNode to = o.putArray("added_to");
            s.overlaysSchemes().forEach(to::add);
        }
        ArrayNode gradings = root.putArray("gradings");
        for (GradingTable g : r.gradings().values()) {
            ObjectNode o = gradings.addObject();
            o.put("id", g.id());
            text(o.putObject("title"), g.title());
            ArrayNode applies = o.putArray("applies_to");
            for (GradingTable.AppliesTo a : g.appliesTo()) {
                ObjectNode x = applies.addObject().put("scheme", a.scheme());
                if (a.edition() != null) x.put("edition", a.edition()); else x.putNull("edition");
            }
            ArrayNode requires = o.putArray("requires");
            g.requires().forEach(requires::add);
            o.put("status", g.status());
            o.put("source", g.source());
            ArrayNode bands = o.putArray("bands");
            for (GradingTable.Band b : g.bands()) {
                ObjectNode x = bands.addObject().put("label", b.label()).put("min", plain(b.min()));
                if (b.below() != null) x.put("below", plain(b.below())); else x.putNull("below");
            }
        }
        return write(root);
    }

    /** 90.0 → 90, 62.5 → 62.5: a band limit as the grading table writes it. */
    private static java.math.BigDecimal plain(double d) {
        java.math.BigDecimal b = java.math.BigDecimal.valueOf(d).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0) : b;
    }

    private static void text(ObjectNode o, Text t) {
        o.put("zh", t.zh());
        if (t.en() != null) o.put("en", t.en()); else o.putNull("en");
    }

    private static void date(ObjectNode o, String field, java.time.LocalDate d) {
        if (d != null) o.put(field, d.toString()); else o.putNull(field);
    }
}
