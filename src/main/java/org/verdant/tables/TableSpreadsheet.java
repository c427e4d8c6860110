package org.verdant.tables;

import org.verdant.files.SafeFile;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An indicator table in and out of a spreadsheet in the layout of GB/T 36132-2025 Table A.1:
 * {@code importFile(exportFile(x)) = x} as YAML trees (docs/indicator-tables.md, "From a spreadsheet").
 */
public final class TableSpreadsheet {
    public enum Format { xlsx, csv }

    private TableSpreadsheet() {
    }

    /** The format a file name implies, or null. */
    public static Format formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xlsx")) return Format.xlsx;
        if (n.endsWith(".csv")) return Format.csv;
        return null;
    }

    /** Writes the table (a YAML tree) as a workbook or a CSV file. */
    public static void export(ObjectNode table, String name, Format format, OutputStream out) throws IOException, TableInputException {
        TableSheets sheets = TableCodec.encode(table, name);
        if (format == Format.xlsx) {
            SheetFiles.writeXlsx(sheets, out);
        } else {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            SheetFiles.writeCsv(sheets, w);
            w.flush();
        }
    }

    public static void export(ObjectNode table, String name, Format format, Path out) throws IOException, TableInputException {
        try (SafeFile.Pending o = SafeFile.open(out)) {
            export(table, name, format, o);
            o.commit();
        }
    }

    /** Reads a workbook (.xlsx) or a CSV file in the exported layout into the table's YAML tree. */
    public static ObjectNode importFile(Path file) throws IOException, TableInputException {
        Format format = formatOf(file);
        if (format == null) throw new TableInputException(file + ": 只能导入 .xlsx 或 .csv 文件");
        if (format == Format.xlsx) {
            TableSheets sheets = SheetFiles.readXlsx(file);
            return TableCodec.decode(sheets, (sheet, column, row) -> file + ":" + sheet + "!" + Column.letter(column) + row);
        }
        TableSheets sheets = SheetFiles.readCsv(file);
        return TableCodec.decode(sheets, (sheet, column, row) -> file + ":" + Column.letter(column) + row);
    }
}
