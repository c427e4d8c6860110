package org.verdant.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The workbook's sheets and fields for one scheme, derived from the submission's JSON Schema
 * ({@code schemas/submission.schema.json}, bundled in the jar): the schema is the one list of
 * fields, so the workbook cannot drift from what the reader accepts. Top-level scalars go on the
 * first sheet, each object section on a sheet of rows (one row per leaf field), each list of
 * objects on a table sheet (one row per item), the claims on a table keyed by criterion id.
 */
public final class Layout {
    /** How a cell's value becomes a YAML value. */
    public enum Kind { TEXT, INTEGER, NUMBER, QUANTITY, BOOLEAN, CHOICE, DATE, LIST, FLOW }

    /** How a sheet is laid out: rows of fields, a table of list items, or the claims keyed by id. */
    public enum Shape { FIELDS, TABLE, CLAIMS }

    /**
     * One field. {@code key} is its path below the sheet's container ("amount",
     * "corrections.altitude"; for a FIELDS sheet the whole path). {@code units} are the units the
     * reader accepts (empty: none or too many to list); {@code unitOptional}: a plain number is also
     * accepted. {@code choices}: the allowed values of a CHOICE.
     */
    public record Field(String key, String title, String help, Kind kind, List<String> units, boolean unitOptional,
                        List<String> choices, boolean required) {
    }

    /** {@code path}: the YAML path of what the sheet holds ("" for the top level, "energy.carriers" for a table). */
    public record Sheet(String name, String path, Shape shape, List<Field> fields) {
    }

    public static final String SCHEMA_RESOURCE = "/schemas/submission.schema.json";
    static final String TOP_SHEET = "申报";

    private static final Pattern UNIT_GROUP = Pattern.compile("\\\\s\\*\\(\\?:([^()]*)\\)\\\\s\\*\\$$");
    private static final Pattern ILLEGAL_SHEET_CHARS = Pattern.compile("[\\[\\]:*?/\\\\]");
    private static volatile JsonNode schema;

    private final String scheme;
    private final List<Sheet> sheets = new ArrayList<>();
    private final Set<String> excluded = new HashSet<>();
    private final Set<String> names = new HashSet<>();
    private final JsonNode defs;

    private Layout(String scheme, JsonNode root) {
        this.scheme = scheme;
        this.defs = root.path("$defs");
        exclusions(root);
        build(root);
    }

    /** The layout of {@code scheme} (green-factory, green-park, …). */
    public static Layout of(String scheme) {
        return new Layout(scheme, schema());
    }

    public String scheme() {
        return scheme;
    }

    public List<Sheet> sheets() {
        return sheets;
    }

    static JsonNode schema() {
        JsonNode s = schema;
        if (s == null) {
            try (InputStream in = Layout.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
                s = new ObjectMapper().readTree(in);
                schema = s;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return s;
    }

    /** The sections (and park fields) the schema's per-scheme branches forbid ({@code "site": false}). */
    private void exclusions(JsonNode root) {
        for (JsonNode branch : root.path("allOf")) {
            JsonNode cond = branch.path("if").path("properties").path("scheme");
            String only = cond.path("allOf").path(0).path("const").asText(cond.path("const").asText(null));
            if (!scheme.equals(only)) continue;
            for (Iterator<Map.Entry<String, JsonNode>> it = branch.path("then").path("properties").fields(); it.hasNext(); ) {
                var e = it.next();
                if (e.getValue().isBoolean() && !e.getValue().asBoolean()) excluded.add(e.getKey());
                for (JsonNode part : e.getValue().path("allOf")) {
                    for (Iterator<Map.Entry<String, JsonNode>> sub = part.path("properties").fields(); sub.hasNext(); ) {
                        var s = sub.next();
                        if (s.getValue().isBoolean() && !s.getValue().asBoolean()) excluded.add(e.getKey() + "." + s.getKey());
                    }
                }
            }
        }
    }

    private void build(JsonNode root) {
        Set<String> required = names(root.path("required"));
        List<Field> top = new ArrayList<>();
        Sheet first = new Sheet(sheetName(TOP_SHEET), "", Shape.FIELDS, top);
        sheets.add(first);
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("properties").fields(); it.hasNext(); ) {
            var e = it.next();
            String key = e.getKey();
            if (excluded.contains(key)) continue;
            JsonNode raw = e.getValue();
            JsonNode n = unwrap(raw);
            String title = title(raw, n, key);
            if (key.equals("claims")) {
                sheets.add(new Sheet(sheetName(title), key, Shape.CLAIMS, tableFields(unwrap(n.path("additionalProperties")), "", Set.of())));
            } else if (isObject(n)) {
                List<Field> fields = new ArrayList<>();
                Sheet s = new Sheet(sheetName(title), key, Shape.FIELDS, fields);
                sheets.add(s);
                objectRows(n, key, fields);
            } else if (isObjectArray(n)) {
                JsonNode item = unwrap(n.path("items"));
                sheets.add(new Sheet(sheetName(title), key, Shape.TABLE, tableFields(item, "", names(item.path("required")))));
            } else {
                top.add(field(key, raw, required.contains(key)));
            }
        }
    }

    /** The rows of an object section; lists of objects in it get table sheets of their own. */
    private void objectRows(JsonNode object, String path, List<Field> into) {
        Set<String> required = names(object.path("required"));
        for (Iterator<Map.Entry<String, JsonNode>> it = object.path("properties").fields(); it.hasNext(); ) {
            var e = it.next();
            String child = path + "." + e.getKey();
            if (excluded.contains(child)) continue;
            JsonNode n = unwrap(e.getValue());
            if (isObject(n)) {
                objectRows(n, child, into);
            } else if (isObjectArray(n)) {
                JsonNode item = unwrap(n.path("items"));
                sheets.add(new Sheet(sheetName(title(e.getValue(), n, e.getKey())), child, Shape.TABLE,
                        tableFields(item, "", names(item.path("required")))));
            } else {
                into.add(field(child, e.getValue(), required.contains(e.getKey())));
            }
        }
    }

    /** The columns of a table: an item's leaf fields, nested objects flattened, nested lists of objects as flow YAML. */
    private List<Field> tableFields(JsonNode item, String prefix, Set<String> required) {
        List<Field> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.path("properties").fields(); it.hasNext(); ) {
            var e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode n = unwrap(e.getValue());
            if (isObject(n)) fields.addAll(tableFields(n, key, Set.of()));
            else fields.add(field(key, e.getValue(), required.contains(e.getKey())));
        }
        return fields;
    }

    private Field field(String key, JsonNode raw, boolean required) {
        JsonNode n = unwrap(raw);
        String title = title(raw, n, key.substring(key.lastIndexOf('.') + 1));
        String help = text(raw, "description", text(n, "description", ""));
        List<JsonNode> branches = branches(n);
        if (branches.size() > 1) {
            if (branches.stream().anyMatch(b -> "array".equals(b.path("type").asText()))) return new Field(key, title, help, Kind.LIST, List.of(), false, List.of(), required);
            boolean number = branches.stream().anyMatch(b -> b.path("type").asText().equals("number") || b.path("type").asText().equals("integer"));
            for (JsonNode b : branches) {
                List<String> units = units(b);
                if (units != null && number) return new Field(key, title, help, Kind.QUANTITY, units, true, List.of(), required);
            }
            return new Field(key, title, help, number ? Kind.NUMBER : Kind.TEXT, List.of(), false, List.of(), required);
        }
        if (n.has("enum") || n.has("const")) {
            List<String> choices = new ArrayList<>();
            if (n.has("const")) choices.add(n.get("const").asText());
            for (JsonNode v : n.path("enum")) choices.add(v.asText());
            return new Field(key, title, help, Kind.CHOICE, List.of(), false, choices, required);
        }
        JsonNode type = n.path("type");
        String t = type.isArray() ? "" : type.asText();
        Kind kind = switch (t) {
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "array" -> isObject(unwrap(n.path("items"))) ? Kind.FLOW : Kind.LIST;
            case "object" -> Kind.FLOW;
            case "string" -> "date".equals(n.path("format").asText()) ? Kind.DATE : units(n) != null ? Kind.QUANTITY : Kind.TEXT;
            default -> Kind.TEXT;
        };
        List<String> units = kind == Kind.QUANTITY ? units(n) : List.of();
        if (kind == Kind.BOOLEAN) return new Field(key, title, help, kind, List.of(), false, List.of("true", "false"), required);
        return new Field(key, title, help, kind, units, false, List.of(), required);
    }

    /**
     * The units a quantity pattern accepts, longest-first as the schema lists them; an empty list
     * for compound units (tce/t: too many combinations to offer); null when the string is no quantity.
     */
    static List<String> units(JsonNode n) {
        String pattern = n.path("pattern").asText("");
        if (pattern.contains("[%％]")) return List.of("%");
        if (!pattern.contains("\\d")) return null;
        if (pattern.contains("\\s*/\\s*")) return List.of();
        Matcher m = UNIT_GROUP.matcher(pattern);
        if (!m.find()) return null; // a plain number written as text
        return List.of(m.group(1).split("\\|"));
    }

    private List<JsonNode> branches(JsonNode n) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode b : n.path("anyOf")) {
            JsonNode r = resolve(b);
            if (!"null".equals(r.path("type").asText())) out.add(r);
        }
        return out;
    }

    /** Follows $ref and drops the {@code null} branch of an optional field. */
    private JsonNode unwrap(JsonNode n) {
        JsonNode r = resolve(n);
        List<JsonNode> b = branches(r);
        return b.size() == 1 && !r.has("type") ? unwrap(b.get(0)) : r;
    }

    private JsonNode resolve(JsonNode n) {
        for (int i = 0; i < 10 && n.has("$ref"); i++) n = defs.path(n.get("$ref").asText().replace("#/$defs/", ""));
        return n;
    }

    private static boolean isObject(JsonNode n) {
        return "object".equals(n.path("type").asText()) && n.has("properties");
    }

    private boolean isObjectArray(JsonNode n) {
        return "array".equals(n.path("type").asText()) && isObject(unwrap(n.path("items")));
    }

    private static String title(JsonNode raw, JsonNode resolved, String fallback) {
        return text(raw, "title", text(resolved, "title", fallback));
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v != null && v.isTextual() ? v.asText() : fallback;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    /** A sheet name Excel accepts (≤ 31 characters, none of []:*?/\), unique in the workbook. */
    private String sheetName(String title) {
        String base = ILLEGAL_SHEET_CHARS.matcher(title).replaceAll("_");
        if (base.length() > 28) base = base.substring(0, 28);
        String name = base;
        for (int i = 2; !names.add(name); i++) name = base + i;
        return name;
    }
}
