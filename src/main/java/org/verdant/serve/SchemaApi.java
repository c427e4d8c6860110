package org.verdant.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.javalin.http.Context;
import org.verdant.rulebook.Benchmarks;
import org.verdant.rulebook.IndicatorTable;
import org.verdant.rulebook.Rulebook;
import org.verdant.rulebook.Scorecard;
import org.verdant.text.Json;
import org.verdant.text.Text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the web page's form is built from: the submission's JSON Schema (the one the validator
 * tests use) with, for one scheme, edition and indicator table, the sections that scheme allows in
 * the order of the standard, the criterion ids that exist and which of them need a claim, and the
 * energy-limit rows a product may name. Also the blank templates and a YAML → JSON reading for the
 * page's YAML view.
 */
final class SchemaApi {
    static final String FORM_FORMAT = "verdant.form/1";
    private static final String SCHEMA_RESOURCE = "/schemas/submission.schema.json";
    /** Every field's label and help in both languages, kept beside the schema rather than in the page's script. */
    static final String FIELDS_RESOURCE = "/org/verdant/serve/form-fields.yaml";

    /**
     * The submission's sections in the order the standards list their requirements (GB/T 36132:
     * 基本要求, 基础设施, 管理体系, 能源资源投入, 产品, 环境排放, 绩效), after who applies and for
     * what; a section the schema adds later comes at the end.
     */
    static final List<String> SECTION_ORDER = List.of(
            "evaluation_date", "reporting_year", "indicator_table", "evaluator", "facility", "application", "standing",
            "accidents", "claims", "site", "management_systems", "energy", "materials", "products",
            "emissions", "water", "solid_waste", "economics", "carbon_footprint", "energy_carbon_management", "cleaner_production",
            "social_responsibility_reports", "references", "park", "supply_chain");
    /** Set by the page itself (the scheme chooser), not a field of the form. */
    private static final Set<String> NOT_IN_FORM = Set.of("format", "scheme", "edition");

    private final Rulebook rulebook;
    private final JsonNode schema;
    private final JsonNode fields;
    private final YAMLMapper yaml = new YAMLMapper();

    SchemaApi(Rulebook rulebook) {
        this.rulebook = rulebook;
        this.schema = readSchema();
        this.fields = readFields();
    }

    /** The fields' labels and help: {path: {label: {zh, en}, help: {zh, en}}}, paths without list indices (claims.*.met). */
    static JsonNode readFields() {
        try (InputStream in = SchemaApi.class.getResourceAsStream(FIELDS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + FIELDS_RESOURCE);
            return new YAMLMapper().readTree(in).path("fields");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode readSchema() {
        try (InputStream in = SchemaApi.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + SCHEMA_RESOURCE);
            return Json.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GET /api/schema?scheme=&edition=&table=: the form of one scheme, edition and indicator table. */
    void form(Context ctx) throws ApiException {
        String scheme = ctx.queryParam("scheme") == null || ctx.queryParam("scheme").isBlank() ? "green-factory" : ctx.queryParam("scheme");
        List<Scorecard> editions = rulebook.editions(scheme);
        if (editions.isEmpty()) {
            String schemes = String.join(", ", rulebook.scorecards().values().stream().filter(s -> !s.isOverlay()).map(Scorecard::scheme).distinct().toList());
            throw ApiException.badRequest("scheme：没有评价类型 '" + Api.clip(scheme) + "'；可用：" + schemes,
                    "scheme: no scheme '" + Api.clip(scheme) + "'; the schemes are " + schemes);
        }
        String editionId = ctx.queryParam("edition");
        Scorecard edition = editionId == null || editionId.isBlank() ? editions.get(editions.size() - 1)
                : editions.stream().filter(s -> s.edition().equals(editionId)).findFirst().orElseThrow(() -> ApiException.badRequest(
                "edition：" + scheme + " 没有版本 '" + Api.clip(editionId) + "'", "edition: " + scheme + " has no edition '" + Api.clip(editionId) + "'"));
        IndicatorTable table = null;
        List<IndicatorTable> tables = rulebook.tables().values().stream().filter(t -> t.edition().equals(edition.edition())).toList();
        if (edition.usesIndicatorTables()) {
            String tableId = ctx.queryParam("table") == null || ctx.queryParam("table").isBlank() ? edition.defaultTable() : ctx.queryParam("table");
            table = rulebook.tables().get(tableId);
            if (table == null || !table.edition().equals(edition.edition())) {
                String ids = String.join(", ", tables.stream().map(IndicatorTable::id).toList());
                throw ApiException.badRequest("table：没有评价指标表 '" + Api.clip(tableId) + "'；可用：" + ids,
                        "table: no indicator table '" + Api.clip(tableId) + "'; the tables are " + ids);
            }
        }
        Api.json(ctx, 200, ApiJson.write(form(scheme, edition, table, tables)));
    }

    ObjectNode form(String scheme, Scorecard edition, IndicatorTable table, List<IndicatorTable> tables) {
        Scorecard card = table == null ? edition : edition.withTable(table, "option");
        ObjectNode root = ApiJson.NODES.objectNode();
        root.put("format", FORM_FORMAT);
        root.put("scheme", scheme);
        root.put("edition", edition.edition());
        if (table != null) root.put("table", table.id()); else root.putNull("table");
        ArrayNode tableList = root.putArray("tables");
        for (IndicatorTable t : tables) {
            ObjectNode o = tableList.addObject().put("id", t.id());
            text(o.putObject("title"), t.title());
            o.put("default", t.id().equals(edition.defaultTable()));
        }
        Set<String> excluded = excluded(scheme);
        ArrayNode sections = root.putArray("sections");
        Set<String> keys = new LinkedHashSet<>(SECTION_ORDER);
        schema.path("properties").fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (!schema.path("properties").has(key) || excluded.contains(key) || NOT_IN_FORM.contains(key)) continue;
            if (key.equals("indicator_table") && table == null) continue;
            sections.add(key);
        }
        ArrayNode ex = root.putArray("excluded");
        excluded.forEach(ex::add);
        ArrayNode required = root.putArray("required");
        required(scheme).forEach(required::add);

        ArrayNode criteria = root.putArray("criteria");
        for (Scorecard.GateSpec g : card.gates()) {
            ObjectNode o = criteria.addObject();
            o.put("id", g.id());
            text(o.putObject("name"), g.name());
            o.put("kind", "gate");
            o.put("clause", g.clause());
            o.put("claim", Scorecard.CLAIM_DECIDERS.contains(g.decidedBy()));
            o.put("decided_by", g.decidedBy());
        }
        for (Scorecard.CategorySpec c : card.categories()) {
            for (Scorecard.CriterionSpec s : c.criteria()) {
                ObjectNode o = criteria.addObject();
                o.put("id", s.id());
                text(o.putObject("name"), s.name());
                o.put("kind", "criterion");
                o.put("category", c.id());
                text(o.putObject("category_name"), c.name());
                o.put("type", s.type());
                o.put("clause", s.clause());
                o.put("claim", "claim".equals(s.decidedBy()));
                o.put("decided_by", s.decidedBy());
                o.put("max", s.maxPoints());
                if (s.tableIndicator() != null && !s.tableIndicator().forms().isEmpty()) {
                    ArrayNode forms = o.putArray("forms");
                    for (IndicatorTable.Form f : s.tableIndicator().forms()) {
                        ObjectNode fo = forms.addObject().put("formula", f.formula());
                        if (f.unit() != null) fo.put("unit", f.unit());
                        ObjectNode inputs = fo.putObject("inputs");
                        if (f.inputs() != null) f.inputs().forEach(inputs::put);
                    }
                }
            }
        }
        // not_applicable is refused where every indicator is scored (GB/T 36132-2025)
        root.put("not_applicable_allowed", !edition.usesIndicatorTables());

        ArrayNode limits = root.putArray("energy_limits");
        for (Benchmarks.EnergyLimitRow r : rulebook.benchmarks().rows()) {
            ObjectNode o = limits.addObject().put("id", r.id());
            text(o.putObject("product"), r.product());
            o.put("unit", r.unit());
            o.put("standard", r.standard());
        }
        root.set("fields", fields);
        root.set("schema", schema);
        return root;
    }

    /** The properties the schema forbids for {@code scheme} (its if scheme = … then … : false), as dotted paths. */
    Set<String> excluded(String scheme) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode then : thens(scheme)) {
            Iterator<Map.Entry<String, JsonNode>> it = then.path("properties").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isBoolean() && !e.getValue().booleanValue()) out.add(e.getKey());
                for (JsonNode part : e.getValue().path("allOf")) {
                    part.path("properties").fields().forEachRemaining(p -> {
                        if (p.getValue().isBoolean() && !p.getValue().booleanValue()) out.add(e.getKey() + "." + p.getKey());
                    });
                }
            }
        }
        return out;
    }

    private List<String> required(String scheme) {
        List<String> out = new ArrayList<>();
        schema.path("required").forEach(r -> out.add(r.asText()));
        for (JsonNode then : thens(scheme)) then.path("required").forEach(r -> out.add(r.asText()));
        schema.path("properties").path("facility").path("required").forEach(r -> out.add("facility." + r.asText()));
        for (JsonNode then : thens(scheme)) then.path("properties").path("facility").path("required").forEach(r -> out.add("facility." + r.asText()));
        return out;
    }

    private List<JsonNode> thens(String scheme) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode rule : schema.path("allOf")) {
            for (JsonNode c : rule.path("if").path("properties").path("scheme").path("allOf")) {
                if (c.has("const") && c.get("const").asText().equals(scheme)) out.add(rule.path("then"));
            }
        }
        return out;
    }

    /** GET /api/templates/{name}/blank: the template with guidance and no figures. */
    void blank(Context ctx) throws ApiException {
        String name = ctx.pathParam("name").replaceFirst("\\.ya?ml$", "");
        Templates.Template t = Templates.named(name).orElseThrow(() -> ApiException.notFound("没有模板 '" + Api.clip(name) + "'",
                "no template '" + Api.clip(name) + "'"));
        ctx.status(200).contentType("application/yaml; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + t.blankFileName() + "\"")
                .result(Templates.blankBytes(t));
    }

    /**
     * POST /api/parse: the YAML (or JSON) of the page's YAML view as JSON, so that the form shows
     * what the text says. A text that does not parse answers 422; its located message comes from
     * the validation the page runs anyway.
     */
    void parse(Context ctx) throws ApiException {
        byte[] body = ctx.bodyAsBytes();
        if (body.length > SubmissionRequest.MAX_BYTES) throw SubmissionRequest.tooLarge();
        JsonNode tree;
        try {
            String text = new String(body, StandardCharsets.UTF_8);
            tree = text.isBlank() ? ApiJson.NODES.objectNode() : yaml.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ApiException(422, "unreadable", new Text("YAML 无法解析：" + Api.clip(e.getOriginalMessage()),
                    "the YAML cannot be read: " + Api.clip(e.getOriginalMessage())));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) tree = ApiJson.NODES.objectNode();
        Api.json(ctx, 200, Json.pretty(tree));
    }

    private static void text(ObjectNode o, Text t) {
        if (t == null) return;
        o.put("zh", t.zh());
        o.put("en", t.en());
    }
}
