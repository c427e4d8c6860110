package org.verdant.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Excel in and out through the enterprise page, in headless Chromium: the template workbook is
 * downloaded by the page's own link, filled in here with Apache POI with a real plant's figures (a
 * fixture's, cell by cell as a person fills it), uploaded through the page's file control, and the
 * verdict the page shows is the one the fixture's YAML gets (score, grade, every gate's and
 * criterion's status). A workbook with a wrong cell then shows its problem at that sheet and cell,
 * in Chinese and, after switching, in English. Screenshots go to target/screenshots/.
 */
@Timeout(420)
class WorkbookJourneyBrowserTest {
    static final Path PLANT = Path.of("fixtures/green-factory/gbt36132-2025/footwear-quanzhou-retrofit-leading.yaml");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @RegisterExtension
    static final BrowserFixture browser = BrowserFixture.window(1280, 1000).withDownloads();

    @Test
    void aWorkbookDownloadedFromThePageFilledAndUploadedGetsTheYamlVerdictAndAWrongCellIsNamed() throws Exception {
        browser.open("");
        browser.js("localStorage.clear()");
        browser.driver().navigate().refresh();
        browser.ready();

        // the page's own link: the workbook of the chosen scheme and edition, in the page's language
        assertThat(browser.id("workbook-download").getText()).isEqualTo("下载 Excel 模板");
        assertThat(browser.id("workbook-download").getDomAttribute("href")).isEqualTo("/api/templates/green-factory-2025.xlsx?lang=zh");
        browser.id("workbook-download").click();
        Path template = browser.downloads().resolve("green-factory-2025.xlsx");
        browser.until(d -> Files.isRegularFile(template) && template.toFile().length() > 1000 && !Files.exists(template.resolveSibling(template.getFileName() + ".crdownload")));

        // filled in as a person fills it: each figure of the plant in its cell
        JsonNode plant = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(PLANT, StandardCharsets.UTF_8));
        Path filled = browser.data().resolve("恒步鞋业-申报.xlsx");
        Map<String, String> cells = fill(template, plant, filled);
        assertThat(cells).containsKey("facility.credit_code");

        upload(filled);
        browser.until(d -> d.findElement(By.id("result")).isDisplayed() || d.findElement(By.id("problems")).isDisplayed()
                || d.findElement(By.id("message")).getAttribute("class").contains("error"));
        assertThat(browser.id("problems").isDisplayed()).as("the filled workbook's problems: " + browser.id("problem-list").getText()
                + " " + browser.id("message").getText()).isFalse();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        browser.until(d -> !browser.id("score").getText().isBlank());
        JsonNode verdict = browser.http().post("/api/evaluate?format=verdict&lang=zh&file=" + PLANT.getFileName(), "application/yaml",
                Files.readAllBytes(PLANT)).json();
        assertThat(verdict.path("score").isNumber()).as(verdict.toString()).isTrue();
        assertThat(browser.id("score").getText()).isEqualTo(verdict.path("score").asText());
        assertThat(browser.id("grade").getText()).isEqualTo(verdict.path("grade").isNull()
                ? verdict.path("grading").path("reason").asText() : verdict.path("grade").asText());
        assertThat(browser.id("facility").getText()).contains("泉州晋江恒步鞋业有限公司");
        Map<String, String> expected = new LinkedHashMap<>();
        for (JsonNode i : verdict.path("gates")) expected.put(i.path("id").asText(), i.path("status").asText());
        for (JsonNode i : verdict.path("criteria")) expected.put(i.path("id").asText(), i.path("status").asText());
        assertThat(expected).hasSizeGreaterThan(10).containsValue("met").containsValue("partly_met");
        assertThat(shownStatuses()).as("every gate's and criterion's status, as the YAML's").isEqualTo(expected);
        assertThat(String.valueOf(browser.js("return document.getElementById('source').value"))).as("the workbook opened as YAML")
                .contains("credit_code: 91350582MA8T6LQB2F");
        browser.screenshot("workbook-01-verdict-zh.png");

        // a wrong cell: named by its sheet and cell, in the page's language
        String at = cells.get("facility.credit_code");
        Path wrong = browser.data().resolve("wrong-code.xlsx");
        set(filled, at, "12345", wrong);
        upload(wrong);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
        String sheet = at.substring(0, at.indexOf('!'));
        String cell = at.substring(at.indexOf('!') + 1);
        String zh = browser.id("problem-list").getText();
        assertThat(zh).contains("工作表“" + sheet + "”单元格 " + cell, "facility.credit_code", "统一社会信用代码");
        assertThat(browser.id("result").isDisplayed()).isFalse();
        browser.js("document.getElementById('problems').scrollIntoView()");
        browser.screenshot("workbook-02-wrong-cell-zh.png");

        browser.id("lang-toggle").click();
        browser.until(d -> d.findElement(By.id("problems-summary")).getText().contains("problem"));
        browser.until(d -> d.findElement(By.id("problem-list")).getText().contains("sheet " + sheet + ", cell " + cell)
                || d.findElement(By.id("message")).getText().contains("Error"));
        assertThat(browser.id("problem-list").getText()).as(browser.id("message").getText()).contains("sheet " + sheet + ", cell " + cell);
        String en = browser.id("problem-list").getText();
        assertThat(en).contains("facility.credit_code").doesNotContain("统一社会信用代码");
        assertThat(en.replace(sheet, "")).as("the problem in English").doesNotContainPattern("[\\u4e00-\\u9fff]");
        browser.screenshot("workbook-03-wrong-cell-en.png");
        browser.id("lang-toggle").click();
        browser.until(d -> d.findElement(By.id("problem-list")).getText().contains("工作表“" + sheet + "”"));
    }

    /** Chooses {@code file} in the page's upload control; a question about replacing the editor's text is answered Yes. */
    private void upload(Path file) throws InterruptedException {
        browser.driver().findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        Thread.sleep(700); // the page asks first only when the editor holds work of the user's
        if (Boolean.TRUE.equals(browser.js("return document.getElementById('confirm').open"))) browser.id("confirm-yes").click();
    }

    /** What the page shows: each gate's and criterion's id and status. */
    @SuppressWarnings("unchecked")
    private Map<String, String> shownStatuses() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object row : (List<Object>) browser.js("return [...document.querySelectorAll('#gates tbody tr, #findings tbody tr')]"
                + ".map((tr) => [tr.cells[0].textContent, tr.dataset.status]);")) {
            List<Object> r = (List<Object>) row;
            out.put(String.valueOf(r.get(0)), String.valueOf(r.get(1)));
        }
        return out;
    }

    // ---- filling the workbook with POI, as a person fills it ------------------------------------

    /**
     * Writes every figure of {@code submission} into its cell of the {@code template}: a fields
     * sheet's value column by the key in its first column, a table sheet's rows under its key row
     * ({@code products[].output}), the claims by their criterion's row. Quantities are written with
     * their unit in the value cell ({@code 850000 kWh}), lists one item a line, a mapping in flow
     * style. Fails if a figure has no cell. The answer: each field's cell ("企业!C3").
     */
    static Map<String, String> fill(Path template, JsonNode submission, Path out) throws Exception {
        Map<String, String> placed = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        try (InputStream in = Files.newInputStream(template); Workbook wb = WorkbookFactory.create(in)) {
            DataFormatter text = new DataFormatter();
            Map<String, Cell> fields = new HashMap<>();
            Map<String, Sheet> tables = new HashMap<>();
            for (Sheet sheet : wb) {
                Row top = sheet.getRow(0);
                Row keys = sheet.getRow(1);
                String first = top == null ? "" : text.formatCellValue(top.getCell(0));
                if (first.equals("字段") || first.equals("field")) {
                    for (Row row : sheet) {
                        if (row.getRowNum() == 0) continue;
                        String key = text.formatCellValue(row.getCell(0));
                        if (!key.isBlank()) fields.put(key, cell(row, 2));
                    }
                } else if (keys != null) {
                    String key = text.formatCellValue(keys.getCell(0));
                    if (key.equals("claims{}")) tables.put("claims", sheet);
                    else if (key.contains("[].")) tables.put(key.substring(0, key.indexOf("[].")), sheet);
                }
            }
            walk(submission, "", fields, tables, placed, unplaced);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
        assertThat(unplaced).as("figures of the plant with no cell in the template").isEmpty();
        return placed;
    }

    private static void walk(JsonNode node, String path, Map<String, Cell> fields, Map<String, Sheet> tables, Map<String, String> placed,
                             List<String> unplaced) {
        Cell field = fields.get(path);
        if (field != null) {
            put(field, node);
            placed.put(path, field.getSheet().getSheetName() + "!" + field.getAddress().formatAsString());
        } else if (path.equals("claims") && tables.containsKey("claims")) {
            fillClaims(tables.get("claims"), node, unplaced);
        } else if (node.isArray() && tables.containsKey(path)) {
            fillTable(tables.get(path), path, node, unplaced);
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), fields, tables, placed, unplaced);
            }
        } else {
            unplaced.add(path);
        }
    }

    private static void fillTable(Sheet sheet, String path, JsonNode items, List<String> unplaced) {
        Map<String, Integer> columns = columns(sheet);
        // an empty list is stated, as the template's guide says: "[]" alone in the first cell
        if (items.isEmpty()) cell(sheet.getRow(2) == null ? sheet.createRow(2) : sheet.getRow(2), 0).setCellValue("[]");
        int r = 2;
        for (JsonNode item : items) {
            Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
            fillRow(row, columns, path + "[].", item, path + "[" + (r - 2) + "]", unplaced);
            r++;
        }
    }

    private static void fillClaims(Sheet sheet, JsonNode claims, List<String> unplaced) {
        Map<String, Integer> columns = columns(sheet);
        DataFormatter text = new DataFormatter();
        for (Iterator<Map.Entry<String, JsonNode>> it = claims.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> claim = it.next();
            Row row = null;
            for (Row candidate : sheet) if (candidate.getRowNum() >= 2 && text.formatCellValue(candidate.getCell(0)).equals(claim.getKey())) row = candidate;
            if (row == null) {
                row = sheet.createRow(sheet.getLastRowNum() + 1);
                row.createCell(0).setCellValue(claim.getKey());
            }
            fillRow(row, columns, "claims{}.", claim.getValue(), "claims." + claim.getKey(), unplaced);
        }
    }

    /** An item's fields into its row: each under the column whose key names it (a nested field by its dotted key). */
    private static void fillRow(Row row, Map<String, Integer> columns, String prefix, JsonNode item, String where, List<String> unplaced) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            placeInRow(row, columns, prefix + e.getKey(), e.getValue(), where + "." + e.getKey(), unplaced);
        }
    }

    private static void placeInRow(Row row, Map<String, Integer> columns, String key, JsonNode value, String where, List<String> unplaced) {
        Integer column = columns.get(key);
        if (column != null) {
            put(cell(row, column), value);
        } else if (value.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                placeInRow(row, columns, key + "." + e.getKey(), e.getValue(), where + "." + e.getKey(), unplaced);
            }
        } else {
            unplaced.add(where);
        }
    }

    /** A table sheet's columns by the key in its second row. */
    private static Map<String, Integer> columns(Sheet sheet) {
        Map<String, Integer> out = new HashMap<>();
        DataFormatter text = new DataFormatter();
        Row keys = sheet.getRow(1);
        for (Cell c : keys) out.put(text.formatCellValue(c), c.getColumnIndex());
        return out;
    }

    private static Cell cell(Row row, int column) {
        return row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
    }

    /** A value as a person types it: a number as a number, text as text, a list one item a line, a mapping in flow style. */
    private static void put(Cell cell, JsonNode v) {
        if (v.isNumber()) {
            cell.setCellValue(v.asDouble());
        } else if (v.isValueNode()) {
            cell.setCellValue(v.asText());
        } else if (v.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode i : v) items.add(i.isValueNode() ? i.asText() : i.toString());
            cell.setCellValue(String.join("\n", items));
        } else {
            cell.setCellValue(v.toString());
        }
    }

    /** A copy of {@code workbook} with the cell at {@code at} ("企业!C3") holding {@code value}. */
    static void set(Path workbook, String at, String value, Path out) throws Exception {
        try (InputStream in = Files.newInputStream(workbook); Workbook wb = WorkbookFactory.create(in)) {
            Sheet sheet = wb.getSheet(at.substring(0, at.indexOf('!')));
            var ref = new org.apache.poi.ss.util.CellReference(at.substring(at.indexOf('!') + 1));
            cell(sheet.getRow(ref.getRow()), ref.getCol()).setCellValue(value);
            try (OutputStream o = Files.newOutputStream(out)) {
                wb.write(o);
            }
        }
    }
}
