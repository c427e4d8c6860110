package org.verdant.xlsx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verdant.app.Application;
import org.verdant.app.EvidenceFiles;
import org.verdant.app.Request;
import org.verdant.app.Settings;
import org.verdant.app.Workbooks;
import org.verdant.archive.Archive;
import org.verdant.fault.Fault;
import org.verdant.support.TestRulebook;
import org.verdant.text.Messages;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A workbook citing an uploaded evidence file by digest ({@code 名称 | sha256:…} in an evidence cell):
 * written from a YAML submission, read back into the same submission, checked against the archive
 * with the problem at its sheet and cell, and bound into the record as the YAML's would be.
 */
class WorkbookEvidenceTest {
    private static final Path FACTORY = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");
    private static final String LICENCE_LINE = "      - 营业执照 (统一社会信用代码 91321183788362137D)\n";
    private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final String UNKNOWN = "sha256:" + "ef".repeat(32);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @TempDir
    Path dir;

    /** The fixture with B1's licence cited as an uploaded file (named) and a second file by its digest alone. */
    private static byte[] citing(String digest, String second) throws Exception {
        String yaml = Files.readString(FACTORY);
        assertThat(yaml).contains(LICENCE_LINE);
        return yaml.replace(LICENCE_LINE, "      - {document: 营业执照, sha256: \"" + digest + "\"}\n      - {sha256: \"" + second + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] workbook(byte[] yaml) throws Fault {
        return Workbooks.template(TestRulebook.compiled(), "green-factory", null, null, "zh", "cement.yaml", yaml);
    }

    /** Sheet!A1 of the cell holding {@code text}, or null. */
    private static String cellHolding(byte[] xlsx, String text) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet s : wb) {
                for (Row r : s) {
                    for (Cell c : r) {
                        if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                            return s.getSheetName() + "!" + new org.apache.poi.ss.util.CellReference(c).formatAsString(false);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Two YAML texts as the same submission: the same tree, numbers and quantities compared by value (a cell holds 1500000 for 1.5e6). */
    private static void assertSameSubmission(byte[] a, byte[] b) throws Exception {
        JsonNode x = YAML.readTree(a);
        JsonNode y = YAML.readTree(b);
        java.util.List<String> differ = new java.util.ArrayList<>();
        differences("", x, y, differ);
        assertThat(differ).as("paths whose values differ").isEmpty();
    }

    private static final java.util.regex.Pattern QUANTITY = java.util.regex.Pattern.compile("([-+]?[0-9.]+(?:[eE][-+]?\\d+)?) (\\S.*)");

    /** "2.62e6 tCO2e" and "2620000 tCO2e": the same figure, a cell holding the number without its notation. */
    private static boolean sameQuantity(String a, String b) {
        var m = QUANTITY.matcher(a);
        var n = QUANTITY.matcher(b);
        return m.matches() && n.matches() && m.group(2).equals(n.group(2))
                && new java.math.BigDecimal(m.group(1)).compareTo(new java.math.BigDecimal(n.group(1))) == 0;
    }

    private static void differences(String path, JsonNode x, JsonNode y, java.util.List<String> out) {
        if (x.isNumber() && y.isNumber()) {
            if (x.decimalValue().compareTo(y.decimalValue()) != 0) out.add(path + ": " + x + " ≠ " + y);
        } else if (x.isTextual() && y.isTextual() && sameQuantity(x.asText(), y.asText())) {
            return;
        } else if (x.isObject() && y.isObject()) {
            java.util.Set<String> names = new java.util.TreeSet<>();
            x.fieldNames().forEachRemaining(names::add);
            y.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                if (!x.has(n) || !y.has(n)) out.add(path + "." + n + ": only in " + (x.has(n) ? "the YAML" : "the workbook's"));
                else differences(path + "." + n, x.get(n), y.get(n), out);
            }
        } else if (x.isArray() && y.isArray() && x.size() == y.size()) {
            for (int i = 0; i < x.size(); i++) differences(path + "[" + i + "]", x.get(i), y.get(i), out);
        } else if (!x.equals(y)) {
            out.add(path + ": " + x + " ≠ " + y);
        }
    }

    @Test
    void aCitedFileIsWrittenAsNameBarDigestAndReadBackIntoTheSameSubmission() throws Exception {
        String digest = "sha256:" + "5a".repeat(32);
        String second = "ab".repeat(32); // written without the prefix, as a digest may be
        byte[] yaml = citing(digest, second);
        byte[] xlsx = workbook(yaml);
        String cell = b1Evidence(xlsx);
        assertThat(textOf(xlsx, cell).split("\n")).as("the evidence cell holds one item a line").contains("营业执照 | " + digest, second);

        Workbooks.Input input = Workbooks.input("cement.xlsx", xlsx, Settings.defaults());
        assertSameSubmission(yaml, input.request().bytes());
        assertThat(input.workbook().cellOf("claims.B1.evidence[0].sha256")).isEqualTo(cell);

        // the guide says how, in both languages
        assertThat(cellHolding(xlsx, new Messages("zh").get("xlsx.guide.evidence", "营业执照 | sha256:3f2a…"))).isNotNull();
        byte[] en = Workbooks.template(TestRulebook.compiled(), "green-factory", null, null, "en", "cement.yaml", yaml);
        assertThat(cellHolding(en, new Messages("en").get("xlsx.guide.evidence", "营业执照 | sha256:3f2a…"))).isNotNull();
    }

    @Test
    void aFullWidthBarAndADigestAloneAreReadAsCitedFilesAndANameStaysAName() throws Exception {
        byte[] yaml = Files.readAllBytes(FACTORY);
        byte[] xlsx = workbook(yaml);
        String cell;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            cell = findB1Evidence(wb);
            String[] at = cell.split("!");
            Cell c = wb.getSheet(at[0]).getRow(new org.apache.poi.ss.util.CellReference(at[1]).getRow())
                    .getCell(new org.apache.poi.ss.util.CellReference(at[1]).getCol());
            c.setCellValue("营业执照 ｜ SHA256:" + "5A".repeat(32).toLowerCase() + "\nsha256:" + "5B".repeat(32) + "；检测报告 | 2023 年");
            var out = new java.io.ByteArrayOutputStream();
            wb.write(out);
            xlsx = out.toByteArray();
        }
        JsonNode read = YAML.readTree(Workbooks.input("cement.xlsx", xlsx, Settings.defaults()).request().bytes());
        JsonNode evidence = read.path("claims").path("B1").path("evidence");
        // "SHA256:" is no digest prefix: the line is a name; the full-width bar and the digest alone cite files
        assertThat(evidence.get(0).isTextual()).as(evidence.toString()).isTrue();
        assertThat(evidence.get(1).path("sha256").asText()).isEqualTo("sha256:" + "5B".repeat(32));
        assertThat(evidence.get(1).has("document")).isFalse();
        assertThat(evidence.get(2).asText()).isEqualTo("检测报告 | 2023 年");
    }

    private static String b1Evidence(byte[] xlsx) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return findB1Evidence(wb);
        }
    }

    private static String textOf(byte[] xlsx, String ref) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            String[] at = ref.split("!");
            var r = new org.apache.poi.ss.util.CellReference(at[1]);
            return wb.getSheet(at[0]).getRow(r.getRow()).getCell(r.getCol()).getStringCellValue();
        }
    }

    private static String findB1Evidence(XSSFWorkbook wb) {
        for (Sheet s : wb) {
            Row keys = s.getRow(1);
            if (keys == null || keys.getCell(0) == null || !"claims{}".equals(keys.getCell(0).getStringCellValue())) continue;
            int col = -1;
            for (Cell k : keys) if (k.getCellType() == CellType.STRING && k.getStringCellValue().equals("claims{}.evidence")) col = k.getColumnIndex();
            for (Row r : s) {
                if (r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING && r.getCell(0).getStringCellValue().equals("B1")) {
                    return s.getSheetName() + "!" + new org.apache.poi.ss.util.CellReference(r.getRowNum(), col).formatAsString(false);
                }
            }
        }
        throw new AssertionError("no B1 evidence cell");
    }

    @Test
    void aDigestTheArchiveLacksIsAnErrorAtItsSheetAndCellInEitherLanguage() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        try (Archive archive = Archive.open(dir.resolve("data"))) {
            String licence = EvidenceFiles.add(archive, "营业执照.pdf", PDF).sha256();
            byte[] xlsx = workbook(citing(licence, UNKNOWN));
            String cell = b1Evidence(xlsx);
            assertThat(textOf(xlsx, cell).split("\n")).contains("营业执照 | " + licence, UNKNOWN);
            Workbooks.Input input = Workbooks.input("cement.xlsx", xlsx, Settings.defaults());
            assertThatThrownBy(() -> input.run(r -> app.evaluate(r, archive))).isInstanceOfSatisfying(Fault.class, f -> {
                assertThat(f.kind()).isEqualTo(Fault.Kind.INVALID_SUBMISSION);
                assertThat(f.problems()).singleElement().satisfies(p -> {
                    assertThat(p.location().file()).isEqualTo("cement.xlsx:" + cell);
                    assertThat(p.path()).isEqualTo("claims.B1.evidence[1].sha256");
                    assertThat(p.message("zh")).isEqualTo("证据 " + UNKNOWN + " 不在档案中");
                    assertThat(p.message("en")).isEqualTo("evidence " + UNKNOWN + " is not in the archive");
                });
            });
        }
    }

    @Test
    void theRecordBindsTheCitedFilesAsFromYaml() throws Exception {
        Application app = new Application(TestRulebook.compiled());
        try (Archive archive = Archive.open(dir.resolve("data"))) {
            String licence = EvidenceFiles.add(archive, "营业执照.pdf", PDF).sha256();
            String visit = EvidenceFiles.add(archive, "现场.csv", "月份,电量\n1,100\n".getBytes(StandardCharsets.UTF_8)).sha256();
            byte[] yaml = citing(licence, visit);
            JsonNode fromYaml = new ObjectMapper().readTree(app.evaluate(new Request("cement.yaml", yaml, Settings.defaults()), archive).record());
            Workbooks.Input input = Workbooks.input("cement.xlsx", workbook(yaml), Settings.defaults());
            JsonNode fromXlsx = new ObjectMapper().readTree(input.run(r -> app.evaluate(r, archive)).record());
            assertThat(fromXlsx.path("evidence")).isEqualTo(fromYaml.path("evidence"));
            assertThat(fromXlsx.path("evidence").path("checked").asBoolean()).isTrue();
            assertThat(fromXlsx.path("evidence").path("files").findValuesAsText("sha256")).containsExactly(licence, visit);
        }
    }
}
