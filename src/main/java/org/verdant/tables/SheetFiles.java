package org.verdant.tables;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verdant.text.Csv;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.verdant.tables.TableSheets.HeaderEntry;
import org.verdant.tables.TableSheets.Row;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link TableSheets} as an .xlsx workbook (Apache POI) or a .csv file (Commons CSV). */
final class SheetFiles {
    private SheetFiles() {
    }

    // ---------------------------------------------------------------- xlsx

    static void writeXlsx(TableSheets sheets, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle head = wb.createCellStyle();
            Font bold = wb.createFont();
            bold.setBold(true);
            head.setFont(bold);
            head.setWrapText(true);
            head.setAlignment(HorizontalAlignment.CENTER);
            head.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle body = wb.createCellStyle();
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.CENTER);

            Sheet s = wb.createSheet(TableSheets.INDICATOR_SHEET);
            var top = s.createRow(0);
            for (Column c : Column.values()) {
                Cell cell = top.createCell(c.ordinal());
                cell.setCellValue(c.header);
                cell.setCellStyle(head);
                s.setColumnWidth(c.ordinal(), switch (c) {
                    case DIMENSION, SECOND, THIRD, RULE_TEXT -> 24 * 256;
                    case NUMBER, TYPE, POINTS -> 9 * 256;
                    default -> 14 * 256;
                });
            }
            s.createFreezePane(2, 1);
            List<Row> rows = sheets.rows();
            for (Row r : rows) {
                var row = s.createRow(r.row() - 1);
                for (Column c : Column.values()) {
                    Object v = r.get(c);
                    if (v == null) continue;
                    Cell cell = row.createCell(c.ordinal());
                    if (v instanceof BigDecimal d) cell.setCellValue(d.doubleValue());
                    else cell.setCellValue(v.toString());
                    cell.setCellStyle(body);
                }
            }
            // merged cells: a dimension's cells over its rows, an indicator's over its forms
            for (Column.Scope scope : List.of(Column.Scope.DIMENSION, Column.Scope.INDICATOR)) {
                int start = 0;
                for (int i = 1; i <= rows.size(); i++) {
                    if (i < rows.size() && continues(rows.get(i - 1), rows.get(i), scope)) continue;
                    if (i - start > 1) {
                        for (Column c : Column.values()) {
                            if (c.scope == scope) s.addMergedRegion(new CellRangeAddress(rows.get(start).row() - 1, rows.get(i - 1).row() - 1, c.ordinal(), c.ordinal()));
                        }
                    }
                    start = i;
                }
            }
            Sheet h = wb.createSheet(TableSheets.HEADER_SHEET);
            var hr = h.createRow(0);
            for (int i = 0; i < TableSheets.HEADER_COLUMNS.size(); i++) {
                Cell cell = hr.createCell(i);
                cell.setCellValue(TableSheets.HEADER_COLUMNS.get(i));
                cell.setCellStyle(head);
            }
            h.setColumnWidth(0, 16 * 256);
            h.setColumnWidth(1, 24 * 256);
            h.setColumnWidth(2, 40 * 256);
            h.setColumnWidth(3, 80 * 256);
            for (HeaderEntry e : sheets.header()) {
                var row = h.createRow(e.row() - 1);
                row.createCell(0).setCellValue(e.key());
                row.createCell(1).setCellValue(e.label());
                if (e.text() != null) row.createCell(2).setCellValue(e.text());
                if (e.flow() != null) row.createCell(3).setCellValue(e.flow());
            }
            wb.write(out);
        }
    }

    /** Whether row b continues a's dimension (or indicator): same cells of that scope. */
    private static boolean continues(Row a, Row b, Column.Scope scope) {
        boolean sameDim = java.util.Objects.equals(a.text(Column.DIMENSION), b.text(Column.DIMENSION))
                && java.util.Objects.equals(a.text(Column.DIMENSION_ID), b.text(Column.DIMENSION_ID));
        if (scope == Column.Scope.DIMENSION) return sameDim;
        return sameDim && java.util.Objects.equals(a.text(Column.INDICATOR_ID), b.text(Column.INDICATOR_ID))
                && java.util.Objects.equals(a.text(Column.NUMBER), b.text(Column.NUMBER))
                && java.util.Objects.equals(a.text(Column.SECOND), b.text(Column.SECOND))
                && java.util.Objects.equals(a.text(Column.THIRD), b.text(Column.THIRD));
    }

    static TableSheets readXlsx(Path file) throws IOException, TableInputException {
        byte[] bytes = Files.readAllBytes(file);
        try (Workbook wb = WorkbookFactory.create(new java.io.ByteArrayInputStream(bytes))) {
            Sheet s = wb.getSheet(TableSheets.INDICATOR_SHEET);
            if (s == null) s = wb.getSheetAt(0);
            String sheetName = s.getSheetName();
            Map<Long, Object> merged = new HashMap<>();
            for (CellRangeAddress range : s.getMergedRegions()) {
                var topRow = s.getRow(range.getFirstRow());
                Object v = topRow == null ? null : value(topRow.getCell(range.getFirstColumn()));
                for (int r = range.getFirstRow(); r <= range.getLastRow(); r++)
                    for (int c = range.getFirstColumn(); c <= range.getLastColumn(); c++) merged.put(((long) r << 16) | c, v);
            }
            var top = s.getRow(s.getFirstRowNum());
            if (top == null) throw new TableInputException(file + ":" + sheetName + "!A1: 工作表为空");
            Map<Integer, Column> columns = columns(top.getLastCellNum(), i -> text(value(top.getCell(i))), file + ":" + sheetName + "!", top.getRowNum() + 1);
            List<Row> rows = new ArrayList<>();
            for (int r = top.getRowNum() + 1; r <= s.getLastRowNum(); r++) {
                var row = s.getRow(r);
                EnumMap<Column, Object> cells = new EnumMap<>(Column.class);
                for (var e : columns.entrySet()) {
                    long key = ((long) r << 16) | e.getKey();
                    Object v = merged.containsKey(key) ? merged.get(key) : row == null ? null : value(row.getCell(e.getKey()));
                    if (v != null) cells.put(e.getValue(), v);
                }
                rows.add(new Row(r + 1, cells));
            }
            List<HeaderEntry> header = new ArrayList<>();
            Sheet h = wb.getSheet(TableSheets.HEADER_SHEET);
            if (h != null) {
                for (int r = 1; r <= h.getLastRowNum(); r++) {
                    var row = h.getRow(r);
                    if (row == null) continue;
                    String key = text(value(row.getCell(0)));
                    if (key == null) continue;
                    header.add(new HeaderEntry(r + 1, key, text(value(row.getCell(1))), text(value(row.getCell(2))), text(value(row.getCell(3)))));
                }
            }
            return new TableSheets(header, rows);
        } catch (org.apache.poi.ooxml.POIXMLException
                 | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException | org.apache.poi.util.RecordFormatException
                 | IllegalArgumentException | IOException e) {
            // the bytes were read: what fails now is the workbook (a damaged zip, XML or record), not the file
            throw new TableInputException(file + ": 不是 .xlsx 工作簿：" + e.getMessage());
        }
    }

    private static Object value(Cell cell) {
        if (cell == null) return null;
        CellType t = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (t) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue());
            case STRING -> cell.getStringCellValue().isBlank() ? null : cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> null;
        };
    }

    private static String text(Object v) {
        if (v == null) return null;
        return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
    }

    private static Map<Integer, Column> columns(int count, java.util.function.IntFunction<String> header, String where, int row)
            throws TableInputException {
        Map<Integer, Column> columns = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String text = header.apply(i);
            if (text == null) continue;
            Column c = Column.byHeader(text);
            if (c != null) columns.put(i, c);
        }
        List<String> missing = new ArrayList<>();
        for (Column c : List.of(Column.DIMENSION, Column.SECOND, Column.TYPE, Column.UNIT, Column.LEADING, Column.BASELINE, Column.POINTS, Column.RULE_TEXT))
            if (!columns.containsValue(c)) missing.add(c.header);
        if (!missing.isEmpty()) throw new TableInputException(where + "A" + row + ": 表头缺少表 A.1 的列：" + String.join("、", missing));
        return columns;
    }

    // ---------------------------------------------------------------- csv

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    /** The shared CSV writing ({@link Csv}: UTF-8 with a BOM, formulas neutralised); the 表头 fields first, a blank line, then the 评价指标表 rows. */
    static void writeCsv(TableSheets sheets, Writer out) throws IOException {
        // not closed here: the caller owns the stream
        Csv.Printer p = Csv.printer(out);
        p.record(TableSheets.HEADER_COLUMNS);
        for (HeaderEntry e : sheets.header()) p.record(e.key(), e.label(), e.text(), e.flow());
        p.blank();
        List<String> head = new ArrayList<>();
        for (Column c : Column.values()) head.add(c.header);
        p.record(head);
        Row previous = null;
        for (Row r : sheets.rows()) {
            List<String> cells = new ArrayList<>();
            boolean sameDim = previous != null && continues(previous, r, Column.Scope.DIMENSION);
            boolean sameInd = previous != null && continues(previous, r, Column.Scope.INDICATOR);
            for (Column c : Column.values()) {
                // what a workbook merges is written once, on the first row
                boolean repeated = (c.scope == Column.Scope.DIMENSION && sameDim) || (c.scope == Column.Scope.INDICATOR && sameInd);
                Object v = repeated ? null : r.get(c);
                cells.add(v == null ? "" : v instanceof BigDecimal d ? d.toPlainString() : v.toString());
            }
            p.record(cells);
            previous = r;
        }
        p.flush();
    }

    /** See {@link Csv#neutralise}: the same for a workbook's text cells. */
    static String neutralise(String cell) {
        return Csv.neutralise(cell);
    }

    static String unneutralise(String cell) {
        return Csv.unneutralise(cell);
    }

    static TableSheets readCsv(Path file) throws IOException, TableInputException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new TableInputException(file + ": 不是 UTF-8 文本（CSV 应以 UTF-8 保存）");
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        List<CSVRecord> records;
        try (Reader in = new StringReader(text); CSVParser parser = CSVParser.builder().setReader(in).setFormat(CSV).get()) {
            records = parser.getRecords();
        } catch (java.io.UncheckedIOException | IllegalStateException e) {
            throw new TableInputException(file + ": 不是有效的 CSV：" + e.getMessage());
        }
        List<HeaderEntry> header = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        Map<Integer, Column> columns = null;
        boolean inHeader = false;
        for (CSVRecord rec : records) {
            int row = (int) rec.getRecordNumber();
            String first = rec.size() == 0 ? "" : unneutralise(rec.get(0)).strip();
            if (columns == null && first.equals(TableSheets.HEADER_COLUMNS.get(0))) {
                inHeader = true;
                continue;
            }
            if (columns == null && Column.byHeader(first) == Column.DIMENSION) {
                inHeader = false;
                final CSVRecord top = rec;
                columns = columns(rec.size(), i -> top.get(i).strip(), file + ":", row);
                continue;
            }
            if (inHeader) {
                if (first.isEmpty()) {
                    inHeader = false;
                    continue;
                }
                header.add(new HeaderEntry(row, first, cell(rec, 1), cell(rec, 2), cell(rec, 3)));
            } else if (columns != null) {
                EnumMap<Column, Object> cells = new EnumMap<>(Column.class);
                for (var e : columns.entrySet()) {
                    String v = cell(rec, e.getKey());
                    if (v != null) cells.put(e.getValue(), v);
                }
                rows.add(new Row(row, cells));
            }
        }
        if (columns == null) throw new TableInputException(file + ":A1: 找不到评价指标表的表头行（以「" + Column.DIMENSION.header + "」开头）");
        return new TableSheets(header, rows);
    }

    private static String cell(CSVRecord rec, int i) {
        if (i >= rec.size()) return null;
        String v = unneutralise(rec.get(i));
        return v.isEmpty() ? null : v;
    }
}
