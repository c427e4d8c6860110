package org.verdant.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An indicator table as a YAML tree (the engine's typed reader is separate): reading, writing,
 * comparing (numbers by value: a spreadsheet does not keep 8 apart from 8.0), and the residual of
 * a tree against what a spreadsheet row can show, so that nothing is lost on the way through it.
 */
public final class TableTree {
    /** A residual key listing the keys a reconstruction has that the original did not. */
    static final String ABSENT = "$absent";
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .build();

    private TableTree() {
    }

    /** Reads a table YAML file; a syntax error is located by line and column. */
    public static ObjectNode read(Path file) throws TableInputException, IOException {
        String text = Files.readString(file);
        return parse(text, file.toString());
    }

    static ObjectNode parse(String text, String name) throws TableInputException {
        try {
            JsonNode node = YAML.readTree(text);
            if (node == null || !node.isObject()) throw new TableInputException(name + ":1:1: not an indicator table (a YAML mapping is expected)");
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "1:1" : at.getLineNr() + ":" + at.getColumnNr();
            throw new TableInputException(name + ":" + where + ": YAML syntax: " + e.getOriginalMessage());
        }
    }

    public static String yaml(JsonNode tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built in memory always serialises", e);
        }
    }

    /** Compact JSON (valid YAML flow) for a cell that holds a structure. */
    static String json(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built in memory always serialises", e);
        }
    }

    /** Parses a cell's JSON or YAML flow text. */
    static JsonNode parseFlow(String text) throws JsonProcessingException {
        return YAML.readTree(text);
    }

    /** Equal as YAML trees, numbers compared by value. */
    public static boolean same(JsonNode a, JsonNode b) {
        return a.equals((x, y) -> {
            if (x instanceof NumericNode && y instanceof NumericNode) return x.decimalValue().compareTo(y.decimalValue());
            return x.equals(y) ? 0 : 1;
        }, b);
    }

    /** A number as the tree keeps it: an integer when it is one, else a double. */
    static JsonNode number(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) return NODES.numberNode(v.intValueExact());
        if (v.scale() <= 0 && v.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) return NODES.numberNode(v.longValueExact());
        return NODES.numberNode(v.doubleValue());
    }

    /**
     * What {@code original} has that {@code rebuilt} lacks or holds differently, so that
     * {@code merge(rebuilt, residual)} equals original; null when they are the same.
     */
    static ObjectNode residual(ObjectNode original, ObjectNode rebuilt) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = original.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode r = rebuilt.get(e.getKey());
            if (r != null && same(e.getValue(), r)) continue;
            if (r instanceof ObjectNode ro && e.getValue() instanceof ObjectNode oo) {
                ObjectNode inner = residual(oo, ro);
                if (inner != null) out.set(e.getKey(), inner);
            } else {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        ArrayNode absent = NODES.arrayNode();
        rebuilt.fieldNames().forEachRemaining(k -> {
            if (!original.has(k)) absent.add(k);
        });
        if (!absent.isEmpty()) out.set(ABSENT, absent);
        return out.isEmpty() ? null : out;
    }

    /** Applies a residual to a rebuilt tree (in place). */
    static void merge(ObjectNode rebuilt, ObjectNode residual) {
        for (Iterator<Map.Entry<String, JsonNode>> it = residual.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals(ABSENT)) continue;
            JsonNode r = rebuilt.get(e.getKey());
            if (r instanceof ObjectNode ro && e.getValue() instanceof ObjectNode inner) merge(ro, inner);
            else rebuilt.set(e.getKey(), e.getValue().deepCopy());
        }
        JsonNode absent = residual.get(ABSENT);
        if (absent != null) {
            List<String> keys = new ArrayList<>();
            absent.forEach(k -> keys.add(k.asText()));
            rebuilt.remove(keys);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    static {
        YAML.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
    }
}
