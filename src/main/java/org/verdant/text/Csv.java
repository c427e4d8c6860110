package org.verdant.text;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Every CSV Verdant writes (the cohort, the batch summary, indicator-table exports), written one way
 * for Excel on Chinese Windows: UTF-8 beginning with a byte-order mark (without it Excel reads GBK
 * and shows mojibake), RFC 4180 quoting, CRLF line ends, and every cell that a spreadsheet would run
 * as a formula neutralised.
 */
public final class Csv {
    /** The byte-order mark, written once at the start of a file. */
    public static final char BOM = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private Csv() {
    }

    /**
     * A cell that would run as a formula (beginning with = + - @, a tab or a carriage return) gets a
     * leading apostrophe, as does one already beginning with an apostrophe, so that a reader strips
     * exactly one ({@link #unneutralise}). A plain number (−5, +1.5) is left as it is.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) return "";
        char c = cell.charAt(0);
        if (!risky(c)) return cell;
        if ((c == '-' || c == '+') && isNumber(cell)) return cell;
        return "'" + cell;
    }

    /** The inverse of {@link #neutralise} for a cell read back. */
    public static String unneutralise(String cell) {
        if (cell.length() >= 2 && cell.charAt(0) == '\'' && risky(cell.charAt(1))) return cell.substring(1);
        return cell;
    }

    private static boolean risky(char c) {
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
    }

    private static boolean isNumber(String cell) {
        try {
            new BigDecimal(cell.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** One record (neutralised, quoted, CRLF-terminated) as text, for a file written row by row. */
    public static String row(List<String> cells) {
        StringWriter w = new StringWriter();
        try {
            FORMAT.printRecord(w, cells.stream().map(Csv::neutralise).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static String row(String... cells) {
        return row(Arrays.asList(cells));
    }

    /** A whole CSV file's text: the byte-order mark, then {@code rows} (each neutralised). */
    public static String document(List<List<String>> rows) {
        StringBuilder b = new StringBuilder().append(BOM);
        for (List<String> r : rows) b.append(row(r));
        return b.toString();
    }

    /** Writes a CSV file record by record: the byte-order mark first, every cell neutralised. */
    public static Printer printer(Writer out) throws IOException {
        out.write(BOM);
        return new Printer(new CSVPrinter(out, FORMAT));
    }

    /** Records to a writer the caller owns (flushed, not closed, by {@link #flush}). */
    public static final class Printer {
        private final CSVPrinter printer;

        private Printer(CSVPrinter printer) {
            this.printer = printer;
        }

        public void record(List<String> cells) throws IOException {
            printer.printRecord(cells.stream().map(Csv::neutralise).toList());
        }

        public void record(String... cells) throws IOException {
            record(Arrays.asList(cells));
        }

        /** An empty line (a gap between two parts of one file). */
        public void blank() throws IOException {
            printer.println();
        }

        public void flush() throws IOException {
            printer.flush();
        }
    }
}
