package org.verdant.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.verdant.app.Workbooks;
import org.verdant.support.TestRulebook;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook endpoints: the template as .xlsx, a filled workbook previewed and stored, a broken one answered 422 at its cell. */
@Timeout(300)
class XlsxApiTest {
    static final String TOKEN = "test-token-0123456789abcdef";
    static final Path CEMENT = Path.of("fixtures/green-factory/gbt36132-2018/cement-jiangsu-high-scorer.yaml");

    @RegisterExtension
    static final ApiServer server = ApiServer.requiringToken("verdant-xlsx-api-test", TOKEN);

    @Test
    void theTemplateComesAsAWorkbook() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(server.request("/api/templates/green-factory-2025.xlsx?lang=en").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(XlsxApi.XLSX);
        assertThat(r.body()[0]).isEqualTo((byte) 'P');
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("green-factory-2025.xlsx");
        // the YAML template is still what the plain name answers
        assertThat(server.get("/api/templates/green-factory-2025").response().headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(server.get("/api/templates/nothing.xlsx").status()).isEqualTo(404);
    }

    @Test
    void aFilledWorkbookIsPreviewedAndStored() throws Exception {
        byte[] xlsx = Workbooks.template(TestRulebook.compiled(), "green-factory", null, null, "zh", CEMENT.toString(), Files.readAllBytes(CEMENT));
        Http.Answer preview = server.post("/api/xlsx/evaluate?file=cement.xlsx", XlsxApi.XLSX, xlsx);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.json().path("input").path("file").asText()).isEqualTo("cement.xlsx");
        assertThat(preview.json().path("score").isNumber()).isTrue();
        Http.Answer stored = server.post("/api/xlsx/evaluations?file=cement.xlsx", XlsxApi.XLSX, xlsx);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.header("Location")).startsWith("/api/evaluations/");
    }

    @Test
    void aBrokenWorkbookIsAnswered422AndAWrongMediaType415() {
        Http.Answer broken = server.post("/api/xlsx/evaluate?file=x.xlsx", XlsxApi.XLSX, "scheme: green-factory".getBytes());
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.body()).contains("x.xlsx").contains(".xlsx");
        assertThat(server.post("/api/xlsx/evaluate", "application/yaml", "scheme: green-factory").status()).isEqualTo(415);
    }
    @Test
    void aCitedEvidenceDigestTheArchiveLacksIsAnswered422AtItsCellInEitherLanguage() throws Exception {
        String unknown = "sha256:" + "ef".repeat(32);
        String yaml = Files.readString(CEMENT).replace("      - 营业执照 (统一社会信用代码 91321183788362137D)\n",
                "      - {document: 营业执照, sha256: \"" + unknown + "\"}\n");
        byte[] xlsx = Workbooks.template(TestRulebook.compiled(), "green-factory", null, null, "zh", CEMENT.toString(), yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Http.Answer zh = server.post("/api/xlsx/evaluate?file=cement.xlsx", XlsxApi.XLSX, xlsx);
        assertThat(zh.status()).as(zh.body()).isEqualTo(422);
        var problem = zh.json().path("problems").get(0);
        assertThat(problem.path("file").asText()).matches("cement\\.xlsx:定性要求声明![A-Z]+\\d+");
        assertThat(problem.path("path").asText()).isEqualTo("claims.B1.evidence[0].sha256");
        assertThat(problem.path("message").asText()).isEqualTo("证据 " + unknown + " 不在档案中");
        Http.Answer en = server.post("/api/xlsx/evaluations?file=cement.xlsx&lang=en", XlsxApi.XLSX, xlsx);
        assertThat(en.status()).as(en.body()).isEqualTo(422);
        assertThat(en.json().path("problems").get(0).path("file").asText()).isEqualTo(problem.path("file").asText());
        assertThat(en.json().path("problems").get(0).path("message").asText()).isEqualTo("evidence " + unknown + " is not in the archive");
    }
}
