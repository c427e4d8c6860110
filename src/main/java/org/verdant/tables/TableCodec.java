package org.verdant.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.verdant.tables.TableSheets.HeaderEntry;
import org.verdant.tables.TableSheets.Locator;
import org.verdant.tables.TableSheets.Row;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Table YAML tree ⇄ {@link TableSheets}. The visible columns show what Table A.1 prints, readably;
 * whatever they cannot show (an English rule text, a figure's detail, 8.0 written as 8.0) goes to
 * the row's "其他(YAML)" cells as the residual of the tree against what the visible cells rebuild,
 * so that decode(encode(x)) = x. encode checks that before it returns.
 */
final class TableCodec {
    static final String BONUS_ID = "bonus";
    static final String BONUS_NAME = "加分项";
    private static final Pattern DIMENSION_CELL = Pattern.compile("^(.+?)\\s*[（(]\\s*([-+]?\\d+(?:\\.\\d+)?)\\s*%?\\s*[)）]$");
    private static final Pattern NUMBER_WITH_UNIT = Pattern.compile("^([-+]?\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?)(?:\\s*(\\S.*))?$");
    private static final Map<String, String> HEADER_LABELS = new LinkedHashMap<>();

    static {
        String[][] labels = {{"format", "格式"}, {"id", "编号"}, {"version", "版本"}, {"edition", "标准版本"}, {"title", "名称"},
                {"kind", "类型"}, {"province", "省份"}, {"industries", "行业代码（GB/T 4754）"}, {"applies", "适用期间"},
                {"status", "整体状态"}, {"sources", "来源"}, {"source", "默认来源"}, {"notes", "说明"}, {"pass_line", "合格线"},
                {"gates", "附加基本要求"}, {"bonus", "加分项（项目见评价指标表）"}, {"calibrated_from", "校准自"}};
        for (String[] l : labels) HEADER_LABELS.put(l[0], l[1]);
    }

    private TableCodec() {
    }

    // ---------------------------------------------------------------- encode

    static TableSheets encode(ObjectNode table, String name) throws TableInputException {
        List<HeaderEntry> header = new ArrayList<>();
        int headerRow = 2;
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            var e = it.next();
            if (e.getKey().equals("dimensions")) continue;
            JsonNode v = e.getValue();
            if (e.getKey().equals("bonus") && v instanceof ObjectNode b && b.has("items")) {
                v = b.deepCopy();
                ((ObjectNode) v).remove("items");
            }
            String label = HEADER_LABELS.getOrDefault(e.getKey(), "");
            header.add(v.isTextual() ? new HeaderEntry(headerRow++, e.getKey(), label, v.asText(), null)
                    : new HeaderEntry(headerRow++, e.getKey(), label, null, TableTree.json(v)));
        }
        List<Row> rows = new ArrayList<>();
        int[] next = {2};
        JsonNode dims = table.path("dimensions");
        if (!dims.isArray()) throw new TableInputException(name + ": 没有 dimensions：应为一级指标的列表");
        for (JsonNode dim : dims) {
            if (!(dim instanceof ObjectNode d)) throw new TableInputException(name + ": dimensions：每个一级指标应为映射");
            rows.addAll(encodeDimension(d, next, name));
        }
        JsonNode bonus = table.get("bonus");
        if (bonus instanceof ObjectNode b && b.has("items")) {
            ObjectNode pseudo = TableTree.NODES.objectNode().put("id", BONUS_ID);
            pseudo.putObject("name").put("zh", BONUS_NAME);
            pseudo.set("indicators", b.get("items"));
            rows.addAll(encodeDimension(pseudo, next, name));
        }
        TableSheets sheets = new TableSheets(header, rows);
        ObjectNode back = decode(sheets, (s, c, r) -> name + ":" + s + "!" + Column.letter(c) + r);
        if (!TableTree.same(table, back)) {
            throw new IllegalStateException("the sheet does not rebuild " + name + " (a bug in the table codec): "
                    + TableTree.json(TableTree.residual(table, back)));
        }
        return sheets;
    }

    private static List<Row> encodeDimension(ObjectNode dim, int[] next, String name) throws TableInputException {
        List<Row> rows = new ArrayList<>();
        String dimCell = dimensionCell(dim);
        JsonNode indicators = dim.path("indicators");
        if (!indicators.isArray() || indicators.isEmpty())
            throw new TableInputException(name + ": 一级指标 " + TableTree.text(dim, "id") + "：没有二级指标");
        List<List<Row>> groups = new ArrayList<>();
        for (JsonNode ind : indicators) {
            if (!(ind instanceof ObjectNode i)) throw new TableInputException(name + ": 一级指标 " + TableTree.text(dim, "id") + "：有一项二级指标不是映射");
            List<Row> group = encodeIndicator(i, next, name);
            for (Row r : group) {
                r.cells().put(Column.DIMENSION, dimCell);
                r.cells().put(Column.DIMENSION_ID, TableTree.text(dim, "id"));
                r.cells().put(Column.WEIGHT_STATUS, TableTree.text(dim.get("weight"), "status"));
                r.cells().put(Column.WEIGHT_SOURCE, TableTree.text(dim.get("weight"), "source"));
            }
            groups.add(group);
            rows.addAll(group);
        }
        ObjectNode rebuilt = decodeDimensionHead(rows.get(0), null, (s, c, r) -> "");
        ObjectNode head = dim.deepCopy();
        head.remove("indicators");
        ObjectNode extra = TableTree.residual(head, rebuilt);
        if (extra != null) rows.get(0).cells().put(Column.DIMENSION_EXTRA, TableTree.json(extra));
        return rows;
    }

    private static String dimensionCell(ObjectNode dim) {
        String zh = dim.path("name").path("zh").asText(TableTree.text(dim, "id"));
        JsonNode w = dim.path("weight").path("value");
        return w.isNumber() ? zh + "（" + w.decimalValue().stripTrailingZeros().toPlainString() + "%）" : zh;
    }

    private static List<Row> encodeIndicator(ObjectNode ind, int[] next, String name) throws TableInputException {
        List<JsonNode> forms = new ArrayList<>();
        boolean multi = ind.path("forms").isArray() && !ind.path("forms").isEmpty();
        if (multi) ind.get("forms").forEach(forms::add);
        else forms.add(ind);
        List<Row> rows = new ArrayList<>();
        for (JsonNode form : forms) {
            EnumMap<Column, Object> cells = new EnumMap<>(Column.class);
            cells.put(Column.UNIT, TableTree.text(form, "unit"));
            cells.put(Column.FORMULA, TableTree.text(form, "formula"));
            figureCells(form.get("leading"), cells, Column.LEADING, Column.LEADING_STATUS, Column.LEADING_SOURCE);
            figureCells(form.get("baseline"), cells, Column.BASELINE, Column.BASELINE_STATUS, Column.BASELINE_SOURCE);
            rows.add(new Row(next[0]++, cells));
        }
        EnumMap<Column, Object> first = rows.get(0).cells();
        JsonNode parent = ind.get("parent");
        String zh = ind.path("name").path("zh").asText(null);
        if (parent != null && parent.isTextual()) {
            first.put(Column.SECOND, parent.asText());
            first.put(Column.THIRD, zh);
        } else {
            first.put(Column.SECOND, zh);
        }
        first.put(Column.NUMBER, ind.path("number").isNumber() ? ind.get("number").decimalValue() : TableTree.text(ind, "number"));
        first.put(Column.INDICATOR_ID, TableTree.text(ind, "id"));
        first.put(Column.NAME_EN, ind.path("name").path("en").asText(null));
        String type = TableTree.text(ind, "type");
        first.put(Column.TYPE, type == null ? null : Vocabulary.TYPES.getOrDefault(type, type));
        JsonNode points = ind.get("points");
        if (points != null) {
            first.put(Column.POINTS, points.path("value").isNumber() ? points.get("value").decimalValue() : null);
            first.put(Column.POINTS_STATUS, TableTree.text(points, "status"));
            first.put(Column.POINTS_SOURCE, TableTree.text(points, "source"));
        }
        first.put(Column.RULE, TableTree.text(ind, "rule"));
        first.put(Column.RULE_TEXT, ind.path("rule_text").path("zh").asText(null));
        String listKey = listKey(TableTree.text(ind, "rule"));
        if (listKey != null && ind.has(listKey)) first.put(Column.BANDS, TableTree.json(ind.get(listKey)));
        // the indicator-level cells are the same on every row of the indicator (they are merged)
        for (Row r : rows.subList(1, rows.size()))
            for (Column c : Column.values()) if (c.scope == Column.Scope.INDICATOR) r.cells().put(c, first.get(c));

        Locator quiet = (s, c, r) -> name + ": indicator " + TableTree.text(ind, "id");
        if (multi) {
            for (int i = 0; i < rows.size(); i++) {
                ObjectNode rebuilt = decodeForm(rows.get(i), zh, type, quiet, null);
                ObjectNode extra = TableTree.residual((ObjectNode) forms.get(i), rebuilt);
                if (extra != null) rows.get(i).cells().put(Column.FORM_EXTRA, TableTree.json(extra));
            }
        }
        ObjectNode rebuilt = decodeIndicator(rows, TableTree.text(ind, "id"), quiet);
        ObjectNode extra = TableTree.residual(ind, rebuilt);
        if (extra != null) for (Row r : rows) r.cells().put(Column.INDICATOR_EXTRA, TableTree.json(extra));
        return rows;
    }

    private static void figureCells(JsonNode figure, EnumMap<Column, Object> cells, Column value, Column status, Column source) {
        if (figure == null || figure.isNull()) {
            cells.put(value, "/");
            return;
        }
        String words = Vocabulary.referenceWords(figure);
        if (words != null) cells.put(value, words);
        else if (figure.path("value").isNumber() && !figure.has("ref") && !figure.has("by")) {
            BigDecimal v = figure.get("value").decimalValue();
            String unit = TableTree.text(figure, "unit");
            cells.put(value, unit == null ? v : v.stripTrailingZeros().toPlainString() + " " + unit);
        } else {
            cells.put(value, TableTree.json(figure));
            return;
        }
        cells.put(status, TableTree.text(figure, "status"));
        cells.put(source, TableTree.text(figure, "source"));
    }

    /** Which list the 分档/等级/项目 column holds for a rule. */
    private static String listKey(String rule) {
        if (rule == null) return null;
        return switch (rule) {
            case "banded" -> "bands";
            case "degree" -> "levels";
            case "count" -> "items";
            default -> null;
        };
    }

    // ---------------------------------------------------------------- decode

    static ObjectNode decode(TableSheets sheets, Locator at) throws TableInputException {
        List<String> problems = new ArrayList<>();
        ObjectNode table = TableTree.NODES.objectNode();
        for (HeaderEntry h : sheets.header()) {
            if (h.key() == null || h.key().isBlank()) continue;
            if (h.flow() != null && !h.flow().isBlank()) {
                try {
                    table.set(h.key().strip(), TableTree.parseFlow(h.flow()));
                } catch (JsonProcessingException e) {
                    problems.add(at.cell(TableSheets.HEADER_SHEET, 3, h.row()) + ": " + h.key() + ": 不是有效的 YAML：" + e.getOriginalMessage());
                }
            } else {
                table.put(h.key().strip(), h.text() == null ? "" : h.text());
            }
        }
        ArrayNode dims = table.putArray("dimensions");
        ArrayNode bonusItems = null;
        List<Row> rows = sheets.rows().stream().filter(r -> r.cells().values().stream().anyMatch(v -> v != null && !v.toString().isBlank())).toList();
        int i = 0;
        while (i < rows.size()) {
            Row head = rows.get(i);
            int end = i + 1;
            while (end < rows.size() && sameDimension(head, rows.get(end))) end++;
            try {
                ObjectNode dim = decodeDimensionHead(head, problems, at);
                ArrayNode inds = TableTree.NODES.arrayNode();
                List<Row> dimRows = rows.subList(i, end);
                int j = 0;
                int ordinal = 1;
                while (j < dimRows.size()) {
                    int k = j + 1;
                    while (k < dimRows.size() && sameIndicator(dimRows.get(j), dimRows.get(k))) k++;
                    String id = dimRows.get(j).text(Column.INDICATOR_ID);
                    if (id == null) id = dim.path("id").asText() + ordinal;
                    try {
                        inds.add(decodeIndicator(dimRows.subList(j, k), id, at));
                    } catch (TableInputException e) {
                        problems.addAll(e.problems());
                    }
                    ordinal++;
                    j = k;
                }
                if (dim.path("id").asText().equals(BONUS_ID)) {
                    bonusItems = inds;
                } else {
                    dim.set("indicators", inds);
                    mergeExtra(dim, head, Column.DIMENSION_EXTRA, at, problems);
                    dims.add(dim);
                }
            } catch (TableInputException e) {
                problems.addAll(e.problems());
            }
            i = end;
        }
        if (bonusItems != null) {
            JsonNode bonus = table.get("bonus");
            ObjectNode b = bonus instanceof ObjectNode o ? o : table.putObject("bonus");
            b.set("items", bonusItems);
        }
        if (!problems.isEmpty()) throw new TableInputException(problems);
        return table;
    }

    private static boolean sameDimension(Row head, Row r) {
        String name = r.text(Column.DIMENSION);
        String id = r.text(Column.DIMENSION_ID);
        if (name == null && id == null) return true;
        return Objects.equals(name, head.text(Column.DIMENSION)) && Objects.equals(id, head.text(Column.DIMENSION_ID));
    }

    private static final List<Column> INDICATOR_KEY = List.of(Column.NUMBER, Column.SECOND, Column.THIRD, Column.INDICATOR_ID);

    private static boolean sameIndicator(Row head, Row r) {
        if (INDICATOR_KEY.stream().allMatch(c -> r.text(c) == null)) return true;
        return INDICATOR_KEY.stream().allMatch(c -> Objects.equals(r.text(c), head.text(c)));
    }

    private static ObjectNode decodeDimensionHead(Row head, List<String> problems, Locator at) throws TableInputException {
        String cell = head.text(Column.DIMENSION);
        ObjectNode dim = TableTree.NODES.objectNode();
        String zh = cell;
        BigDecimal weight = null;
        if (cell != null) {
            Matcher m = DIMENSION_CELL.matcher(cell);
            if (m.matches()) {
                zh = m.group(1).strip();
                weight = new BigDecimal(m.group(2));
            }
        }
        String id = head.text(Column.DIMENSION_ID);
        if (id == null && zh != null) id = BONUS_NAME.equals(zh) ? BONUS_ID : Vocabulary.DIMENSIONS.get(zh);
        if (id == null) {
            throw new TableInputException(at.cell(TableSheets.INDICATOR_SHEET, Column.DIMENSION_ID.ordinal(), head.row())
                    + ": 一级指标「" + (zh == null ? "" : zh) + "」没有编号，且不是五个一级指标之一（能源低碳化 E、资源高效化 R、生产洁净化 C、产品绿色化 P、用地集约化 L）；请在「"
                    + Column.DIMENSION_ID.header + "」列写明");
        }
        dim.put("id", id);
        if (zh != null) dim.putObject("name").put("zh", zh);
        String status = head.text(Column.WEIGHT_STATUS);
        String source = head.text(Column.WEIGHT_SOURCE);
        if (weight != null || status != null || source != null) {
            ObjectNode w = dim.putObject("weight");
            if (weight != null) w.set("value", TableTree.number(weight));
            if (status != null) w.put("status", status);
            if (source != null) w.put("source", source);
        }
        return dim;
    }

    static ObjectNode decodeIndicator(List<Row> rows, String id, Locator at) throws TableInputException {
        List<String> problems = new ArrayList<>();
        Row first = rows.get(0);
        ObjectNode ind = TableTree.NODES.objectNode();
        ind.put("id", id);
        Object number = first.get(Column.NUMBER);
        String numberText = first.text(Column.NUMBER);
        if (numberText != null) {
            BigDecimal n = number instanceof BigDecimal d ? d : parseNumber(numberText);
            if (n != null) ind.set("number", TableTree.number(n));
            else ind.put("number", numberText);
        }
        String second = first.text(Column.SECOND);
        String third = first.text(Column.THIRD);
        String zh = third != null ? third : second;
        ObjectNode name = ind.putObject("name");
        if (zh != null) name.put("zh", zh);
        String en = first.text(Column.NAME_EN);
        if (en != null) name.put("en", en);
        if (third != null) ind.put("parent", second);
        else ind.putNull("parent");
        String typeCell = first.text(Column.TYPE);
        String type = null;
        if (typeCell == null) {
            problems.add(at.cell(TableSheets.INDICATOR_SHEET, Column.TYPE.ordinal(), first.row()) + ": 指标类型为空（正向定量、逆向定量、正向定性、逆向定性）");
        } else {
            type = Vocabulary.type(typeCell).orElse(null);
            if (type == null) problems.add(at.cell(TableSheets.INDICATOR_SHEET, Column.TYPE.ordinal(), first.row()) + ": 指标类型「" + typeCell
                    + "」不是正向定量、逆向定量、正向定性、逆向定性之一");
            else ind.put("type", type);
        }
        String points = first.text(Column.POINTS);
        String pointsStatus = first.text(Column.POINTS_STATUS);
        String pointsSource = first.text(Column.POINTS_SOURCE);
        if (points != null || pointsStatus != null || pointsSource != null) {
            ObjectNode p = ind.putObject("points");
            if (points != null) {
                BigDecimal v = first.get(Column.POINTS) instanceof BigDecimal d ? d : parseNumber(points);
                if (v == null) problems.add(at.cell(TableSheets.INDICATOR_SHEET, Column.POINTS.ordinal(), first.row()) + ": 权重分值「" + points + "」不是数值");
                else p.set("value", TableTree.number(v));
            }
            if (pointsStatus != null) p.put("status", pointsStatus);
            if (pointsSource != null) p.put("source", pointsSource);
        }
        String ruleCell = first.text(Column.RULE);
        String ruleText = first.text(Column.RULE_TEXT);
        String rule = null;
        if (ruleCell != null) {
            rule = RuleRecognizer.named(ruleCell).orElse(null);
            if (rule == null) problems.add(at.cell(TableSheets.INDICATOR_SHEET, Column.RULE.ordinal(), first.row()) + ": 评分规则类型「" + ruleCell
                    + "」不是已知的评分规则（" + String.join("、", RuleRecognizer.RULES) + "）");
        } else if (ruleText != null) {
            rule = RuleRecognizer.recognise(ruleText).orElse(null);
            if (rule == null) problems.add(at.cell(TableSheets.INDICATOR_SHEET, Column.RULE_TEXT.ordinal(), first.row()) + ": 评分规则「" + ruleText
                    + "」无法对应到已知的评分规则（线性比例、达到即得分、极差法、分档、按项计分、有证据得满分、根据已开展情况赋分）；请改写，或在「"
                    + Column.RULE.header + "」列写明规则");
        } else {
            problems.add(at.cell(TableSheets.INDICATOR_SHEET, Column.RULE_TEXT.ordinal(), first.row()) + ": 评分规则为空");
        }
        if (rule != null) ind.put("rule", rule);
        if (ruleText != null) ind.putObject("rule_text").put("zh", ruleText);
        String list = first.text(Column.BANDS);
        if (list != null) {
            String key = listKey(rule);
            if (key == null) {
                if (rule != null) problems.add(at.cell(TableSheets.INDICATOR_SHEET, Column.BANDS.ordinal(), first.row())
                        + ": 只有分档（banded）、根据已开展情况赋分（degree）、按项计分（count）的规则有分档/等级/项目，此行规则为 " + rule);
            } else {
                try {
                    ind.set(key, TableTree.parseFlow(list));
                } catch (JsonProcessingException e) {
                    problems.add(at.cell(TableSheets.INDICATOR_SHEET, Column.BANDS.ordinal(), first.row()) + ": 不是有效的 YAML：" + e.getOriginalMessage());
                }
            }
        }
        List<ObjectNode> forms = new ArrayList<>();
        for (Row r : rows) {
            try {
                forms.add(decodeForm(r, zh, type, at, rows.size() > 1 ? problems : null));
            } catch (TableInputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new TableInputException(problems);
        if (forms.size() == 1) ind.setAll(forms.get(0));
        else ind.putArray("forms").addAll(forms);
        mergeExtra(ind, first, Column.INDICATOR_EXTRA, at, problems);
        if (!problems.isEmpty()) throw new TableInputException(problems);
        return ind;
    }

    /** One row's way of computing the quantity; {@code extraProblems} non-null: merge the row's form residual too. */
    private static ObjectNode decodeForm(Row r, String name, String type, Locator at, List<String> extraProblems) throws TableInputException {
        List<String> problems = new ArrayList<>();
        ObjectNode form = TableTree.NODES.objectNode();
        String unit = r.text(Column.UNIT);
        JsonNode leading = figure(r, Column.LEADING, Column.LEADING_STATUS, Column.LEADING_SOURCE, at, problems);
        JsonNode baseline = figure(r, Column.BASELINE, Column.BASELINE_STATUS, Column.BASELINE_SOURCE, at, problems);
        String formula = r.text(Column.FORMULA);
        if (formula == null && Vocabulary.quantitative(type)) {
            formula = FormulaRecognizer.recognise(name, unit).orElse(null);
            if (formula == null) problems.add(at.cell(TableSheets.INDICATOR_SHEET, Column.FORMULA.ordinal(), r.row()) + ": 第 " + r.row() + " 行「"
                    + name + "」（单位 " + (unit == null ? "无" : unit) + "）：无法从指标名称和单位确定附录 B 公式；请在「" + Column.FORMULA.header + "」列写明（如 B.1）");
        }
        if (formula != null) form.put("formula", formula);
        if (unit != null) form.put("unit", unit);
        if (leading != null) form.set("leading", leading);
        if (baseline != null) form.set("baseline", baseline);
        if (!problems.isEmpty()) throw new TableInputException(problems);
        if (extraProblems != null) mergeExtra(form, r, Column.FORM_EXTRA, at, extraProblems);
        return form;
    }

    private static JsonNode figure(Row r, Column value, Column status, Column source, Locator at, List<String> problems) {
        Object raw = r.get(value);
        String text = r.text(value);
        if (text == null || text.equals("/") || text.equals("—") || text.equals("-") || text.equals("－")) return null;
        String where = at.cell(TableSheets.INDICATOR_SHEET, value.ordinal(), r.row());
        if (text.startsWith("{")) {
            try {
                return TableTree.parseFlow(text);
            } catch (JsonProcessingException e) {
                problems.add(where + ": " + value.header + " 不是有效的 YAML：" + e.getOriginalMessage());
                return null;
            }
        }
        ObjectNode f;
        if (raw instanceof BigDecimal d) {
            f = TableTree.NODES.objectNode();
            f.set("value", TableTree.number(d));
        } else {
            f = Vocabulary.reference(text).orElse(null);
            if (f == null) {
                Matcher m = NUMBER_WITH_UNIT.matcher(text);
                if (!m.matches()) {
                    problems.add(where + ": " + value.header + "「" + text + "」既不是数值，也不是已知的引用（能耗限额N级、用水定额先进值、用水定额通用值、行业平均水平、行业先进水平）");
                    return null;
                }
                f = TableTree.NODES.objectNode();
                f.set("value", TableTree.number(new BigDecimal(m.group(1))));
                if (m.group(2) != null) f.put("unit", m.group(2).strip());
            }
        }
        String s = r.text(status);
        String src = r.text(source);
        if (s != null) f.put("status", s);
        if (src != null) f.put("source", src);
        return f;
    }

    private static void mergeExtra(ObjectNode node, Row r, Column column, Locator at, List<String> problems) {
        String extra = r.text(column);
        if (extra == null) return;
        try {
            JsonNode parsed = TableTree.parseFlow(extra);
            if (!(parsed instanceof ObjectNode o)) {
                problems.add(at.cell(TableSheets.INDICATOR_SHEET, column.ordinal(), r.row()) + ": " + column.header + " 应为 YAML 映射（{…}）");
                return;
            }
            TableTree.merge(node, o);
        } catch (JsonProcessingException e) {
            problems.add(at.cell(TableSheets.INDICATOR_SHEET, column.ordinal(), r.row()) + ": " + column.header + " 不是有效的 YAML：" + e.getOriginalMessage());
        }
    }

    static BigDecimal parseNumber(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
