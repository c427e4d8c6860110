package org.verdant.compare;

import com.fasterxml.jackson.databind.JsonNode;
import org.verdant.evaluation.UsageException;
import org.verdant.rulebook.Sources;
import org.verdant.verdict.VerdictJson;
import org.verdant.text.Json;
import org.verdant.text.Messages;
import org.verdant.verdict.Verdict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a comparison needs from a verdict, read from its JSON form ({@code verdant.verdict/1}), so a
 * verdict just computed and one written earlier by {@code evaluate --format json} compare alike.
 */
public record VerdictView(String scheme, String edition, String facility, Boolean eligible, boolean mandatoryMet,
                          Double score, String grade, String gradingTable, List<Category> categories, List<Item> gates,
                          List<Item> criteria, Map<String, Figure> figures, String rulebookDigest, List<String> parts,
                          String inputFile, String inputDigest, String engine, String lang, Sources sources) {


    /** A first-level category's weighted points (null: not scored). */
    public record Category(String id, String name, Double weighted) {
    }

    /** A gate or criterion: status, points (null for gates) and the figures it compared. */
    public record Item(String id, String name, String type, String status, Double points, Double max, JsonNode values) {
    }

    /** A scorecard figure a verdict relied on and listed under its warnings (provisional or placeholder). */
    public record Figure(String ref, String value, String unit, String status, String source) {
        public String shown() {
            return value + (unit == null ? "" : " " + unit) + " (" + status + ")";
        }
    }

    public static VerdictView of(Verdict v, Messages m) {
        return from(VerdictJson.toJson(v, m)).withSources(v.sources());
    }

    /**
     * The same verdict, its citations shown in a reader's language by {@code more} too: the sources of
     * the rulebook it was judged by, or, for a verdict file, those of the rulebook at hand.
     */
    public VerdictView withSources(Sources more) {
        return new VerdictView(scheme, edition, facility, eligible, mandatoryMet, score, grade, gradingTable, categories, gates, criteria,
                figures, rulebookDigest, parts, inputFile, inputDigest, engine, lang, sources.with(more));
    }

    /** Reads a verdict file's text; anything but a verdant.verdict/1 document is a usage error naming the file. */
    public static VerdictView parse(String file, String text) throws UsageException {
        JsonNode root;
        try {
            root = Json.read(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UsageException(file + ": not a JSON verdict: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || !VerdictJson.FORMAT.equals(root.path("format").asText())) {
            throw new UsageException(file + ": JSON, but not a verdict (format " + VerdictJson.FORMAT + ")");
        }
        try {
            return from(root);
        } catch (RuntimeException e) {
            throw new UsageException(file + ": a " + VerdictJson.FORMAT + " document with missing or malformed fields");
        }
    }

    static VerdictView from(JsonNode root) {
        List<Category> categories = new ArrayList<>();
        for (JsonNode c : root.path("categories")) {
            categories.add(new Category(c.path("id").asText(), c.path("name").asText(), number(c.get("weighted_score"))));
        }
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (JsonNode w : root.path("warnings")) {
            if (!w.hasNonNull("figure")) continue;
            figures.put(w.get("figure").asText(), new Figure(w.get("figure").asText(), text(w.get("value")),
                    w.hasNonNull("unit") ? w.get("unit").asText() : null, w.path("status").asText(), w.path("source").asText()));
        }
        List<String> parts = new ArrayList<>();
        root.path("rulebook").path("parts").forEach(p -> parts.add(p.asText()));
        JsonNode eligible = root.get("eligible");
        return new VerdictView(root.path("scheme").asText(), root.path("edition").asText(), root.path("facility").path("name").asText(),
                eligible == null || eligible.isNull() ? null : eligible.asBoolean(), root.path("mandatory_met").asBoolean(),
                number(root.get("score")), root.hasNonNull("grade") ? root.get("grade").asText() : null,
                root.path("grading").hasNonNull("table") ? root.path("grading").get("table").asText() : null,
                categories, items(root.path("gates")), items(root.path("criteria")), figures,
                root.path("rulebook").path("digest").asText(), parts, root.path("input").path("file").asText(),
                root.path("input").path("digest").asText(), root.path("engine").path("version").asText(), root.path("lang").asText("zh"),
                Sources.NONE);
    }

    private static List<Item> items(JsonNode list) {
        List<Item> out = new ArrayList<>();
        for (JsonNode j : list) {
            out.add(new Item(j.path("id").asText(), j.path("name").asText(), j.has("type") ? j.get("type").asText() : "gate",
                    j.path("status").asText(), number(j.get("points")), number(j.get("max")), j.path("values")));
        }
        return out;
    }

    public Item item(String id) {
        return java.util.stream.Stream.concat(gates.stream(), criteria.stream()).filter(i -> i.id().equals(id)).findFirst().orElse(null);
    }

    private static Double number(JsonNode n) {
        return n == null || n.isNull() || !n.isNumber() ? null : n.doubleValue();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() : n.asText();
    }
}
