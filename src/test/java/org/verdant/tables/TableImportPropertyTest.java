package org.verdant.tables;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A damaged sheet is read or refused with located problems, never with another exception. */
class TableImportPropertyTest {
    private static final String CSV;
    private static final byte[] XLSX;

    static {
        try {
            var table = TableTree.read(Path.of("src/test/resources/tables/test-general.yaml"));
            ByteArrayOutputStream csv = new ByteArrayOutputStream();
            TableSpreadsheet.export(table, "t", TableSpreadsheet.Format.csv, csv);
            CSV = csv.toString(StandardCharsets.UTF_8);
            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            TableSpreadsheet.export(table, "t", TableSpreadsheet.Format.xlsx, xlsx);
            XLSX = xlsx.toByteArray();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<Integer, String>>> edits() {
        Arbitrary<String> replacement = Arbitraries.of("", ",", "\"", "\n", "=", "{", "}", "[", "/", "能耗限额9级", "x", "-1", "1e999", "'");
        return Arbitraries.integers().between(0, CSV.length() - 1).flatMap(at -> replacement.map(r -> Tuple.of(at, r))).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 150)
    void aDamagedCsvIsReadOrRefused(@ForAll("edits") List<Tuple.Tuple2<Integer, String>> edits) throws Exception {
        StringBuilder s = new StringBuilder(CSV);
        for (var e : edits) {
            int at = Math.min(e.get1(), s.length() - 1);
            s.replace(at, at + 1, e.get2());
        }
        Path f = Files.createTempFile("damaged", ".csv");
        try {
            Files.writeString(f, s, StandardCharsets.UTF_8);
            importOrRefuse(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Property(tries = 40)
    void aDamagedWorkbookIsReadOrRefused(@ForAll("positions") List<Integer> positions) throws Exception {
        byte[] bytes = XLSX.clone();
        for (int p : positions) bytes[p % bytes.length] ^= 0x5A;
        Path f = Files.createTempFile("damaged", ".xlsx");
        try {
            Files.write(f, bytes);
            importOrRefuse(f);
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Provide
    Arbitrary<List<Integer>> positions() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(4);
    }

    private static void importOrRefuse(Path f) throws Exception {
        try {
            TableSpreadsheet.importFile(f);
        } catch (TableInputException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith(f.toString()));
        }
    }
}
