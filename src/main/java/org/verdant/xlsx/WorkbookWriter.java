package org.verdant.xlsx;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.verdant.yaml.Msg;
import org.verdant.yaml.YamlNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the workbook template of a scheme ({@link Layout}): a guide sheet, then one sheet per
 * section in the schema's order. A fields sheet has the columns key, name, value, unit, help; a
 * table sheet has a header row, a key row, then one row per item; units, choices and booleans are
 * data-validation lists (kept on a hidden sheet, so long lists fit). With a submission to fill
 * in, its values are written into the cells, which is how a YAML submission becomes a workbook.
 */
public final class WorkbookWriter {
    /** Rows of a table sheet that get the data-validation lists and the text format. */
    static final int TABLE_ROWS = 500;
    private static final String LISTS_SHEET = "_lists";
    // examples given as arguments: a message pattern cannot hold braces
    private static final String FLOW_EXAMPLE_ITEM = "{document: 安全生产情况证明, date: 2026-03-11}";
    private static final String FLOW_EXAMPLE_LIST = "[{year: 2024, output_value: 62700 万元}]";
    private static final String CITED_EXAMPLE = "营业执照 | sha256:3f2a…";
    private static final Pattern QUANTITY = Pattern.compile("\\s*([-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(\\S.*)?");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");

    private final Layout layout;
    private final Guide guide;
    private final String lang;
    private final YamlNode fill;
    private XSSFWorkbook wb;
    private CellStyle head;
    private CellStyle keyStyle;
    private CellStyle text;
    private CellStyle help;
    private Sheet lists;
    private final Map<List<String>, String> listRanges = new HashMap<>();

    private WorkbookWriter(Layout layout, Guide guide, String lang, YamlNode fill) {
        this.layout = layout;
        this.guide = guide;
        this.lang = "en".equals(lang) ? "en" : "zh";
        this.fill = fill;
    }

    /** The template; {@code fill} (a submission's tree, may be null) is written into its cells. */
    public static byte[] write(Layout layout, Guide guide, String lang, YamlNode fill) {
        return new WorkbookWriter(layout, guide, lang, fill).write();
    }

    private byte[] write() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb = workbook;
            styles();
            guideSheet();
            lists = wb.createSheet(LISTS_SHEET);
            for (Layout.Sheet s : layout.sheets()) {
                switch (s.shape()) {
                    case FIELDS -> fieldsSheet(s);
                    case TABLE, CLAIMS -> tableSheet(s);
                }
            }
            if (guide.reference() != null && !guide.reference().rows().isEmpty()) referenceSheet(guide.reference());
            wb.setSheetHidden(wb.getSheetIndex(lists), true);
            wb.setActiveSheet(0);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
    }

    private String t(String key, Object... args) {
        return Msg.of(key, args).render(lang);
    }

    private void styles() {
        head = wb.createCellStyle();
        Font bold = wb.createFont();
        bold.setBold(true);
        head.setFont(bold);
        head.setWrapText(true);
        keyStyle = wb.createCellStyle();
        Font grey = wb.createFont();
        grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
        grey.setFontHeightInPoints((short) 9);
        keyStyle.setFont(grey);
        text = wb.createCellStyle();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));
        help = wb.createCellStyle();
        help.setWrapText(true);
    }

    private void guideSheet() {
        Sheet s = wb.createSheet(t("xlsx.guide.sheet"));
        s.setColumnWidth(0, 110 * 256);
        List<String> lines = new ArrayList<>();
        lines.add(guide.title());
        lines.add("");
        for (String k : List.of("xlsx.guide.fields", "xlsx.guide.tables", "xlsx.guide.units", "xlsx.guide.lists", "xlsx.guide.evidence",
                "xlsx.guide.claims", "xlsx.guide.formulas", "xlsx.guide.evaluate")) {
            lines.add(t(k, k.equals("xlsx.guide.evidence") ? CITED_EXAMPLE : FLOW_EXAMPLE_ITEM));
        }
        lines.add("");
        lines.add(t("xlsx.guide.sheets"));
        for (Layout.Sheet sheet : layout.sheets()) lines.add("  " + sheet.name() + (sheet.path().isEmpty() ? "" : " (" + sheet.path() + ")"));
        for (int i = 0; i < lines.size(); i++) {
            Cell c = s.createRow(i).createCell(0);
            c.setCellValue(lines.get(i));
            if (i == 0) c.setCellStyle(head);
        }
    }

    // ---------------------------------------------------------------- fields sheets

    private void fieldsSheet(Layout.Sheet s) {
        Sheet sheet = wb.createSheet(s.name());
        Row top = sheet.createRow(0);
        List<String> headers = List.of(t("xlsx.col.field"), t("xlsx.col.name"), t("xlsx.col.value"), t("xlsx.col.unit"), t("xlsx.col.help"));
        for (int i = 0; i < headers.size(); i++) {
            Cell c = top.createCell(i);
            c.setCellValue(headers.get(i));
            c.setCellStyle(head);
        }
        // the key column's header is what the reader recognises a fields sheet by, in either language
        top.getCell(0).setCellValue("en".equals(lang) ? WorkbookReader.FIELD_HEADER_EN : WorkbookReader.FIELD_HEADER_ZH);
        int[] widths = {34, 22, 30, 12, 70};
        for (int i = 0; i < widths.length; i++) sheet.setColumnWidth(i, widths[i] * 256);
        sheet.createFreezePane(0, 1);
        int r = 1;
        for (Layout.Field f : s.fields()) {
            Row row = sheet.createRow(r);
            Cell key = row.createCell(0);
            key.setCellValue(f.key());
            key.setCellStyle(keyStyle);
            row.createCell(1).setCellValue(f.title());
            Cell value = row.createCell(2);
            if (textual(f)) value.setCellStyle(text); // so Excel keeps codes, dates and ids as written
            Cell unit = row.createCell(3);
            unit.setCellStyle(text);
            Cell h = row.createCell(4);
            h.setCellValue(helpText(f, f.key()));
            h.setCellStyle(help);
            List<String> choices = choices(f, f.key());
            if (!choices.isEmpty()) validate(sheet, choices, r, r, 2);
            if (f.kind() == Layout.Kind.QUANTITY && !f.units().isEmpty()) validate(sheet, f.units(), r, r, 3);
            String prefill = guide.prefill().get(f.key());
            if (prefill != null) value.setCellValue(prefill);
            YamlNode v = fill == null ? null : at(fill, f.key());
            if (v != null) write(value, unit, f, v);
            r++;
        }
    }

    // ---------------------------------------------------------------- table sheets

    private void tableSheet(Layout.Sheet s) {
        Sheet sheet = wb.createSheet(s.name());
        Row top = sheet.createRow(0);
        Row keys = sheet.createRow(1);
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        boolean claims = s.shape() == Layout.Shape.CLAIMS;
        List<Column> columns = new ArrayList<>();
        if (claims) {
            columns.add(new Column(WorkbookReader.CLAIM_ID, t("xlsx.col.criterion"), null, false));
            columns.add(new Column("", t("xlsx.col.criterion_name"), null, false));
        }
        for (Layout.Field f : s.fields()) {
            String key = WorkbookReader.keyOf(s, f);
            columns.add(new Column(key, f.title(), f, false));
            if (f.kind() == Layout.Kind.QUANTITY) columns.add(new Column(key + WorkbookReader.UNIT_SUFFIX, f.title() + t("xlsx.col.unit_of"), f, true));
        }
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            Cell h = top.createCell(i);
            h.setCellValue(col.title() + (col.field() != null && col.field().required() && !col.unit() ? " *" : ""));
            h.setCellStyle(head);
            Cell k = keys.createCell(i);
            k.setCellValue(col.key());
            k.setCellStyle(keyStyle);
            sheet.setColumnWidth(i, (col.unit() ? 10 : col.field() == null ? 16 : 20) * 256);
            if (col.field() != null && !col.unit()) {
                String about = helpText(col.field(), col.key());
                if (!about.isEmpty()) comment(drawing, h, about);
            }
            List<String> valid = col.field() == null ? List.of() : col.unit() ? col.field().units() : choices(col.field(), col.key());
            if (!valid.isEmpty()) validate(sheet, valid, 2, TABLE_ROWS + 1, i);
            if (col.field() == null || col.unit() || textual(col.field())) sheet.setDefaultColumnStyle(i, text);
        }
        sheet.createFreezePane(claims ? 2 : 1, 2);
        int r = 2;
        if (claims) {
            YamlNode.Mapping written = fill == null ? null : at(fill, "claims") instanceof YamlNode.Mapping m ? m : null;
            List<String> ids = new ArrayList<>();
            for (Guide.Claim c : guide.claims()) ids.add(c.id());
            if (written != null) for (String id : written.entries().keySet()) if (!ids.contains(id)) ids.add(id);
            for (String id : ids) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(id);
                guide.claims().stream().filter(c -> c.id().equals(id)).findFirst()
                        .ifPresent(c -> row.createCell(1).setCellValue(c.name() + (c.clause() == null ? "" : " (" + c.clause() + ")")));
                YamlNode item = written == null ? null : written.get(id);
                if (item != null) fillRow(row, columns, item, WorkbookReader.CLAIM_ID + ".");
            }
        } else if (fill != null && at(fill, s.path()) instanceof YamlNode.Sequence seq) {
            for (YamlNode item : seq.items()) fillRow(sheet.createRow(r++), columns, item, s.path() + "[].");
            if (seq.items().isEmpty()) sheet.createRow(r).createCell(0).setCellValue(WorkbookReader.NONE);
        }
    }

    private record Column(String key, String title, Layout.Field field, boolean unit) {
    }

    private void fillRow(Row row, List<Column> columns, YamlNode item, String prefix) {
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            if (col.field() == null || col.unit() || !col.key().startsWith(prefix)) continue;
            YamlNode v = at(item, col.key().substring(prefix.length()));
            if (v == null) continue;
            Cell unit = i + 1 < columns.size() && columns.get(i + 1).unit() ? row.createCell(i + 1) : null;
            write(row.createCell(i), unit, col.field(), v);
        }
    }

    private static boolean textual(Layout.Field f) {
        return switch (f.kind()) {
            case TEXT, DATE, LIST, FLOW, CHOICE, BOOLEAN -> true;
            default -> false;
        };
    }

    private void comment(Drawing<?> drawing, Cell cell, String about) {
        ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex());
        anchor.setCol2(cell.getColumnIndex() + 4);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 6);
        var comment = drawing.createCellComment(anchor);
        comment.setString(new XSSFRichTextString(about));
        cell.setCellComment(comment);
    }

    private void referenceSheet(Guide.Reference ref) {
        Sheet sheet = wb.createSheet(ref.sheet());
        Row top = sheet.createRow(0);
        for (int i = 0; i < ref.header().size(); i++) {
            Cell c = top.createCell(i);
            c.setCellValue(ref.header().get(i));
            c.setCellStyle(head);
            sheet.setColumnWidth(i, (i == 1 ? 36 : 18) * 256);
        }
        for (int r = 0; r < ref.rows().size(); r++) {
            Row row = sheet.createRow(r + 1);
            List<String> cells = ref.rows().get(r);
            for (int i = 0; i < cells.size(); i++) if (cells.get(i) != null) row.createCell(i).setCellValue(cells.get(i));
        }
        sheet.createFreezePane(0, 1);
    }

    // ---------------------------------------------------------------- help and lists

    private List<String> choices(Layout.Field f, String key) {
        List<String> extra = guide.choices().get(key);
        return extra != null && !extra.isEmpty() ? extra : f.choices();
    }

    private String helpText(Layout.Field f, String key) {
        List<String> parts = new ArrayList<>();
        if (f.required()) parts.add(t("xlsx.help.required"));
        parts.add(t("xlsx.help.kind." + f.kind().name().toLowerCase(java.util.Locale.ROOT), FLOW_EXAMPLE_LIST));
        if (f.kind() == Layout.Kind.QUANTITY && !f.units().isEmpty()) parts.add(t("xlsx.help.units", String.join(", ", f.units())));
        if (f.unitOptional()) parts.add(t("xlsx.help.unit_optional"));
        if (f.kind() == Layout.Kind.LIST && WorkbookReader.citesFiles(f)) parts.add(t("xlsx.help.evidence", CITED_EXAMPLE));
        List<String> choices = choices(f, key);
        if (!choices.isEmpty() && choices.size() <= 40) parts.add(t("xlsx.help.choices", String.join(", ", choices)));
        if (!f.help().isEmpty()) parts.add(f.help());
        return String.join(" ", parts);
    }

    /** A data-validation list over rows {@code r1..r2} of column {@code c}, its values on the hidden lists sheet. */
    private void validate(Sheet sheet, List<String> values, int r1, int r2, int c) {
        String range = listRanges.computeIfAbsent(values, v -> {
            int column = listRanges.size();
            for (int i = 0; i < v.size(); i++) {
                Row row = lists.getRow(i) == null ? lists.createRow(i) : lists.getRow(i);
                row.createCell(column).setCellValue(v.get(i));
            }
            String col = CellReference.convertNumToColString(column);
            return "'" + LISTS_SHEET + "'!$" + col + "$1:$" + col + "$" + v.size();
        });
        DataValidationHelper helper = sheet.getDataValidationHelper();
        DataValidationConstraint constraint = helper.createFormulaListConstraint(range);
        DataValidation dv = helper.createValidation(constraint, new CellRangeAddressList(r1, r2, c, c));
        dv.setSuppressDropDownArrow(true); // in XSSF, true shows the arrow
        dv.setShowErrorBox(false); // a unit or id the list lacks is the reader's to judge, with a located message
        sheet.addValidationData(dv);
    }

    // ---------------------------------------------------------------- filling in

    /** The node at a dotted path below {@code node}, or null. */
    static YamlNode at(YamlNode node, String path) {
        YamlNode at = node;
        for (String part : path.split("\\.")) {
            if (!(at instanceof YamlNode.Mapping m)) return null;
            at = m.get(part);
            if (at == null) return null;
        }
        return at instanceof YamlNode.Scalar s && s.isNull() ? null : at;
    }

    private void write(Cell value, Cell unit, Layout.Field f, YamlNode v) {
        if (v instanceof YamlNode.Scalar s) {
            switch (f.kind()) {
                case QUANTITY -> {
                    Matcher m = QUANTITY.matcher(s.text());
                    if (m.matches() && unit != null && (m.group(2) != null || !"string".equals(s.type()))) {
                        value.setCellValue(Double.parseDouble(m.group(1)));
                        value.setCellStyle(null);
                        if (m.group(2) != null && unit != null) unit.setCellValue(m.group(2).strip());
                        return;
                    }
                }
                case INTEGER, NUMBER -> {
                    if (("int".equals(s.type()) || "float".equals(s.type())) && PLAIN_NUMBER.matcher(s.text().strip()).matches()) {
                        value.setCellValue(Double.parseDouble(s.text().strip()));
                        value.setCellStyle(null);
                        return;
                    }
                }
                default -> {
                }
            }
            value.setCellValue(f.kind() == Layout.Kind.FLOW ? flow(s) : s.text());
            return;
        }
        if (f.kind() == Layout.Kind.LIST && v instanceof YamlNode.Sequence seq && !seq.items().isEmpty()) {
            List<String> items = new ArrayList<>();
            boolean evidence = WorkbookReader.citesFiles(f);
            for (YamlNode item : seq.items()) {
                String cited = evidence ? citedFile(item) : null;
                items.add(cited != null ? cited : item instanceof YamlNode.Scalar s ? s.text() : flow(item));
            }
            value.setCellValue(String.join("\n", items));
            return;
        }
        value.setCellValue(flow(v));
    }

    /**
     * An evidence item citing an uploaded file as an Excel user writes it, {@code 名称 | sha256:…} or
     * the digest alone; null for any other item (written in flow style), and for one whose name
     * would not read back as written.
     */
    private static String citedFile(YamlNode item) {
        if (!(item instanceof YamlNode.Mapping m) || !(m.get("sha256") instanceof YamlNode.Scalar sha)) return null;
        if (!m.entries().keySet().stream().allMatch(k -> k.equals("document") || k.equals("sha256"))) return null;
        YamlNode doc = m.get("document");
        if (doc != null && !(doc instanceof YamlNode.Scalar d && "string".equals(d.type()))) return null;
        String name = doc == null ? null : ((YamlNode.Scalar) doc).text();
        if (name != null && (name.isBlank() || !name.equals(name.strip()) || name.matches("(?s).*[|｜；\\n{\\[].*"))) return null;
        String text = name == null ? sha.text() : name + " | " + sha.text();
        java.util.regex.Matcher back = WorkbookReader.CITED_FILE.matcher(text);
        return back.matches() && java.util.Objects.equals(back.group(1), name) && back.group(2).equals(sha.text()) ? text : null;
    }

    /** A node in YAML flow style, as a flow cell holds it. */
    static String flow(YamlNode n) {
        if (n instanceof YamlNode.Mapping m) {
            List<String> parts = new ArrayList<>();
            m.entries().forEach((k, e) -> parts.add(quoted(k, "string") + ": " + flow(e.value())));
            return "{" + String.join(", ", parts) + "}";
        }
        if (n instanceof YamlNode.Sequence s) return "[" + String.join(", ", s.items().stream().map(WorkbookWriter::flow).toList()) + "]";
        YamlNode.Scalar s = (YamlNode.Scalar) n;
        return s.isNull() ? "null" : quoted(s.text(), s.type());
    }

    private static final Pattern NEEDS_QUOTES = Pattern.compile("^$|^\\s|\\s$|[,:{}\\[\\]#&*!|>'\"%@`]|^[-?]");
    private static final Pattern LOOKS_TYPED = Pattern.compile("(?i)[-+]?[0-9.][0-9.eE+_-]*|true|false|yes|no|on|off|null|~|\\d{4}-\\d{2}-\\d{2}.*");

    private static String quoted(String text, String type) {
        if (!"string".equals(type)) return text;
        if (NEEDS_QUOTES.matcher(text).find() || LOOKS_TYPED.matcher(text).matches()) return "'" + text.replace("'", "''") + "'";
        return text;
    }
}
