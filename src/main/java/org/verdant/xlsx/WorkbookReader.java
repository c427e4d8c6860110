package org.verdant.xlsx;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.apache.poi.EmptyFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.verdant.text.Location;
import org.verdant.yaml.Problems;
import org.verdant.yaml.YamlNode;
import org.verdant.yaml.YamlReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a filled workbook (laid out as {@link WorkbookWriter} writes it) into the YAML tree a YAML
 * submission would give. Untrusted input: a file that is no .xlsx, an encrypted or old .xls file,
 * a zip bomb, too many sheets or rows, formulas without a saved value, error values and merged
 * cells over the values are refused with a problem at the sheet and cell; nothing here throws on
 * bad input. Sheets are recognised by their key row or column, not their names, so a sheet the
 * user added for notes is ignored and renaming a sheet changes nothing.
 */
public final class WorkbookReader {
    public static final int MAX_SHEETS = 60;
    public static final int MAX_ROWS = 2_000;
    public static final int MAX_COLUMNS = 100;
    /** The largest uncompressed part of a workbook: a legitimate submission's sheets are far smaller. */
    public static final long MAX_PART_BYTES = 25L * 1024 * 1024;

    static final String FIELD_HEADER_ZH = "字段";
    static final String FIELD_HEADER_EN = "field";
    static final String UNIT_SUFFIX = "|unit";
    static final String CLAIM_ID = "claims{}";
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("\\r?\\n|；");
    /**
     * An uploaded file cited in an evidence cell: {@code 名称 | sha256:…} (the bar half- or full-width,
     * as a Chinese keyboard types it) or the digest alone. The digest part is what follows the bar
     * when it is one; a malformed one is the submission reader's to report at the cell.
     */
    static final Pattern CITED_FILE = Pattern.compile("(?:(.*?)\\s*[|｜]\\s*)?(sha256:\\S*|[0-9a-fA-F]{64})");

    private final String file;
    private final Problems problems;
    private final Map<String, Layout.Field> fields = new HashMap<>();
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, String> cells = new LinkedHashMap<>();

    private WorkbookReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    /** Whether a file name says it is a workbook (.xlsx); the content is checked when it is read. */
    public static boolean isWorkbookName(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * Reads the workbook {@code bytes} named {@code file}; returns null, with the problems recorded,
     * when it cannot be turned into a submission.
     */
    public static WorkbookSubmission read(String file, byte[] bytes, Problems problems) {
        return new WorkbookReader(file, problems).parse(bytes);
    }

    private WorkbookSubmission parse(byte[] bytes) {
        if (bytes.length > YamlReader.MAX_BYTES) {
            problems.say(Location.unknown(file), "", "problem.xlsx.too_large", YamlReader.MAX_BYTES);
            return null;
        }
        FileMagic magic;
        try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(bytes))) {
            magic = bytes.length == 0 ? FileMagic.UNKNOWN : FileMagic.valueOf(in);
        } catch (IOException e) {
            magic = FileMagic.UNKNOWN;
        }
        if (magic == FileMagic.OLE2) {
            problems.say(Location.unknown(file), "", "problem.xlsx.ole2");
            return null;
        }
        if (magic != FileMagic.OOXML) {
            problems.say(Location.unknown(file), "", "problem.xlsx.not_xlsx");
            return null;
        }
        ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (wb.getNumberOfSheets() > MAX_SHEETS) {
                problems.say(Location.unknown(file), "", "problem.xlsx.too_many_sheets", wb.getNumberOfSheets(), MAX_SHEETS);
                return null;
            }
            String scheme = null;
            int before = problems.count();
            for (Sheet sheet : wb) {
                if (sheet.getLastRowNum() >= MAX_ROWS + 2) {
                    problems.say(location(sheet, sheet.getLastRowNum(), 0), "", "problem.xlsx.too_many_rows", sheet.getSheetName(), MAX_ROWS);
                    continue;
                }
                if (scheme == null) scheme = findScheme(sheet);
            }
            if (problems.count() > before) return null;
            Layout layout = Layout.of(scheme == null || !knownScheme(scheme) ? "green-factory" : scheme);
            for (Layout.Sheet s : layout.sheets()) {
                for (Layout.Field f : s.fields()) fields.put(keyOf(s, f), f);
            }
            for (Sheet sheet : wb) readSheet(sheet);
            if (problems.count() > before) return null;
            return new WorkbookSubmission(file, yaml(), cells);
        } catch (EmptyFileException e) {
            problems.say(Location.unknown(file), "", "problem.xlsx.not_xlsx");
            return null;
        } catch (Exception e) {
            // POI reports a damaged or hostile package with many kinds of exception: all mean "cannot be read"
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            problems.say(Location.unknown(file), "", "problem.xlsx.cannot_read", why.length() > 200 ? why.substring(0, 200) + "…" : why);
            return null;
        }
    }

    private static boolean knownScheme(String scheme) {
        return List.of("green-factory", "green-park", "zero-carbon-park", "green-supply-chain").contains(scheme);
    }

    /** The layout key a field is known by: its full path, "[]" standing for a list item, "{}" for a claim id. */
    static String keyOf(Layout.Sheet s, Layout.Field f) {
        return switch (s.shape()) {
            case FIELDS -> f.key();
            case TABLE -> s.path() + "[]." + f.key();
            case CLAIMS -> CLAIM_ID + "." + f.key();
        };
    }

    /** The scheme the fields sheet names (the layout depends on it), or null. */
    private String findScheme(Sheet sheet) {
        if (!isFieldsSheet(sheet)) return null;
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row != null && "scheme".equals(plain(row.getCell(0)))) return plain(row.getCell(2));
        }
        return null;
    }

    private static boolean isFieldsSheet(Sheet sheet) {
        Row top = sheet.getRow(0);
        String head = top == null ? null : plain(top.getCell(0));
        return head != null && (head.equals(FIELD_HEADER_ZH) || head.equalsIgnoreCase(FIELD_HEADER_EN));
    }

    /** The text of a plain text cell, for recognising the layout; null for anything else. */
    private static String plain(Cell c) {
        return c != null && c.getCellType() == CellType.STRING ? c.getStringCellValue().strip() : null;
    }

    private void readSheet(Sheet sheet) {
        if (isFieldsSheet(sheet)) {
            refuseMerged(sheet, 1, List.of(0, 2, 3));
            readFields(sheet);
            return;
        }
        Row keys = sheet.getRow(1);
        String first = keys == null ? null : plain(keys.getCell(0));
        if (first == null || !(first.contains("[].") || first.equals(CLAIM_ID))) return; // not one of ours: notes, the guide
        if (keys.getLastCellNum() > MAX_COLUMNS) {
            problems.say(location(sheet, 1, MAX_COLUMNS), "", "problem.xlsx.too_many_columns", sheet.getSheetName(), MAX_COLUMNS);
            return;
        }
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (int c = 0; c < keys.getLastCellNum(); c++) {
            String k = plain(keys.getCell(c));
            if (k != null && !k.isEmpty()) columns.put(c, k);
        }
        refuseMerged(sheet, 2, List.copyOf(columns.keySet()));
        if (first.equals(CLAIM_ID)) readClaims(sheet, columns);
        else readTable(sheet, columns, first.substring(0, first.indexOf("[].")));
    }

    private void refuseMerged(Sheet sheet, int firstDataRow, List<Integer> columns) {
        for (CellRangeAddress range : sheet.getMergedRegions()) {
            if (range.getLastRow() < firstDataRow) continue;
            boolean touches = columns.stream().anyMatch(c -> c >= range.getFirstColumn() && c <= range.getLastColumn());
            if (touches) {
                problems.say(location(sheet, Math.max(range.getFirstRow(), firstDataRow), range.getFirstColumn()), "",
                        "problem.xlsx.merged", range.formatAsString());
            }
        }
    }

    private void readFields(Sheet sheet) {
        if (sheet.getRow(0) != null) register(section(sheet), ref(sheet, 0, 0));
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) continue;
            Cell keyCell = row.getCell(0);
            String key = plain(keyCell);
            if (key == null || key.isEmpty() || key.startsWith("#")) continue;
            register(key, ref(sheet, r, 2));
            Layout.Field f = fields.get(key);
            Object v = convert(f, sheet, row, 2, 3);
            if (v != null) put(key, v, sheet, r, 2);
        }
    }

    /** The section a fields sheet holds, from its first key ("energy.comprehensive" → energy). */
    private static String section(Sheet sheet) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            String key = row == null ? null : plain(row.getCell(0));
            if (key != null && key.contains(".")) return key.substring(0, key.indexOf('.'));
        }
        return "";
    }

    private void readTable(Sheet sheet, Map<Integer, String> columns, String container) {
        register(container, ref(sheet, 0, 0));
        int item = 0;
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || blank(row, columns)) continue;
            if (statesNone(row, columns)) {
                ensureList(container, sheet, r); // "[]" in the first cell: the list is stated, and empty
                continue;
            }
            String itemPath = container + "[" + item + "]";
            register(itemPath, ref(sheet, r, 0));
            Map<String, Object> values = new LinkedHashMap<>();
            for (var e : columns.entrySet()) {
                String key = e.getValue();
                if (key.endsWith(UNIT_SUFFIX)) continue;
                String rel = key.startsWith(container + "[].") ? key.substring(container.length() + 3) : key;
                register(itemPath + "." + rel, ref(sheet, r, e.getKey()));
                Integer unitColumn = unitColumn(columns, key);
                Object v = convert(fields.get(key), sheet, row, e.getKey(), unitColumn == null ? -1 : unitColumn);
                if (v != null) values.put(rel, v);
            }
            ensureList(container, sheet, r).add(nest(values));
            item++;
        }
    }

    private void readClaims(Sheet sheet, Map<Integer, String> columns) {
        register("claims", ref(sheet, 0, 0));
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null) continue;
            Object id = value(row.getCell(0), sheet, r, 0);
            if (id == null) continue;
            String claim = "claims." + String.valueOf(id).strip();
            register(claim, ref(sheet, r, 0));
            Map<String, Object> values = new LinkedHashMap<>();
            for (var e : columns.entrySet()) {
                String key = e.getValue();
                if (e.getKey() == 0 || key.endsWith(UNIT_SUFFIX)) continue;
                String rel = key.startsWith(CLAIM_ID + ".") ? key.substring(CLAIM_ID.length() + 1) : key;
                register(claim + "." + rel, ref(sheet, r, e.getKey()));
                Integer unitColumn = unitColumn(columns, key);
                Object v = convert(fields.get(key), sheet, row, e.getKey(), unitColumn == null ? -1 : unitColumn);
                if (v != null) values.put(rel, v);
            }
            // a listed criterion with nothing filled in is not claimed, as if it were not written
            if (!values.isEmpty()) put(claim, nest(values), sheet, r, 0);
        }
    }

    static final String NONE = "[]";

    /** A row holding only "[]" in its first column. */
    private boolean statesNone(Row row, Map<Integer, String> columns) {
        int first = columns.keySet().iterator().next();
        if (!NONE.equals(plain(row.getCell(first)))) return false;
        for (int c : columns.keySet()) {
            if (c == first) continue;
            Cell cell = row.getCell(c);
            if (cell != null && cell.getCellType() != CellType.BLANK && !(cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank())) return false;
        }
        return true;
    }

    private static Integer unitColumn(Map<Integer, String> columns, String key) {
        for (var e : columns.entrySet()) if (e.getValue().equals(key + UNIT_SUFFIX)) return e.getKey();
        return null;
    }

    private boolean blank(Row row, Map<Integer, String> columns) {
        for (int c : columns.keySet()) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) continue;
            if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank()) continue;
            return false;
        }
        return true;
    }

    /** "corrections.altitude" keys into nested mappings. */
    private static Map<String, Object> nest(Map<String, Object> flat) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : flat.entrySet()) {
            String[] parts = e.getKey().split("\\.");
            Map<String, Object> at = out;
            for (int i = 0; i < parts.length - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
                at = next;
            }
            at.put(parts[parts.length - 1], e.getValue());
        }
        return out;
    }

    private void register(String path, String ref) {
        cells.putIfAbsent(path, ref);
    }

    @SuppressWarnings("unchecked")
    private void put(String path, Object value, Sheet sheet, int r, int c) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map)) {
                problems.say(location(sheet, r, c), path, "problem.xlsx.conflict", String.join(".", List.of(parts).subList(0, i + 1)));
                return;
            }
            at = (Map<String, Object>) next;
        }
        if (at.containsKey(parts[parts.length - 1])) {
            problems.say(location(sheet, r, c), path, "problem.xlsx.duplicate", path, cells.getOrDefault(path, ""));
            return;
        }
        at.put(parts[parts.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private List<Object> ensureList(String container, Sheet sheet, int r) {
        String[] parts = container.split("\\.");
        Map<String, Object> at = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            if (!(next instanceof Map)) next = new LinkedHashMap<String, Object>();
            at = (Map<String, Object>) next;
        }
        Object list = at.computeIfAbsent(parts[parts.length - 1], k -> new ArrayList<>());
        if (!(list instanceof List)) {
            problems.say(location(sheet, r, 0), container, "problem.xlsx.conflict", container);
            return new ArrayList<>();
        }
        return (List<Object>) list;
    }

    // ---------------------------------------------------------------- cells

    /** The value of a field's cell (with its unit cell, -1 for none) as the YAML reader would have it; null when blank. */
    private Object convert(Layout.Field f, Sheet sheet, Row row, int c, int unitColumn) {
        int r = row.getRowNum();
        Object v = value(row.getCell(c), sheet, r, c);
        Object unit = unitColumn < 0 ? null : value(row.getCell(unitColumn), sheet, r, unitColumn);
        if (v == null) return null;
        Layout.Kind kind = f == null ? Layout.Kind.TEXT : f.kind();
        return switch (kind) {
            case QUANTITY -> {
                String u = unit == null ? "" : String.valueOf(unit).strip();
                if (u.isEmpty()) yield v instanceof String s && DECIMAL.matcher(s.strip()).matches() ? number(s.strip()) : v;
                Object n = number(v);
                yield (n instanceof BigDecimal b ? b.toPlainString() : String.valueOf(n)) + " " + u;
            }
            case INTEGER, NUMBER -> v instanceof String s && DECIMAL.matcher(s.strip()).matches() ? number(s.strip()) : v;
            case BOOLEAN, CHOICE -> v instanceof String s ? bool(s, f).orElse(s) : v;
            case LIST -> list(v, sheet, r, c, citesFiles(f));
            case FLOW -> v instanceof String s ? flow(s, sheet, r, c) : v;
            case DATE, TEXT -> v;
        };
    }

    private static java.util.Optional<Object> bool(String s, Layout.Field f) {
        String t = s.strip();
        boolean offered = f.choices().contains("true");
        if (offered && (t.equalsIgnoreCase("true") || t.equals("是"))) return java.util.Optional.of(Boolean.TRUE);
        if (offered && (t.equalsIgnoreCase("false") || t.equals("否"))) return java.util.Optional.of(Boolean.FALSE);
        return java.util.Optional.empty();
    }

    private Object list(Object v, Sheet sheet, int r, int c, boolean evidence) {
        if (!(v instanceof String s)) return List.of(v);
        if (s.startsWith("[")) return flow(s, sheet, r, c);
        List<Object> items = new ArrayList<>();
        for (String part : LIST_SEPARATOR.split(s)) {
            String t = part.strip();
            if (t.isEmpty()) continue;
            java.util.regex.Matcher cited = evidence ? CITED_FILE.matcher(t) : null;
            if (t.startsWith("{") || t.startsWith("[")) items.add(flow(t, sheet, r, c));
            else if (cited != null && cited.matches()) items.add(citedFile(cited.group(1), cited.group(2)));
            else items.add(WHOLE.matcher(t).matches() ? Long.parseLong(t) : t);
        }
        return items;
    }

    /** Whether a list field holds evidence items (its key ends in evidence or proof), whose lines may cite uploaded files. */
    static boolean citesFiles(Layout.Field f) {
        String last = f.key().substring(f.key().lastIndexOf('.') + 1);
        return last.equals("evidence") || last.equals("proof");
    }

    /** {@code {document, sha256}} as a YAML submission writes an uploaded file it cites; without a name, {@code {sha256}}. */
    private static Map<String, Object> citedFile(String document, String sha256) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (document != null && !document.isBlank()) item.put("document", document.strip());
        item.put("sha256", sha256);
        return item;
    }

    /** A cell written in YAML flow style ({@code {year: 2024, output_value: 62700 万元}}), read by the hardened YAML reader. */
    private Object flow(String text, Sheet sheet, int r, int c) {
        if (!(text.startsWith("{") || text.startsWith("["))) return text;
        String at = file + ":" + ref(sheet, r, c);
        YamlNode node = YamlReader.read(at, text.getBytes(StandardCharsets.UTF_8), problems);
        return node == null ? null : plainValue(node);
    }

    private static Object plainValue(YamlNode node) {
        if (node instanceof YamlNode.Mapping m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, e) -> out.put(k, plainValue(e.value())));
            return out;
        }
        if (node instanceof YamlNode.Sequence s) return s.items().stream().map(WorkbookReader::plainValue).toList();
        YamlNode.Scalar s = (YamlNode.Scalar) node;
        return switch (s.type()) {
            case "int" -> WHOLE.matcher(s.text().strip()).matches() ? (Object) Long.parseLong(s.text().strip()) : new BigDecimal(s.text().strip());
            case "float" -> DECIMAL.matcher(s.text().strip()).matches() ? new BigDecimal(s.text().strip()) : s.text();
            case "bool" -> Boolean.parseBoolean(s.text());
            case "null" -> null;
            default -> s.text();
        };
    }

    /** A number as the YAML reader reads one: whole numbers as int, others as float. */
    private static Object number(Object v) {
        if (v instanceof String s) {
            if (WHOLE.matcher(s).matches()) return Long.parseLong(s);
            return DECIMAL.matcher(s).matches() ? new BigDecimal(s) : s;
        }
        return v;
    }

    /** A cell's value: text, a whole number (Long), a decimal (BigDecimal), a boolean, an ISO date; null when blank. */
    private Object value(Cell cell, Sheet sheet, int r, int c) {
        if (cell == null) return null;
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            if (cell instanceof XSSFCell x && !x.getCTCell().isSetV()) {
                problems.say(location(sheet, r, c), "", "problem.xlsx.formula_without_value", cell.getCellFormula());
                return null;
            }
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case BLANK, _NONE -> null;
            case STRING -> {
                String s = cell.getStringCellValue();
                if (s.length() > YamlReader.MAX_STRING) {
                    problems.say(location(sheet, r, c), "", "problem.xlsx.long_text", s.length(), YamlReader.MAX_STRING);
                    yield null;
                }
                yield s.isBlank() ? null : s.strip();
            }
            case BOOLEAN -> cell.getBooleanCellValue();
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime d = cell.getLocalDateTimeCellValue();
                    yield d == null ? null : d.toLocalDate().toString();
                }
                double d = cell.getNumericCellValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    problems.say(location(sheet, r, c), "", "problem.xlsx.error_value", String.valueOf(d));
                    yield null;
                }
                BigDecimal b = BigDecimal.valueOf(d).stripTrailingZeros();
                if (b.scale() <= 0 && b.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 10)) < 0) yield b.longValueExact();
                yield b;
            }
            case ERROR -> {
                problems.say(location(sheet, r, c), "", "problem.xlsx.error_value", cell instanceof XSSFCell x ? x.getErrorCellString() : "#ERROR");
                yield null;
            }
            case FORMULA -> null;
        };
    }

    private static String ref(Sheet sheet, int r, int c) {
        return sheet.getSheetName() + "!" + CellReference.convertNumToColString(c) + (r + 1);
    }

    private Location location(Sheet sheet, int r, int c) {
        return Location.unknown(file + ":" + ref(sheet, r, c));
    }

    // ---------------------------------------------------------------- YAML

    private byte[] yaml() throws IOException {
        YAMLFactory factory = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                .build();
        ObjectMapper mapper = new ObjectMapper(factory).enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        // no file name in the text: the same figures give the same bytes, hence the same input digest
        return mapper.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }
}
